/// A table column: its header, how wide it is, and how its cells are aligned.
public struct TableColumn: Sendable {
    public var title: String
    public var width: Constraint
    public var align: Alignment

    public init(title: String, width: Constraint, align: Alignment = .left) {
        self.title = title; self.width = width; self.align = align
    }
}
