import TerminalUI

extension NcursesBackend {
    /// The terminal color number for `color` on a terminal of `colors` colors, nil for the
    /// terminal's default. The reduction is the kit's (`Color.reduced(toColors:)`), so what a
    /// theme preview and the terminal show agree.
    static func colorNumber(_ color: Color, colors: Int) -> Int? {
        switch color.reduced(toColors: colors) {
        case .indexed(let i): Int(i)
        case .default, .rgb: nil
        }
    }
}
