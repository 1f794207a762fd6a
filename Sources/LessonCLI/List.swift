import ArgumentParser
import LessonKit

/// `lessongen list`: the built-in lessons, `id — title` a line.
struct List: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "List the built-in lessons.")

  func run() throws {
    do {
      for entry in try LessonSource.builtinCatalog() {
        Terminal.write("\(entry.id) — \(entry.title)\n")
      }
    } catch {
      Terminal.printError(error.description)
      throw ExitCode.failure
    }
  }
}
