import Foundation

/// Finds themes by name in a list of folders, or reads a theme file by path.
public struct ThemeCatalog: Sendable {
    /// Folders searched in order for `<name>.theme`.
    public var searchPaths: [URL]

    public init(searchPaths: [URL]) {
        self.searchPaths = searchPaths
    }

    /// The names of the themes available, sorted; "default" is always among them.
    public func names() -> [String] {
        var found: Set<String> = ["default"]
        for dir in searchPaths {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            for file in files where file.hasSuffix(".theme") && file.count > 6 {
                found.insert(String(file.dropLast(6)))
            }
        }
        return found.sorted()
    }

    /// Loads a theme by name (the first `<dir>/<name>.theme` found) or by path (anything with
    /// a "/" or ending in ".theme"), on top of the built-in default. "default" without a file
    /// is the built-in theme. Warnings name the file and line.
    /// - Throws: `ThemeError` when the name is unknown (listing the names available) or the
    ///   file cannot be read.
    public func load(_ nameOrPath: String) throws -> (Theme, [String]) {
        let url: URL
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".theme") {
            url = URL(fileURLWithPath: nameOrPath)
        } else if let found = searchPaths.map({ $0.appendingPathComponent(nameOrPath + ".theme") })
            .first(where: { FileManager.default.fileExists(atPath: $0.path) }) {
            url = found
        } else if nameOrPath == "default" {
            return (.builtinDefault, [])
        } else {
            let folders = searchPaths.isEmpty ? "" : " (looked in \(searchPaths.map(\.path).joined(separator: ", ")))"
            throw ThemeError(message: "unknown theme \"\(nameOrPath)\"; available: \(names().joined(separator: ", "))\(folders)")
        }
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ThemeError(message: "cannot read theme file \(url.path): \(error.localizedDescription)")
        }
        let name = url.deletingPathExtension().lastPathComponent
        let (theme, warnings) = Theme.parse(text, name: name)
        return (theme, warnings.map { "\(url.path): \($0)" })
    }
}

/// Why a theme could not be loaded, in words for the user.
public struct ThemeError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
}
