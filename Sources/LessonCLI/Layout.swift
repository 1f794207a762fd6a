import Analysis
import ArgumentParser
import CairoBackend
import Drawing
import Explain
import Figures
import LessonKit

/// `lessongen layout LESSON [--figure NAME] [--style S] [--labels M]`: one figure's geometry
/// as JSON on standard output (docs/LAYOUT.md); nothing written.
struct Layout: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print one figure's geometry as JSON: nodes, wires and labels, in points.")

  @OptionGroup var options: LessonOptions

  @Option(
    help: ArgumentHelp(
      "The figure: graph (default), forward, expanded, step-01, …", valueName: "name"))
  var figure: String = "graph"

  @Option(help: ArgumentHelp("House style: dlfs (default), cs231n or colah.", valueName: "name"))
  var style: String?

  @Option(
    help: ArgumentHelp("Edge labels: numeric (default), symbolic or both.", valueName: "mode"))
  var labels: String?

  func validate() throws {
    if let style, Theme.named(style) == nil {
      throw ValidationError("unknown style '\(style)'; the styles are \(FigurePlan.styleNames)")
    }
    if let labels, LabelMode(rawValue: labels) == nil {
      throw ValidationError("unknown labels '\(labels)'; they are \(FigurePlan.labelNames)")
    }
  }

  func run() throws {
    let compiled = try options.compileAny()
    let prepared: PreparedLesson
    do throws(LessonError) {
      prepared = try PreparedLesson(compiled, style: style, labels: labels)
    } catch {
      Terminal.printError(error.description)
      throw ExitCode.failure
    }
    switch prepared.geometry(of: figure) {
    case .success(let geometry): Terminal.write(LayoutJSON.write(geometry))
    case .failure(let failure):
      Terminal.printError(failure.message)
      throw ExitCode.failure
    }
  }
}
