import Analysis
import ArgumentParser
import LessonKit

/// `lessongen trace LESSON`: the trace JSON on standard output, nothing written.
struct Trace: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print the trace JSON: every node's value, gradient and local gradients.")

  @OptionGroup var options: LessonOptions

  func run() throws {
    Terminal.write(try options.compileAny().traceJSON)
  }
}
