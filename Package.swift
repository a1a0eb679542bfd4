// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Tandem",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tandem", targets: ["tandem"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // RFC 4180 reading and writing for export and import.
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        // config.toml: settings, keys, mouse, the notification hook.
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        // HPKE sealing of private notes, and scrypt for a passphrase-protected identity.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // The domain: entities and rules. No I/O, no clock, no terminal.
        .target(name: "TandemCore"),
        // JSON files on disk: layout, atomic writes, lock, formats, check.
        // Export, import and team sync's file and git work live here too.
        .target(name: "TandemStore", dependencies: ["TandemCore", .product(name: "CSV", package: "CSV.swift")]),
        // Identities and sealing of private notes (HPKE, scrypt): the only code that imports Crypto.
        .target(name: "TandemSeal", dependencies: [
            "TandemCore",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "_CryptoExtras", package: "swift-crypto"),
        ]),
        // A small TUI kit that knows nothing of coaching.
        .target(name: "TerminalUI"),
        // ncursesw through a C shim: the only code that imports it.
        .systemLibrary(
            name: "CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        .target(name: "NcursesBackend", dependencies: ["TerminalUI", "CNcursesw"]),
        // The dashboard: state, messages, update, views, keymap, forms.
        .target(name: "TandemApp", dependencies: ["TandemCore", "TandemStore", "TerminalUI"]),
        // config.toml: settings, key remaps over the key table, the mouse, the notification hook.
        .target(name: "TandemConfig", dependencies: ["TandemApp", "TandemCore", .product(name: "TOMLKit", package: "TOMLKit")]),
        // The command line: parsing and wiring only.
        .executableTarget(
            name: "tandem",
            dependencies: [
                "TandemCore", "TandemStore", "TerminalUI", "NcursesBackend", "TandemApp", "TandemConfig", "TandemSeal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Per-keystroke and start-up timings on a real data folder (see its header).
        .executableTarget(
            name: "tandem-bench",
            dependencies: ["TandemApp", "TandemStore", "TandemCore", "TerminalUI"],
            path: "Benchmarks/FrameBench"
        ),
        .testTarget(name: "TandemCoreTests", dependencies: ["TandemCore"]),
        .testTarget(name: "TandemStoreTests", dependencies: ["TandemStore", "TandemCore"]),
        .testTarget(name: "TandemSealTests", dependencies: ["TandemSeal", "TandemStore", "TandemCore"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"]),
        .testTarget(name: "TandemConfigTests", dependencies: ["TandemConfig", "TandemApp", "TandemCore", "TerminalUI"]),
        .testTarget(name: "TandemAppTests", dependencies: ["TandemApp", "TerminalUI", "TandemCore", "TandemStore"]),
        // Drives the built `tandem` binary on temporary folders, and under tmux.
        .testTarget(name: "TandemCLITests", dependencies: ["tandem", "TandemCore", "TandemStore", "NcursesBackend"]),
    ]
)
