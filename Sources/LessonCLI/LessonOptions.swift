import ArgumentParser
import ExpressionLanguage
import GraphEngine
import LessonKit

/// The options every command that reads one lesson shares.
struct LessonOptions: ParsableArguments {
  @Argument(help: "A built-in lesson id or a path to a .yaml file.")
  var lesson: String

  @Option(
    name: .customLong("set"),
    help: ArgumentHelp("Override an input value for this run.", valueName: "name=value"))
  var overrides: [InputOverride] = []

  /// The overrides as a dictionary (a later `--set` of the same name wins).
  var overrideValues: [String: Double] {
    Dictionary(overrides.map { ($0.name, $0.value) }, uniquingKeysWith: { _, b in b })
  }

  /// Loads and compiles the lesson on numbers or on vectors and matrices, or prints its
  /// diagnostics and exits with status 1.
  func compileAny() throws -> LessonSource.Compiled {
    do {
      return try LessonSource(argument: lesson).compileAny(overrides: overrideValues)
    } catch {
      Terminal.printError(error.description)
      throw ExitCode.failure
    }
  }
}

/// `--set name=value`.
struct InputOverride: ExpressibleByArgument {
  var name: String
  var value: Double

  init?(argument: String) {
    let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
    // A finite number that does not underflow to 0 (`1e-400`), as under `inputs`.
    guard parts.count == 2, let value = LessonLoader.parseDecimal(parts[1]), value.isFinite,
      !decimalUnderflows(parts[1], value: value),
      !parts[0].isEmpty
    else { return nil }
    self.name = parts[0]
    self.value = value
  }

  static var defaultCompletionKind: CompletionKind { .default }
}
