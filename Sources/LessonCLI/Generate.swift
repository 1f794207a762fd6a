import ArgumentParser
import Foundation
import LessonKit

/// `lessongen LESSON`: everything for one lesson into `Output/<id>/`.
struct Generate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Generate everything for one lesson into ./Output/<id>/ (or --out DIR/<id>/).")

  @OptionGroup var options: LessonOptions

  @Option(help: ArgumentHelp("Write under DIR/<id>/ instead of ./Output/<id>/.", valueName: "DIR"))
  var out: String = "Output"

  func run() throws {
    let compiled = try options.compile()
    let artifacts = Artifacts.make(for: compiled)
    let folder = URL(fileURLWithPath: out).appendingPathComponent(compiled.lesson.id)
    do {
      try OutputFolder(folder).write(artifacts)
    } catch {
      Terminal.printError("error: \(error)")
      throw ExitCode.failure
    }
    Terminal.write("wrote \(artifacts.count) files to \(folder.relativePath)/\n")
  }
}
