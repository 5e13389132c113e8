import Foundation

/// `minqing init` would overwrite files.
struct WorkspaceExists: MinqingError {
    let paths: [String]
    var description: String {
        "工作区中已有这些文件，未做任何更改：\(paths.joined(separator: "、"))。如要重新生成，请先移走它们。"
    }

    /// `init` refusing to overwrite a workspace is a usage error.
    var exitStatus: ExitStatus { .usage }
}

/// Creates a workspace: a commented `minqing.toml`, the example county in `seeds/`, and the Markdown
/// template in `ReportTemplates/`. Never overwrites: when any of them exists, nothing is written.
public enum WorkspaceInitializer {
    /// The files `init` writes, relative to the workspace, with their text.
    static var files: [(path: String, text: String)] {
        [("minqing.toml", ConfigTemplate.text)]
            + ExampleSeeds.files.map { ("seeds/\($0.name)", $0.text + "\n") }
            + [("ReportTemplates/bulletin.md.mustache", DefaultTemplate.text + "\n")]
    }

    /// Writes the files into `directory` (created when missing) and returns their paths.
    @discardableResult
    public static func create(at directory: String) throws -> [String] {
        let manager = FileManager.default
        let targets = files.map { (directory + "/" + $0.path, $0.text) }
        let existing = targets.map(\.0).filter { manager.fileExists(atPath: $0) }
        guard existing.isEmpty else { throw WorkspaceExists(paths: existing) }
        do {
            for (path, text) in targets {
                try manager.createDirectory(
                    atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
            }
        } catch {
            throw OutputError(path: directory, message: "无法写入工作区（\(error.localizedDescription)）")
        }
        return targets.map(\.0)
    }
}
