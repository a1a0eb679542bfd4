import TerminalUI

/// Where the needs assessment and the prep brief go on a frame.
extension AppLayout {
    /// The assessment's right column: the person's history beside a question, the mentor
    /// suggestions beside the result. A third of the body, 26 to 40 columns.
    public var assessmentSide: Rect {
        let w = min(40, max(26, body.width / 3))
        return Rect(x: body.right - w, y: body.y, width: min(w, body.width), height: body.height)
    }

    /// The assessment's main column: the question or the result.
    public var assessmentMain: Rect {
        Rect(x: body.x, y: body.y, width: max(0, body.width - assessmentSide.width), height: body.height)
    }

    /// The prep brief's box, centred over the screen.
    public var briefBox: Rect {
        Rect(x: 0, y: 0, width: width, height: height).centered(width: max(0, min(width - 4, 90)), height: max(0, height - 2))
    }

    /// The brief's text inside its box (the last row is its hint).
    public var briefText: Rect {
        let b = briefBox
        return Rect(x: b.x + 2, y: b.y + 1, width: max(0, b.width - 4), height: max(0, b.height - 3))
    }
}
