import Analysis
import CairoBackend
import Explain
import Figures
import Foundation
import GraphEngine
import Handout
import LessonKit

/// The files of one lesson's output folder, made in memory before anything is written, so
/// an error leaves the folder as it was.
enum Artifacts {
  /// A file to write: its path inside `Output/<id>/` and its bytes.
  struct File {
    var path: String
    var contents: Data
  }

  /// Everything `lessongen LESSON` produces for the lesson.
  ///
  /// The handout is typeset on `helper` while this thread composes the figures, then put on
  /// pages and drawn there while this thread draws the figures' files; `helper` joins in once
  /// the handout is done.
  static func make(for compiled: CompiledLesson, plan: FigurePlan, helper: RenderThread) throws
    -> [File]
  {
    var files = [File(path: "trace.json", contents: Data(TraceJSON.write(compiled).utf8))]
    let analysis = LessonAnalysis(
      compiled, figures: plan.kinds, convention: plan.theme.convention)
    for omission in analysis.omitted {
      Terminal.printError("\(compiled.lesson.path): warning: \(omission.warning)")
    }
    let untranslated = compiled.lesson.untranslated(in: plan.language)
    if !untranslated.isEmpty {
      Terminal.printError(
        "\(compiled.lesson.path): warning: --lang \(plan.language): not translated, so shown in "
          + "'\(compiled.lesson.language)': " + untranslated.joined(separator: ", "))
    }
    let walkthrough = Walkthrough(
      analysis, language: plan.language,
      operatorNames: FigureSet.operatorNames(analysis.walked.graph, theme: plan.theme))
    for warning in walkthrough.tableWarnings {
      Terminal.printError("\(compiled.lesson.path): warning: \(warning)")
    }
    let document = walkthrough.document()
    let paper = plan.paper
    // The handout's text is measured and typeset on the thread that will draw it (its Pango
    // cache keeps the shaped text) while this thread composes the figures; then it is only
    // put on pages with them.
    let typeset = helper.submit {
      HandoutLayout.typeset(document, paper: paper, measurer: PangoTextMeasurer())
    }
    let figures = FigureSet(
      analysis, theme: plan.theme, labels: plan.labels, titles: walkthrough.figureTitle
    ).compose(measurer: PangoTextMeasurer())
    files.append(
      File(
        path: "\(compiled.lesson.id).md",
        contents: Data(MarkdownWriter().write(document).utf8)))
    files.append(
      File(
        path: "\(compiled.lesson.id).html", contents: Data(HTMLWriter().write(document).utf8)))
    let scenes = Dictionary(figures.map { ($0.id, $0.scene) }, uniquingKeysWith: { a, _ in a })
    let handout = helper.submit {
      try HandoutRenderer.render(
        HandoutLayout.paginate(
          try typeset.value(), figures: scenes, measurer: PangoTextMeasurer()))
    }
    let rendered = try FigureBatch.render(
      figures, formats: FigureFormat.allCases, helpers: [helper])
    files.append(File(path: "\(compiled.lesson.id).pdf", contents: try handout.value()))
    for output in rendered {
      files.append(
        File(
          path: "figures/\(output.figure.fileStem).\(output.format.rawValue)",
          contents: output.data))
    }
    return files
  }
}
