import Foundation

/// The identity every end-to-end run has unless a test gives its own `XDG_CONFIG_HOME`: a fixed
/// key pair without a passphrase, written into the run's own config folder, so private notes
/// logged in one run open in the next and no test ever reads the real `~/.config`.
enum TestIdentity {
    static let name = "Test Leader"
    static let publicKey = "44FL4kmZS0QIZmN+TLE6f+5iIF8t4KafWhcaGRLi1VI="
    static let file = """
        {
          "format" : 1,
          "name" : "Test Leader",
          "privateKey" : "6IIlCvJDeuZOPLKKuBkZySYNPn22vXlHXGKC5T5ggEo=",
          "publicKey" : "44FL4kmZS0QIZmN+TLE6f+5iIF8t4KafWhcaGRLi1VI="
        }

        """

    /// Makes `<folder>/tandem/identity` (0600 in 0700 folders) and returns `folder` for XDG_CONFIG_HOME.
    @discardableResult
    static func install(in folder: URL) -> URL {
        let dir = folder.appendingPathComponent("tandem")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let url = dir.appendingPathComponent("identity")
        FileManager.default.createFile(atPath: url.path, contents: Data(file.utf8), attributes: [.posixPermissions: 0o600])
        return folder
    }
}
