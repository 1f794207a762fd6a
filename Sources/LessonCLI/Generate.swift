import Analysis
import ArgumentParser
import CairoBackend
import Drawing
import Foundation
import GraphEngine
import Handout
import LessonKit
import OutputStore

/// `lessongen LESSON`: everything for one lesson into `Output/<id>/`.
struct Generate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Generate everything for one lesson into ./Output/<id>/ (or --out DIR/<id>/).")

  @OptionGroup var options: LessonOptions
  @OptionGroup var style: StyleOptions
  @OptionGroup var exercise: ExerciseOptions

  @Option(help: ArgumentHelp("Write under DIR/<id>/ instead of ./Output/<id>/.", valueName: "DIR"))
  var out: String = "Output"

  /// The thread that lays out and draws the handout; it starts loading the handout's fonts
  /// as soon as it exists.
  private static let helper: RenderThread = {
    let thread = RenderThread()
    thread.async { PangoTextMeasurer().load(HandoutStyle.standard.fonts) }
    return thread
  }()

  /// Starts the handout thread now rather than when the command runs.
  static func startHelper() {
    _ = helper
  }

  /// Whether `arguments` (without the program name) run this command rather than another
  /// subcommand, help or the version: a first argument that is not a subcommand's name or a
  /// help or version flag. A wrong guess costs only an early start, or a late one.
  static func isRequested(by arguments: [String]) -> Bool {
    let others = LessongenCommand.configuration.subcommands
      .filter { ObjectIdentifier($0) != ObjectIdentifier(Generate.self) }.map { $0._commandName }
    guard let first = arguments.first, !(others + ["help"]).contains(first) else { return false }
    return !arguments.contains { ["-h", "--help", "--version"].contains($0) }
  }

  func validate() throws {
    guard !out.isEmpty else {
      throw ValidationError("--out needs a folder (use --out . for the current folder)")
    }
  }

  func run() throws {
    let helper = Self.helper
    let compiled = try options.compileAny()
    let id = compiled.lesson.id
    // The path as given (URL would fold `la/..` by its text, not through the link `la`).
    let folder = (out.hasSuffix("/") ? out : out + "/") + id
    if case .failure(let failure) = Self.write(
      compiled, style: style, exercise: exercise.blanks ?? .none,
      to: OutputFolder(path: folder), helper: helper)
    {
      Terminal.printError(failure.message)
      throw ExitCode.failure
    }
    Terminal.write(TextHygiene.escapedLine("wrote \(id) to \(folder)/") + "\n")
  }

  /// Why a lesson could not be written: the message to print.
  struct Failure: Error {
    var message: String

    init(_ message: String) {
      self.message = message
    }
  }

  /// Plans, draws and writes one lesson's files into `folder`, a lesson of numbers
  /// (``Artifacts``) or of vectors and matrices (``TensorArtifacts``): what `lessongen LESSON`
  /// and each lesson of `lessongen build` do (with `exercise`, its exercise sheet too); the
  /// folder's stamp when it worked.
  static func write(
    _ compiled: LessonSource.Compiled, style: StyleOptions, exercise: Blanks = .none,
    to folder: OutputFolder, helper: RenderThread
  ) -> Result<String, Failure> {
    let lesson = compiled.lesson
    var prepared: PreparedLesson
    do {
      prepared = try PreparedLesson(compiled, options: style)
    } catch {
      return .failure(Failure(error.description))
    }
    prepared.plan.exercise = exercise
    let files: [Artifacts.File]
    do {
      files = try prepared.files(helper: helper)
    } catch {
      // Drawing failed (a C library's error): the lesson it was drawing is the place to look.
      return .failure(Failure("\(lesson.path): error: \(error)"))
    }
    do {
      return .success(try folder.writeRecorded(files).stamp)
    } catch {
      // The message names the folder or file that could not be written.
      return .failure(Failure("error: \(error)"))
    }
  }
}
