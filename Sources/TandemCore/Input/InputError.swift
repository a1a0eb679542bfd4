/// Why a value typed by a person could not be read, in words that give the expected form.
public struct InputError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The sentence to show: what was typed, and what to type instead.
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
