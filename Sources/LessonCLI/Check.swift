import ArgumentParser
import ExpressionLanguage
import GraphEngine
import LessonKit

/// `lessongen check LESSON...`: validates lessons; exit 0 only if all are valid.
struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check lessons and print every problem found; exit 0 only if all are valid.")

  @Argument(help: "Built-in lesson ids or paths to .yaml files.")
  var lessons: [String]

  @Option(
    name: .customLong("set"),
    help: ArgumentHelp("Override an input value while checking.", valueName: "name=value"))
  var overrides: [InputOverride] = []

  func validate() throws {
    if lessons.isEmpty { throw ValidationError("give at least one lesson to check") }
  }

  func run() throws {
    var failed = 0
    let values = Dictionary(overrides.map { ($0.name, $0.value) }, uniquingKeysWith: { _, b in b })
    for argument in lessons {
      do {
        // Planned too: an unknown style, labels or figures key is an error.
        let prepared = try PreparedLesson(
          LessonSource(argument: argument).compileAny(overrides: values), style: nil, labels: nil)
        Terminal.write("\(prepared.lesson.path): ok (\(prepared.summary))\n")
      } catch {
        Terminal.printError(error.description)
        failed += 1
      }
    }
    if failed > 0 { throw ExitCode.failure }
  }
}
