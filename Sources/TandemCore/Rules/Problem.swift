/// Something wrong with a record, said where it is and what is expected.
public struct Problem: Equatable, Sendable, CustomStringConvertible {
    /// The path of the field: `deadline`, `metrics[0].target`, `sessions[3].pulse`.
    public var field: String
    /// What is wrong, in words a person understands.
    public var message: String

    public init(field: String, message: String) { self.field = field; self.message = message }

    /// "field: message".
    public var description: String { "\(field): \(message)" }
}
