extension Theme {
    /// The theme used when none is chosen: every role defined, made for dark terminals,
    /// the terminal's own background and text colors. `themes/default.theme` is its file form.
    public static let builtinDefault = Theme(name: "default", styles: [
        .text: Style(),
        .muted: Style(fg: hex("#7f849c")),
        .title: Style(fg: hex("#89b4fa"), attrs: .bold),
        .border: Style(fg: hex("#585b70")),
        .focus: Style(fg: hex("#89b4fa"), attrs: .bold),
        .selection: Style(fg: hex("#1e1e2e"), bg: hex("#89b4fa"), attrs: .bold),
        .selectionInactive: Style(bg: hex("#45475a")),
        .header: Style(fg: hex("#f9e2af"), attrs: .bold),
        .footer: Style(fg: hex("#a6adc8")),
        .status: Style(fg: hex("#cdd6f4"), bg: hex("#313244")),
        .ok: Style(fg: hex("#a6e3a1")),
        .warn: Style(fg: hex("#f9e2af")),
        .danger: Style(fg: hex("#f38ba8"), attrs: .bold),
        .info: Style(fg: hex("#89dceb")),
        .coaching: Style(fg: hex("#cba6f7")),
        .mentoring: Style(fg: hex("#94e2d5")),
        .spark: Style(fg: hex("#74c7ec")),
        .gauge: Style(fg: hex("#a6e3a1")),
        .gaugeEmpty: Style(fg: hex("#45475a")),
        .key: Style(fg: hex("#fab387"), attrs: .bold),
        .overlay: Style(bg: hex("#1e1e2e")),
        .input: Style(fg: hex("#cdd6f4"), bg: hex("#313244")),
        .inputFocus: Style(fg: hex("#ffffff"), bg: hex("#45475a")),
        .error: Style(fg: hex("#f38ba8"), attrs: .bold),
        .background: Style(),
    ])

    /// A theme for terminals without color (or `NO_COLOR`): default colors, meaning carried
    /// by bold, dim, underline and reverse only. `themes/mono.theme` is its file form.
    public static let monochrome = Theme(name: "mono", styles: [
        .text: Style(),
        .muted: Style(attrs: .dim),
        .title: Style(attrs: .bold),
        .border: Style(attrs: .dim),
        .focus: Style(attrs: .bold),
        .selection: Style(attrs: [.reverse, .bold]),
        .selectionInactive: Style(attrs: .underline),
        .header: Style(attrs: [.bold, .underline]),
        .footer: Style(),
        .status: Style(attrs: .reverse),
        .ok: Style(),
        .warn: Style(attrs: .bold),
        .danger: Style(attrs: [.bold, .underline]),
        .info: Style(),
        .coaching: Style(),
        .mentoring: Style(),
        .spark: Style(),
        .gauge: Style(attrs: .bold),
        .gaugeEmpty: Style(attrs: .dim),
        .key: Style(attrs: .bold),
        .overlay: Style(),
        .input: Style(attrs: .underline),
        .inputFocus: Style(attrs: .reverse),
        .error: Style(attrs: .bold),
        .background: Style(),
    ])

    private static func hex(_ s: String) -> Color { Color(hex: s) ?? .default }
}
