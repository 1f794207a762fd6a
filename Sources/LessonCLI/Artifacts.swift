import Explain
import Foundation
import LessonKit
import Render

/// The files of one lesson's output folder, made in memory before anything is written, so
/// an error leaves the folder as it was.
enum Artifacts {
  /// A file to write: its path inside `Output/<id>/` and its bytes.
  struct File {
    var path: String
    var contents: Data
  }

  /// Everything `lessongen LESSON` produces for the lesson.
  static func make(for compiled: CompiledLesson, plan: FigurePlan) throws -> [File] {
    var files = [File(path: "trace.json", contents: Data(TraceJSON.write(compiled).utf8))]
    let figures = FigureSet.make(
      evaluation: compiled.evaluation, inputs: compiled.inputValues, kinds: plan.kinds,
      theme: plan.theme, labels: plan.labels, title: compiled.lesson.title,
      measurer: PangoTextMeasurer())
    let document = Walkthrough(compiled, language: plan.language, figures: figures.map(\.name))
      .document()
    files.append(
      File(
        path: "\(compiled.lesson.id).md",
        contents: Data(MarkdownWriter().write(document).utf8)))
    files.append(
      File(
        path: "\(compiled.lesson.id).html", contents: Data(HTMLWriter().write(document).utf8)))
    let scenes = Dictionary(figures.map { ($0.name, $0.scene) }, uniquingKeysWith: { a, _ in a })
    let paper = plan.paper
    let rendered = try FigureBatch.render(
      figures, formats: FigureFormat.allCases,
      alongside: [{ try HandoutRenderer.render(document, figures: scenes, paper: paper) }])
    files.append(File(path: "\(compiled.lesson.id).pdf", contents: rendered.alongside[0]))
    for output in rendered.figures {
      files.append(
        File(path: "figures/\(output.figure).\(output.format.rawValue)", contents: output.data))
    }
    return files
  }
}
