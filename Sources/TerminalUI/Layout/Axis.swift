/// The direction a rect is split along: `.horizontal` lays parts side by side (columns),
/// `.vertical` stacks them (rows).
///
/// Named `Axis` rather than `Direction`, which the domain uses for metrics.
public enum Axis: Hashable, Sendable {
    case horizontal, vertical
}
