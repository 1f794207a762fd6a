public import ArgumentParser

/// `lessongen`: lessons in, backpropagation material out.
public struct LessongenCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "lessongen",
    abstract: "Turn a lesson file into backpropagation material: trace, figures, handout.",
    discussion: """
      LESSON is a built-in lesson id (see `lessongen list`) or a path to a .yaml file.
      `lessongen LESSON` writes everything for the lesson into ./Output/<id>/.
      """,
    version: "0.1.0",
    subcommands: [Generate.self, Trace.self, Check.self, List.self],
    defaultSubcommand: Generate.self
  )

  public init() {}
}

/// The executable's entry point.
public enum Lessongen {
  /// Parses the command line, runs the command and exits.
  public static func main() {
    LessongenCommand.main()
  }
}
