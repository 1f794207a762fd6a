import ArgumentParser
import Render

/// `--style` and `--labels`.
struct StyleOptions: ParsableArguments {
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
}
