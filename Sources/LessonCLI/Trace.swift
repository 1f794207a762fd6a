import ArgumentParser
import LessonKit

/// `lessongen trace LESSON`: the trace JSON on standard output, nothing written.
struct Trace: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print the trace JSON: every node's value, gradient and local gradients.")

  @OptionGroup var options: LessonOptions

  func run() throws {
    let shaped: CompiledTensorLesson?
    do {
      shaped = try LessonSource(argument: options.lesson).compileTensors(
        overrides: options.overrideValues)
    } catch {
      Terminal.printError(error.description)
      throw ExitCode.failure
    }
    if let shaped {
      Terminal.write(TraceJSON.write(shaped))
      return
    }
    let compiled = try options.compile()
    Terminal.write(TraceJSON.write(compiled))
  }
}
