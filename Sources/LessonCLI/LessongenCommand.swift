public import ArgumentParser
import LessonKit

#if canImport(Glibc)
  import CSystem
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

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
    subcommands: [
      Generate.self, Build.self, Site.self, Trace.self, Layout.self, Check.self, List.self,
    ],
    defaultSubcommand: Generate.self
  )

  public init() {}
}

/// The executable's entry point.
public enum Lessongen {
  /// Parses the command line, runs the command and exits.
  ///
  /// Always through `_exit`, after flushing: on success there is nothing left to tear down
  /// (about 5 ms that nobody waits for), and on an error the handout thread may still be
  /// loading fonts, which exit handlers of the C libraries must not pull from under it.
  public static func main() {
    keepFreedMemory()
    if Generate.isRequested(by: Array(CommandLine.arguments.dropFirst())) {
      // Start loading the handout's fonts while the command line is still being parsed.
      Generate.startHelper()
    }
    let code: Int32
    do {
      var command = try LessongenCommand.parseAsRoot(
        ExerciseOptions.normalise(Array(CommandLine.arguments.dropFirst())))
      try command.run()
      code = 0
    } catch {
      // What ParsableCommand.exit(withError:) prints: help and version on stdout, errors
      // and usage on stderr.
      // Arguments are quoted in the message: control characters in them are shown escaped.
      let message = TextHygiene.escaped(
        CommandLineSuggestion.keepingCloseOnes(LessongenCommand.fullMessage(for: error)))
      let exitCode = LessongenCommand.exitCode(for: error)
      if !message.isEmpty {
        if exitCode == .success {
          print(message)
        } else {
          Terminal.printError(message)
        }
      }
      code = exitCode.rawValue
    }
    fflush(nil)
    _exit(code)
  }
}

/// Keeps freed memory in the process instead of handing it back to the kernel.
///
/// glibc gives blocks over 128 KiB their own mapping and unmaps them when freed, so each
/// figure's pixel buffers (about 1 MB for a PNG) came back as fresh pages, every one a page
/// fault; with these settings the next figure reuses the same memory. A run is short, so
/// keeping it costs nothing.
private func keepFreedMemory() {
  #if canImport(Glibc)
    _ = mallopt(M_MMAP_THRESHOLD, 256 << 20)
    _ = mallopt(M_TRIM_THRESHOLD, 512 << 20)
  #endif
}
