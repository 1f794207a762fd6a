import Analysis
import Drawing
import Explain
import Figures
import GraphEngine
import GraphLayout
import Handout
import LessonKit
import Testing

@Suite("Handout pages as scenes, without Pango")
struct HandoutPageTests {
  /// A built-in lesson's handout with its figures, text measured by the estimate.
  static func handout(
    _ id: String, paper: Paper = .a4, style: HandoutStyle = .standard
  ) throws -> PagedHandout {
    let compiled = try LessonSource.builtin(id).compile()
    let figures = FigureSet(
      LessonAnalysis(
        compiled, figures: LessonAnalysis.defaultFigures(for: compiled.graph),
        convention: Theme.dlfs.convention),
      theme: .dlfs, labels: .numeric,
      titles: Walkthrough(LessonAnalysis(compiled), language: .english).figureTitle
    ).compose(measurer: EstimatedTextMeasurer())
    let document = Walkthrough(LessonAnalysis(compiled), language: .english).document()
    let scenes = Dictionary(figures.map { ($0.id, $0.scene) }, uniquingKeysWith: { a, _ in a })
    return HandoutLayout.layOut(
      document, figures: scenes, paper: paper, style: style, measurer: EstimatedTextMeasurer())
  }

  @Test("each page: the paper's size and colour, its number last, centred in the bottom margin")
  func pageScenes() throws {
    for paper in Paper.allCases {
      let handout = try Self.handout("sigmoid", paper: paper)
      #expect(handout.pages.count > 1)
      for (index, page) in handout.pages.enumerated() {
        #expect(page.scene.size == paper.size)
        #expect(page.scene.background == HandoutStyle.standard.background)
        #expect(page.scene.lineJoin == .miter)
        guard case .text(let number, .page)? = page.scene.elements.last else {
          Issue.record("page \(index + 1) does not end with its number")
          continue
        }
        #expect(number.markup == String(index + 1))
        #expect(number.font == HandoutStyle.standard.caption)
        #expect(number.wrapWidth == nil)
        #expect(abs(number.frame.center.x - paper.size.width / 2) < 0.01)
        #expect(number.frame.minY > paper.size.height - HandoutStyle.standard.bottomMargin)
        #expect(number.frame.maxY < paper.size.height)
        #expect(!page.content.isEmpty)
      }
    }
  }

  @Test("figures are their own scenes, scaled into the text width, each followed by its caption")
  func figures() throws {
    let handout = try Self.handout("sigmoid")
    let style = HandoutStyle.standard
    var placed = 0
    for page in handout.pages {
      let content = Array(page.content)
      for (i, element) in content.enumerated() {
        guard case .scene(let figure, let frame) = element else { continue }
        placed += 1
        #expect(frame.width <= Paper.a4.size.width - 2 * style.margin + 0.01)
        // Scaled, not stretched.
        #expect(
          abs(frame.width / frame.height - figure.size.width / figure.size.height) < 1e-6,
          "\(figure.title)")
        guard i + 1 < content.count, case .text(let caption, .page) = content[i + 1] else {
          Issue.record("\(figure.title) has no caption after it")
          continue
        }
        #expect(caption.font == style.caption)
        #expect(caption.frame.minY >= frame.maxY)
      }
    }
    #expect(placed >= 3)
  }

  @Test("text, math and rules: wrapped text at its measured width, math on its baseline in ink")
  func elements() throws {
    let handout = try Self.handout("tanh")
    let style = HandoutStyle.standard
    var kinds: Set<String> = []
    for page in handout.pages {
      for element in page.content {
        switch element {
        case .text(let run, let owner):
          kinds.insert("text")
          #expect(owner == .page)
          #expect(run.wrapWidth == run.frame.width + 0.5, "\(run.markup)")
        case .baselineText(_, _, let color, _, _):
          kinds.insert("math")
          #expect(color == style.ink)
        case .rectangle(_, let fill, _):
          kinds.insert("fraction bar")
          #expect(fill == style.ink)
        case .polyline(let points, _, _, _):
          kinds.insert("rule or stroke")
          #expect(points.count >= 2)
        case .scene: kinds.insert("figure")
        default: Issue.record("a page holds a figure's element: \(element)")
        }
      }
    }
    #expect(kinds == ["text", "math", "fraction bar", "rule or stroke", "figure"])
    let snapshot = try #require(handout.pages.first).scene.snapshot
    #expect(snapshot.contains(" page wrap"))
  }

  @Test("the style is data: wider margins keep everything inside them, on more pages")
  func style() throws {
    var wide = HandoutStyle.standard
    wide.margin = 110
    wide.bottomMargin = 120
    wide.figureOverhang = 0
    let standard = try Self.handout("sigmoid")
    let handout = try Self.handout("sigmoid", style: wide)
    #expect(handout.pages.count > standard.pages.count)
    for (p, page) in handout.pages.enumerated() {
      let size = page.scene.size
      for frame in page.frames {
        #expect(frame.minX >= wide.margin - 0.5, "p\(p + 1): \(frame)")
        #expect(frame.maxX <= size.width - wide.margin + 0.5, "p\(p + 1): \(frame)")
        #expect(frame.minY >= wide.margin - 0.5, "p\(p + 1): \(frame)")
        #expect(frame.maxY <= size.height - wide.bottomMargin + 0.5, "p\(p + 1): \(frame)")
      }
    }
    #expect(handout.bookmarks.allSatisfy { $0.x == wide.margin })
  }
}

@Suite("Handout typeset once, paginated with the figures")
struct HandoutTypesetTests {
  @Test("the same typeset text paginated without the figures leaves them and their captions out")
  func withoutFigures() throws {
    let compiled = try LessonSource.builtin("sigmoid").compile()
    let figures = FigureSet(
      LessonAnalysis(
        compiled, figures: LessonAnalysis.defaultFigures(for: compiled.graph),
        convention: Theme.dlfs.convention),
      theme: .dlfs, labels: .numeric,
      titles: Walkthrough(LessonAnalysis(compiled), language: .english).figureTitle
    ).compose(measurer: EstimatedTextMeasurer())
    let document = Walkthrough(LessonAnalysis(compiled), language: .english).document()
    let scenes = Dictionary(figures.map { ($0.id, $0.scene) }, uniquingKeysWith: { a, _ in a })
    let measurer = EstimatedTextMeasurer()
    let typeset = HandoutLayout.typeset(document, paper: .letter, measurer: measurer)
    let with = HandoutLayout.paginate(typeset, figures: scenes, measurer: measurer)
    let without = HandoutLayout.paginate(typeset, figures: [:], measurer: measurer)
    func texts(_ handout: PagedHandout, font: Font) -> [String] {
      handout.pages.flatMap { page in
        page.content.compactMap { element -> String? in
          guard case .text(let run, _) = element, run.font == font else { return nil }
          return run.markup
        }
      }
    }
    func sceneCount(_ handout: PagedHandout) -> Int {
      handout.pages.map { $0.content.filter { if case .scene = $0 { true } else { false } }.count }
        .reduce(0, +)
    }
    #expect(sceneCount(with) == figures.count)
    #expect(sceneCount(without) == 0)
    let caption = HandoutStyle.standard.caption
    #expect(texts(with, font: caption).count == figures.count)
    #expect(texts(without, font: caption).isEmpty)
    #expect(without.pages.count < with.pages.count)
    // Everything else is the same text, and the same as laying the document out at once.
    let body = HandoutStyle.standard.body
    #expect(texts(with, font: body) == texts(without, font: body))
    let atOnce = HandoutLayout.layOut(
      document, figures: scenes, paper: .letter, measurer: measurer)
    #expect(atOnce.pages.map(\.scene.snapshot) == with.pages.map(\.scene.snapshot))
    #expect(with.bookmarks.map(\.title) == without.bookmarks.map(\.title))
  }
}
