import CairoBackend
import Explain
import Figures
import Foundation
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
  /// The handout is laid out and drawn on `helper` while this thread composes the figures,
  /// then draws their files; `helper` joins in once the handout is done.
  static func make(for compiled: CompiledLesson, plan: FigurePlan, helper: RenderThread) throws
    -> [File]
  {
    var files = [File(path: "trace.json", contents: Data(TraceJSON.write(compiled).utf8))]
    let set = FigureSet(
      evaluation: compiled.evaluation, inputs: compiled.inputValues, kinds: plan.kinds,
      theme: plan.theme, labels: plan.labels, title: compiled.lesson.title)
    for omission in set.omitted {
      Terminal.printError("\(compiled.lesson.path): warning: \(omission.warning)")
    }
    let walkthrough = Walkthrough(
      compiled, language: plan.language, figures: set.names, omitted: set.omitted)
    for warning in walkthrough.tableWarnings {
      Terminal.printError("\(compiled.lesson.path): warning: \(warning)")
    }
    let document = walkthrough.document()
    let paper = plan.paper
    // Laid out once before the figures exist, on the thread that will draw the handout: its
    // text is shaped into that thread's Pango cache while this thread composes the figures,
    // and the layout with the figures finds it there.
    helper.async {
      _ = HandoutLayout.layOut(
        document, figures: [:], paper: paper, measurer: PangoTextMeasurer())
    }
    let figures = set.compose(measurer: PangoTextMeasurer())
    files.append(
      File(
        path: "\(compiled.lesson.id).md",
        contents: Data(MarkdownWriter().write(document).utf8)))
    files.append(
      File(
        path: "\(compiled.lesson.id).html", contents: Data(HTMLWriter().write(document).utf8)))
    let scenes = Dictionary(figures.map { ($0.name, $0.scene) }, uniquingKeysWith: { a, _ in a })
    let handout = helper.submit {
      try HandoutRenderer.render(
        HandoutLayout.layOut(
          document, figures: scenes, paper: paper, measurer: PangoTextMeasurer()))
    }
    let rendered = try FigureBatch.render(
      figures, formats: FigureFormat.allCases, helpers: [helper])
    files.append(File(path: "\(compiled.lesson.id).pdf", contents: try handout.value()))
    for output in rendered {
      files.append(
        File(path: "figures/\(output.figure).\(output.format.rawValue)", contents: output.data))
    }
    return files
  }
}
