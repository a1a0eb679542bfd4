import TerminalUI

extension NcursesBackend {
    /// The terminal color number for `color` on a terminal of `colors` colors, nil for
    /// the terminal's default. RGB goes to the nearest of the xterm 256 palette (6×6×6
    /// cube and gray ramp), and everything to the 8 basic colors below 256 colors.
    static func colorNumber(_ color: Color, colors: Int) -> Int? {
        switch color {
        case .default:
            return nil
        case .indexed(let index):
            if Int(index) < colors { return Int(index) }
            if index < 16 { return Int(index) % 8 }
            let (r, g, b) = rgb(ofPaletteIndex: Int(index))
            return basicColor(r, g, b)
        case .rgb(let r, let g, let b):
            return colors >= 256 ? paletteIndex(Int(r), Int(g), Int(b)) : basicColor(Int(r), Int(g), Int(b))
        }
    }

    /// Channel values of the xterm color cube's six steps.
    private static let cubeLevels = [0, 95, 135, 175, 215, 255]

    /// The nearest entry among the cube (16–231) and the gray ramp (232–255).
    static func paletteIndex(_ r: Int, _ g: Int, _ b: Int) -> Int {
        let (ri, gi, bi) = (nearestCubeStep(r), nearestCubeStep(g), nearestCubeStep(b))
        let cube = 16 + 36 * ri + 6 * gi + bi
        let cubeDistance = distance((r, g, b), (cubeLevels[ri], cubeLevels[gi], cubeLevels[bi]))
        let grayStep = min(23, max(0, ((r + g + b) / 3 - 8 + 5) / 10))
        let grayLevel = 8 + 10 * grayStep
        let grayDistance = distance((r, g, b), (grayLevel, grayLevel, grayLevel))
        return grayDistance < cubeDistance ? 232 + grayStep : cube
    }

    /// One of the 8 basic colors: a bit per channel at half intensity (1 red, 2 green, 4 blue).
    static func basicColor(_ r: Int, _ g: Int, _ b: Int) -> Int {
        (r >= 128 ? 1 : 0) | (g >= 128 ? 2 : 0) | (b >= 128 ? 4 : 0)
    }

    /// The RGB of a palette entry from 16 up (cube or gray ramp).
    private static func rgb(ofPaletteIndex index: Int) -> (Int, Int, Int) {
        if index >= 232 {
            let level = 8 + 10 * (index - 232)
            return (level, level, level)
        }
        let n = index - 16
        return (cubeLevels[n / 36], cubeLevels[n / 6 % 6], cubeLevels[n % 6])
    }

    private static func nearestCubeStep(_ value: Int) -> Int {
        cubeLevels.indices.min { abs(cubeLevels[$0] - value) < abs(cubeLevels[$1] - value) }!
    }

    private static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let (dr, dg, db) = (a.0 - b.0, a.1 - b.1, a.2 - b.2)
        return dr * dr + dg * dg + db * db
    }
}
