/// Where text sits in a wider column.
public enum Alignment: Hashable, Sendable {
    case left, right, center
}
