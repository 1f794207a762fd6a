import Analysis
import Drawing
import Explain
import Figures
import Foundation
import GraphEngine
import GraphLayout
import Handout
import LessonKit
import Testing

@Suite("Handout pagination, without Pango")
struct HandoutPaginationTests {
  static func layout(_ id: String, paper: Paper) throws -> PagedHandout {
    let compiled = try LessonSource.builtin(id).compile()
    let document = Walkthrough(LessonAnalysis(compiled, figures: []), language: .english).document()
    return HandoutLayout.layOut(
      document, figures: [:], paper: paper, measurer: EstimatedTextMeasurer())
  }

  @Test(
    "every item inside the margins, no empty page, bookmarks in order",
    arguments: ["sigmoid", "tanh", "cs231n-sigmoid-neuron", "dlfs-apple-orange"], Paper.allCases)
  func insideMargins(_ id: String, paper: Paper) throws {
    let layout = try Self.layout(id, paper: paper)
    let size = paper.size
    for (p, page) in layout.pages.enumerated() {
      #expect(!page.frames.isEmpty, "\(id): page \(p + 1) is empty")
      for frame in page.frames {
        #expect(frame.x >= HandoutStyle.standard.margin - 0.5, "\(id) p\(p + 1): \(frame)")
        #expect(
          frame.x + frame.width <= size.width - HandoutStyle.standard.margin + 0.5,
          "\(id) p\(p + 1): \(frame)")
        #expect(frame.y >= HandoutStyle.standard.margin - 0.5, "\(id) p\(p + 1): \(frame)")
        #expect(
          frame.y + frame.height <= size.height - HandoutStyle.standard.bottomMargin + 0.5,
          "\(id) p\(p + 1): \(frame)")
      }
    }
    let pages = layout.bookmarks.map(\.page)
    #expect(pages == pages.sorted())
    // Bookmarks count pages from 1.
    #expect(pages.allSatisfy { $0 >= 1 && $0 <= layout.pages.count })
  }

  @Test("a paragraph taller than a page is broken across pages, every word kept, in order")
  func longParagraph() throws {
    let words = (0..<3_000).map { "word\($0)" }
    let yaml =
      "title: Long\nfunction: y = sigmoid(x)\ninputs: {x: 1}\nintroduction: "
      + words.joined(separator: " ") + "\n"
    let lesson = try LessonLoader.load(text: yaml, path: "long.yaml", id: "long")
    let document = Walkthrough(
      LessonAnalysis(try CompiledLesson.compile(lesson), figures: []), language: .english
    )
    .document()
    for paper in Paper.allCases {
      let layout = HandoutLayout.layOut(
        document, figures: [:], paper: paper, measurer: EstimatedTextMeasurer())
      var seen: [String] = []
      for page in layout.pages {
        for case .text(let run, _) in page.content {
          #expect(
            run.frame.y + run.frame.height <= paper.size.height - HandoutStyle.standard.bottomMargin
              + 0.5)
          seen += run.markup.split(separator: " ").map(String.init).filter { $0.hasPrefix("word") }
        }
      }
      #expect(seen == words, "\(paper): words lost or out of order")
      #expect(layout.pages.count > 3)
      // The heading before it is not left alone on the first page.
      #expect(layout.pages[0].content.count > 3)
    }
  }

  @Test("one enormous word, and a paragraph of hundreds of kilobytes, lose no character")
  func enormousWords() throws {
    let word = String(repeating: "abcdefghij", count: 2_000) + "END"
    let yaml =
      "title: Long\nfunction: y = x * 2\ninputs: {x: 1}\nintroduction: start " + word + "\n"
    let lesson = try LessonLoader.load(text: yaml, path: "long.yaml", id: "long")
    let document = Walkthrough(
      LessonAnalysis(try CompiledLesson.compile(lesson), figures: []), language: .english
    )
    .document()
    let layout = HandoutLayout.layOut(
      document, figures: [:], paper: .a4, measurer: EstimatedTextMeasurer())
    var text = ""
    for page in layout.pages {
      for case .text(let run, _) in page.content {
        #expect(
          run.frame.y + run.frame.height <= Paper.a4.size.height
            - HandoutStyle.standard.bottomMargin + 0.5)
        text += run.markup
      }
    }
    // The pieces of an overlong word are joined by zero-width spaces (where Pango may break
    // it); every letter is there, in order.
    #expect(text.replacingOccurrences(of: "\u{200B}", with: "").contains("start " + word))
    #expect(text.contains("abcdefghij\u{200B}abcdefghij"))
  }

  @Test("a table broken across pages repeats its header row on every page it runs onto")
  func tableHeaderRepeats() throws {
    // 80 statements: the forward table has 81 rows, more than a page holds.
    let statements = ["u0 = x * 1.01"] + (1..<80).map { "u\($0) = u\($0 - 1) * 1.01" }
    let yaml =
      "title: Long\nfunction: |\n  " + statements.joined(separator: "\n  ")
      + "\ninputs: {x: 1}\n"
    let lesson = try LessonLoader.load(text: yaml, path: "long.yaml", id: "long")
    let document = Walkthrough(
      LessonAnalysis(try CompiledLesson.compile(lesson), figures: []), language: .english
    ).document()
    let layout = HandoutLayout.layOut(
      document, figures: [:], paper: .a4, measurer: EstimatedTextMeasurer())
    let head = HandoutStyle.standard.tableHead
    /// Per page: the header cells set on it, and whether a forward-table row is on it.
    var pagesWithRows = 0
    for (p, page) in layout.pages.enumerated() {
      var headers: [String] = []
      var rows = false
      for case .text(let run, _) in page.content {
        if run.font == head { headers.append(run.markup) }
        if run.markup.contains("1.01") { rows = true }
      }
      guard rows else { continue }
      pagesWithRows += 1
      // The forward table's header (node, operation, value) or the backward table's (edge, …).
      #expect(
        headers.contains("operation") || headers.contains("edge"),
        "page \(p + 1) has table rows but no header")
    }
    #expect(pagesWithRows >= 2, "the table should run over several pages")
  }

  @Test("a table broken across pages leaves no widow rows: at least three rows on each page")
  func noWidowRows() {
    // Every length from one page's worth to two pages' worth, so that every remainder
    // (one row over, two rows over, …) comes up on some page break.
    for count in 40...110 {
      let rows = (0..<count).map { i -> [[Inline]] in [[.text("row\(i)")], [.text("\(i)")]] }
      let document = Document(
        title: "Table", summary: nil, language: .english,
        blocks: [
          .paragraph([.text("A table follows.")]),
          .table(header: [[.text("name")], [.text("value")]], rows: rows),
          .paragraph([.text("After the table.")]),
        ])
      let layout = HandoutLayout.layOut(
        document, figures: [:], paper: .a4, measurer: EstimatedTextMeasurer())
      var perPage: [Int] = []
      var seen: [String] = []
      for page in layout.pages {
        var n = 0
        for case .text(let run, _) in page.content where run.markup.hasPrefix("row") {
          n += 1
          seen.append(run.markup)
        }
        if n > 0 { perPage.append(n) }
      }
      #expect(seen == (0..<count).map { "row\($0)" }, "\(count) rows: lost or out of order")
      if perPage.count > 1 {
        #expect(perPage.allSatisfy { $0 >= HandoutLayout.widowRows }, "\(count) rows: \(perPage)")
      }
    }
  }

  @Test("a function's statements stand with their = in line (the block centred as a whole)")
  func statementsAligned() throws {
    let layout = try Self.layout("dlfs-apple-orange", paper: .a4)
    let page = try #require(layout.pages.first)
    // The four statements' "=" signs: the first " = " on each of their baselines.
    var equals: [Double: Double] = [:]
    for case .baselineText(let markup, _, _, let origin, _) in page.content
    where markup == " = " && equals[origin.y] == nil {
      equals[origin.y] = origin.x
    }
    let xs = equals.sorted { $0.key < $1.key }.prefix(4).map(\.value)
    #expect(xs.count == 4)
    #expect(xs.allSatisfy { abs($0 - xs[0]) < 0.01 }, "\(xs)")
  }

  @Test(
    "short equations of a system stand side by side on one baseline; long ones one under another")
  func sideBySide() {
    func baselines(_ system: [[Formula]]) -> Set<Double> {
      let document = Document(
        title: "Equations", summary: nil, language: .english, blocks: [.system(system)])
      let layout = HandoutLayout.layOut(
        document, figures: [:], paper: .a4, measurer: EstimatedTextMeasurer())
      var ys: Set<Double> = []
      for case .baselineText(let markup, _, _, let origin, _) in layout.pages[0].content
      where markup == " = " {
        ys.insert(origin.y)
      }
      return ys
    }
    let short: [[Formula]] = [[.symbol("a"), .number(1)], [.symbol("b"), .number(2)]]
    #expect(baselines(short).count == 1)
    let name = Formula.symbol(String(repeating: "long_name_", count: 6))
    let long: [[Formula]] = [[name, .number(1)], [name, .number(2)]]
    #expect(baselines(long).count == 2)
  }
}
