extension Rect {
    /// Splits the rect along `axis` into one rect per constraint, `spacing` cells apart.
    ///
    /// Sizes are never negative and, with the gaps, add up to exactly the rect's length;
    /// when even the gaps do not fit, trailing parts are empty rects at the far edge.
    public func split(_ axis: Axis, _ constraints: [Constraint], spacing: Int = 0) -> [Rect] {
        guard !constraints.isEmpty else { return [] }
        let length = axis == .horizontal ? width : height
        let gaps = Swift.max(0, spacing) * (constraints.count - 1)
        let sizes = Rect.sizes(constraints, length: Swift.max(0, length - gaps))
        var rects: [Rect] = []
        var pos = 0
        for (i, size) in sizes.enumerated() {
            let start = Swift.min(pos, length)
            let len = Swift.min(size, length - start)
            rects.append(axis == .horizontal
                ? Rect(x: x + start, y: y, width: len, height: height)
                : Rect(x: x, y: y + start, width: width, height: len))
            pos = start + len + (i < sizes.count - 1 ? Swift.max(0, spacing) : 0)
        }
        return rects
    }

    /// Lengths for the constraints that add up to exactly `length` (see `Constraint`).
    static func sizes(_ constraints: [Constraint], length: Int) -> [Int] {
        var sizes = Array(repeating: 0, count: constraints.count)
        var room = length
        func claim(_ i: Int, _ want: Int) {
            let n = Swift.min(Swift.max(0, want), room)
            sizes[i] += n; room -= n
        }
        for (i, c) in constraints.enumerated() { if case .fixed(let n) = c { claim(i, n) } }
        for (i, c) in constraints.enumerated() { if case .min(let n) = c { claim(i, n) } }
        for (i, c) in constraints.enumerated() {
            if case .percent(let p) = c { claim(i, length * Swift.min(Swift.max(0, p), 100) / 100) }
        }
        guard room > 0 else { return sizes }

        var weights = constraints.map { c -> Int in
            if case .fill(let w) = c { return Swift.max(0, w) }
            return 0
        }
        if weights.allSatisfy({ $0 == 0 }) {
            weights = constraints.map { c -> Int in
                if case .min = c { return 1 }
                return 0
            }
        }
        if weights.allSatisfy({ $0 == 0 }) {
            weights[weights.count - 1] = 1
        }
        // Cumulative rounding: every share is floor(room * cumulative weight / total) minus the
        // previous one, so the shares add up to exactly `room`.
        let total = weights.reduce(0, +)
        var before = 0, given = 0
        for (i, w) in weights.enumerated() where w > 0 {
            before += w
            let upTo = room * before / total
            sizes[i] += upTo - given
            given = upTo
        }
        return sizes
    }
}
