/// The editing both text fields share, so a key means the same in a one-line field and in notes.
protocol TextEditable {
    mutating func insert(_ s: String)
    mutating func backspace()
    mutating func deleteForward()
    mutating func deleteWordBackward()
    mutating func killToEnd()
    mutating func killToStart()
    mutating func moveLeft()
    mutating func moveRight()
    mutating func home()
    mutating func end()
    mutating func wordLeft()
    mutating func wordRight()
}

extension TextEditable {
    /// Applies a key every text field uses (arrows sideways, Home/End and Ctrl-A/E, word jumps,
    /// deletions, printable characters); `nil` for a key the field itself must decide on.
    mutating func handleShared(_ key: Key) -> Bool? {
        switch key {
        case .left: moveLeft()
        case .right: moveRight()
        case .home, .ctrl("a"): home()
        case .end, .ctrl("e"): end()
        case .ctrlLeft, .alt(.left), .alt(.char("b")): wordLeft()
        case .ctrlRight, .alt(.right), .alt(.char("f")): wordRight()
        case .backspace: backspace()
        case .delete: deleteForward()
        case .ctrl("w"), .alt(.backspace): deleteWordBackward()
        case .ctrl("k"): killToEnd()
        case .ctrl("u"): killToStart()
        case .char(let c) where !TextEditing.isControl(c) && !c.isNewline: insert(String(c))
        default: return nil
        }
        return true
    }
}
