/// What a piece of the screen means, so a theme can color it: views ask for a role,
/// never for a color. The raw value is the name used in theme files (`theme[gauge_empty]`).
public enum Role: String, CaseIterable, Sendable {
    /// Ordinary text.
    case text
    /// Secondary text: hints, dates, empty-state notes.
    case muted
    /// Pane and window titles.
    case title
    /// Borders of panes that do not have the focus.
    case border
    /// The border (and title) of the pane that has the focus.
    case focus
    /// The selected row of the focused list.
    case selection
    /// The selected row of a list that does not have the focus.
    case selectionInactive = "selection_inactive"
    /// Column headers of tables.
    case header
    /// The key-hint bar at the bottom.
    case footer
    /// The status line (messages, mode, counts).
    case status
    /// Good news: on track, saved, healthy.
    case ok
    /// Needs attention soon: due, drifting.
    case warn
    /// Needs attention now: overdue, off track, failed.
    case danger
    /// Neutral information worth noticing.
    case info
    /// Marks things of the first kind of relationship (the app's first pane).
    case coaching
    /// Marks things of the second kind of relationship (the app's second pane).
    case mentoring
    /// Sparklines.
    case spark
    /// The filled part of a gauge.
    case gauge
    /// The empty part of a gauge.
    case gaugeEmpty = "gauge_empty"
    /// A key in a key hint ("q" in "q quit").
    case key
    /// The inside of a modal overlay (help, forms, confirmations).
    case overlay
    /// A text field without the focus.
    case input
    /// The text field being edited.
    case inputFocus = "input_focus"
    /// Error messages.
    case error
    /// The screen behind everything; its background is the default background of every role.
    case background
}
