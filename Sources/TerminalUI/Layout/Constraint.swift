/// How long one part of a split is, along the split's axis.
///
/// Sizes are settled in this order: `fixed`, then `min`, then `percent` take what they ask
/// for while room remains (earlier parts first); `fill` parts share what is left by weight.
/// When no part fills, the `min` parts grow to share it; when none can grow, the last part
/// takes it, so the parts always cover the whole length.
public enum Constraint: Hashable, Sendable {
    /// Exactly `n` cells (less only when there is no room).
    case fixed(Int)
    /// A share of the leftover room, proportional to the weight.
    case fill(Int)
    /// `p` percent of the length (after spacing), rounded down.
    case percent(Int)
    /// At least `n` cells (room permitting), growing when nothing else fills.
    case min(Int)
}
