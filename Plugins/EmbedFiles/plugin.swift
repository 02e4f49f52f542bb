import Foundation
import PackagePlugin

/// Embeds the package's data files into the target it is applied to, as generated
/// enums: `Migrations/*.sql` (EmbeddedMigrations), `docs/queries/*.sql` (EmbeddedQueries),
/// `data/*.csv` (EmbeddedReleaseData: the release history lifeline ships) and
/// `docs/schema.md` (EmbeddedSchemaDocument: what `lifeline datasette` describes each
/// table and view with, so the kit and the docs never disagree).
///
/// SwiftPM plans plugin commands again only when the manifest changes, so the command
/// names each folder as an input and the tool lists the folder itself when it runs: a
/// file added to the folder changes the folder, which re-runs the tool, which sees it.
@main
struct EmbedFiles: BuildToolPlugin {
    /// Folder, file extension, generated enum, how file names are checked, and the one
    /// file to take from the folder (nil: every file with the extension).
    static let sets: [(String, String, String, String, String?)] = [
        ("Migrations", "sql", "EmbeddedMigrations", "numbered", nil),
        ("docs/queries", "sql", "EmbeddedQueries", "named", nil),
        ("data", "csv", "EmbeddedReleaseData", "named", nil),
        ("docs", "md", "EmbeddedSchemaDocument", "named", "schema.md"),
    ]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let tool = try context.tool(named: "EmbedFilesTool").url
        return Self.sets.map { folder, fileExtension, enumName, mode, only in
            let directory = context.package.directoryURL.appending(path: folder)
            let files = ((try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? [])
                .filter { $0.pathExtension == fileExtension && (only == nil || $0.lastPathComponent == only) }
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
            let output = context.pluginWorkDirectoryURL.appending(path: "\(enumName).swift")
            return .buildCommand(
                displayName: "Embedding \(files.count) file(s) of \(folder) into \(target.name)",
                executable: tool,
                arguments: [output.path, enumName, mode, fileExtension, directory.path] + (only.map { [$0] } ?? []),
                inputFiles: [directory] + files,
                outputFiles: [output])
        }
    }
}
