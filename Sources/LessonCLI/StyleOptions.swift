import ArgumentParser
import Drawing
import Explain
import Figures
import GraphEngine
import Handout
import LessonKit
import Publishing

/// `--style` and `--labels`.
struct StyleOptions: ParsableArguments {
  @Option(help: ArgumentHelp("House style: dlfs (default), cs231n or colah.", valueName: "name"))
  var style: String?

  @Option(
    help: ArgumentHelp("Edge labels: numeric (default), symbolic or both.", valueName: "mode"))
  var labels: String?

  @Option(help: ArgumentHelp("Language of the explanation: en (default) or ko.", valueName: "code"))
  var lang: String?

  @Option(help: ArgumentHelp("Paper of the handout: a4 (default) or letter.", valueName: "size"))
  var paper: String?

  @Option(
    help: ArgumentHelp(
      "Math in the Markdown: dollars (default: GitHub, MkDocs, pandoc), kramdown (Jekyll) or "
        + "hugo.", valueName: "flavour"))
  var math: String?

  @Option(
    help: ArgumentHelp(
      "Step figures in the handout: grid (default: several to a row, or the part around each "
        + "node), all (one per step at full size) or none.", valueName: "layout"))
  var steps: String?

  /// `--steps`, when given (checked by ``validate()``).
  var stepLayout: StepLayout? { steps.flatMap(StepLayout.init(rawValue:)) }

  /// The handout's paper: `--paper`, else A4.
  var paperSize: Paper { paper.flatMap(Paper.init(rawValue:)) ?? .a4 }

  /// `--lang` (checked by ``validate()``), nil where not given.
  var language: Language? { lang.flatMap(Language.init(code:)) }

  /// These options where given, the course's settings (each already checked) where not.
  func over(_ course: Course) -> StyleOptions {
    var merged = self
    merged.style = style ?? course.style?.value
    merged.lang = lang ?? course.language?.value.code
    merged.paper = paper ?? course.paper?.value
    merged.steps = steps ?? course.steps?.value
    return merged
  }

  /// The Markdown's math delimiters: `--math`, else dollars.
  var mathFlavour: MathFlavour { math.flatMap(MathFlavour.init(rawValue:)) ?? .dollars }

  func validate() throws {
    if let math, MathFlavour(rawValue: math) == nil {
      let names = MathFlavour.allCases.map(\.rawValue).joined(separator: ", ")
      throw ValidationError("unknown math '\(math)'; the flavours are \(names)")
    }
    if let steps, StepLayout(rawValue: steps) == nil {
      throw ValidationError("unknown steps '\(steps)'; they are \(FigurePlan.stepNames)")
    }
    if let paper, Paper(rawValue: paper) == nil {
      throw ValidationError("unknown paper '\(paper)'; the papers are a4, letter")
    }
    if let lang, Language(code: lang) == nil {
      throw ValidationError("unknown language '\(lang)'; the languages are \(Language.codes)")
    }
    if let style, Theme.named(style) == nil {
      throw ValidationError("unknown style '\(style)'; the styles are \(FigurePlan.styleNames)")
    }
    if let labels, LabelMode(rawValue: labels) == nil {
      throw ValidationError("unknown labels '\(labels)'; they are \(FigurePlan.labelNames)")
    }
  }
}
