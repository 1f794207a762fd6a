import Analysis
import Drawing
import Figures
import GraphLayout
import LessonKit
import Testing

@Suite("Operands told apart")
struct OperandMarkTests {
  @Test(
    "the second operand of −, / and ^ is marked on its wire, next to its value",
    arguments: ["dlfs", "cs231n"])
  func marked(style: String) throws {
    let theme = try #require(Theme.named(style))
    // Distinct values, so each mark's neighbour tells which operand it marks.
    let lesson = try LessonLoader.load(
      text:
        "title: t\nfunction: y = (a - b) / c + d ^ e\ninputs: {a: 7, b: 0.5, c: 3, d: 1.5, e: 2.5}\n",
      path: "t.yaml", id: "t")
    let compiled = try CompiledLesson.compile(lesson)
    let scene = try #require(
      FigureSet(
        LessonAnalysis(compiled, figures: [.graph], convention: theme.convention), theme: theme,
        labels: .numeric, titles: { $0.fileStem }
      ).compose(measurer: EstimatedTextMeasurer()).first?.scene)
    var texts: [TextRun] = []
    for case .text(let run, .edge) in scene.elements { texts.append(run) }
    for (mark, operand) in [("−", "0.5"), ("÷", "3"), ("^", "2.5")] {
      let marks = texts.filter { $0.markup == mark }
      #expect(marks.count == 1, "\(style): \(mark)")
      guard let m = marks.first else { continue }
      // The text just before it on its row is the operand's value.
      let row = texts.filter {
        abs($0.frame.maxY - m.frame.maxY) < 0.5 && $0.frame.maxX <= m.frame.minX
      }
      let neighbour = row.max { $0.frame.maxX < $1.frame.maxX }
      #expect(
        neighbour?.markup.hasPrefix(operand) == true,
        "\(style) \(mark): \(neighbour?.markup ?? "none")")
    }
    // Commuting operations are not marked.
    #expect(!texts.contains { $0.markup == "+" || $0.markup == "×" })
  }

  @Test("colah draws a constant as its number alone, with no derivative with respect to it")
  func colahConstants() throws {
    let lesson = try LessonLoader.load(
      text: "title: t\nfunction: y = (1 - t) * x\ninputs: {t: 0.25, x: 2}\n", path: "t.yaml",
      id: "t")
    let compiled = try CompiledLesson.compile(lesson)
    let scene = try #require(
      FigureSet(
        LessonAnalysis(compiled, figures: [.graph], convention: Theme.colah.convention),
        theme: .colah, labels: .numeric, titles: { $0.fileStem }
      ).compose(measurer: EstimatedTextMeasurer()).first?.scene)
    var texts: [String] = []
    for case .text(let run, _) in scene.elements { texts.append(run.markup) }
    #expect(texts.contains("1"))
    #expect(!texts.contains { $0.contains("/∂1") }, "\(texts)")
  }
}
