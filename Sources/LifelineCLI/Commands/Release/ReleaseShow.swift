import ArgumentParser
import Lifeline
import LifelineCore

extension ReleaseCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show one release.",
            discussion: """
                Example:
                  lifeline release show 12 --format json
                """
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The release id.")
        var id: Int64

        func run() throws {
            let release = try global.portfolio().catalogue.release(id: id)
            if output.format == .table {
                var rows = Rows(columns: ["field", "value"])
                for (column, value) in zip(ReleasePresenter.columns, ReleasePresenter.row(release)) where value != .null {
                    rows.append([.text(column.replacing("_", with: " ")), value])
                }
                rows.append([.text("logged at"), .text(release.loggedAt)])
                rows.print(as: .table)
            } else {
                Console.output(ReleasePresenter.render(release, as: output.format))
            }
        }
    }
}
