import Analysis
import CairoBackend
import Drawing
import Explain
import Figures
import FormulaWriting
import Foundation
import GraphEngine
import GraphLayout
import Handout
import LessonKit
import TestSupport
import Testing

@Suite("Handout PDF")
struct HandoutPDFTests {
  private func document(_ id: String, _ language: Language, figures: [Figure]) throws -> Document {
    let compiled = try LessonSource.builtin(id).compile()
    return Walkthrough(LessonAnalysis(compiled, figures: FigureKind.allCases), language: language)
      .document()
  }

  @Test("nothing leaves the text area, for every built-in lesson, language and paper")
  func margins() throws {
    for id in LessonSource.builtinIDs(tensors: false) {
      let made = try figures(id, style: .dlfs, kinds: [.graph, .expanded, .steps, .forward])
      let scenes = Dictionary(made.map { ($0.id, $0.scene) }, uniquingKeysWith: { a, _ in a })
      for language in Language.allCases {
        for paper in Paper.allCases {
          let pages = HandoutLayout.layOut(
            try document(id, language, figures: made), figures: scenes, paper: paper,
            measurer: PangoTextMeasurer()
          ).pages
          for (n, page) in pages.enumerated() {
            // The page's own size: a wide figure's page is landscape.
            let size = page.scene.size
            let area = Rect(x: 61.5, y: 61.5, width: size.width - 123, height: size.height - 131)
            // A figure may reach into the side margins (HandoutStyle.figureOverhang).
            let overhang = HandoutStyle.standard.figureOverhang
            let figureArea = Rect(
              x: area.x - overhang, y: area.y, width: area.width + 2 * overhang,
              height: area.height)
            var figureFrames: [Rect] = []
            for case .scene(_, let frame) in page.content { figureFrames.append(frame) }
            for frame in page.frames
            where !area.contains(frame)
              && !(figureFrames.contains(frame) && figureArea.contains(frame))
            {
              Issue.record(
                "\(id) \(language) \(paper) page \(n + 1): \(frame) leaves the text area")
            }
            // No figure prints its text smaller than the style's minimum.
            for case .scene(let scene, let frame) in page.content {
              let smallest = (scene.smallestTextSize ?? 99) * frame.width / scene.size.width
              #expect(
                smallest >= HandoutStyle.standard.minimumTextSize,
                "\(id) \(language) \(paper) page \(n + 1): text at \(smallest) pt")
            }
          }
        }
      }
    }
  }

  /// An author's lesson too wide even for a landscape page: nine statements in a row.
  static let wideLesson = """
    title: Scaled dot-product attention for one query
    function: |
      score_one = query_value * key_one / scale
      score_two = query_value * key_two / scale
      weight_one = exp(score_one)
      weight_two = exp(score_two)
      normaliser = weight_one + weight_two
      attention_one = weight_one / normaliser
      attention_two = weight_two / normaliser
      mixed = attention_one * value_one + attention_two * value_two
      loss = (mixed - target) ^ 2
    inputs: {query_value: 0.8, key_one: 0.3, key_two: -0.5, scale: 1.4, value_one: 2, value_two: -1, target: 0.5}
    """

  @Test(
    "lessons shaped like an author's print no figure text below the minimum, in every style",
    arguments: Theme.all.map(\.name))
  func authorLessonsReadable(style: String) throws {
    let theme = try #require(Theme.named(style))
    var sources = GeometryTests.authorLessons.map { try? LessonSource.file($0).compile() }
    sources.append(
      try CompiledLesson.compile(
        LessonLoader.load(text: Self.wideLesson, path: "wide.yaml", id: "wide")))
    var split = 0
    for case let compiled? in sources {
      let analysis = LessonAnalysis(
        compiled, figures: FigureKind.allCases, convention: theme.convention)
      let made = FigureSet(analysis, theme: theme, labels: .numeric, titles: { $0.fileStem })
        .compose(measurer: PangoTextMeasurer())
      let scenes = Dictionary(made.map { ($0.id, $0.scene) }, uniquingKeysWith: { a, _ in a })
      let document = Walkthrough(analysis, language: .english).document()
      for paper in Paper.allCases {
        let pages = HandoutLayout.layOut(
          document, figures: scenes, paper: paper, measurer: PangoTextMeasurer()
        ).pages
        for (n, page) in pages.enumerated() {
          for case .scene(let scene, let frame) in page.content {
            if scene.title.contains("/") && scene.title.hasSuffix(")") { split += 1 }
            guard let smallest = scene.smallestTextSize else { continue }
            let printed = smallest * frame.width / scene.size.width
            #expect(
              printed >= HandoutStyle.standard.minimumTextSize - 1e-9,
              "\(compiled.lesson.id) \(style) \(paper) page \(n + 1): \(scene.title) at \(printed) pt"
            )
            #expect(
              Rect(x: 0, y: 0, width: page.scene.size.width, height: page.scene.size.height)
                .contains(frame), "\(compiled.lesson.id) page \(n + 1): a figure leaves the page")
          }
        }
      }
    }
    // The wide lesson and the staged computation are cut into parts (colah's turned first).
    #expect(split > 0)
  }

  @Test(
    "no page is left more than half empty unless what follows cannot fit on it",
    arguments: Language.allCases)
  func pagesFilled(language: Language) throws {
    var lessons = try LessonSource.builtinIDs(tensors: false).map {
      try LessonSource.builtin($0).compile()
    }
    lessons += try GeometryTests.authorLessons.map { try LessonSource.file($0).compile() }
    var checked = 0
    for compiled in lessons {
      let analysis = LessonAnalysis(compiled, figures: FigureKind.allCases)
      let made = FigureSet(analysis, theme: .dlfs, labels: .numeric, titles: { $0.fileStem })
        .compose(measurer: PangoTextMeasurer())
      let scenes = Dictionary(made.map { ($0.id, $0.scene) }, uniquingKeysWith: { a, _ in a })
      let document = Walkthrough(analysis, language: language).document()
      for paper in Paper.allCases {
        let pages = HandoutLayout.layOut(
          document, figures: scenes, paper: paper, measurer: PangoTextMeasurer()
        ).pages
        let style = HandoutStyle.standard
        let top = style.margin
        let bottom = paper.size.height - style.bottomMargin
        for (n, page) in pages.enumerated().dropLast() {
          // Landscape pages hold floated figures only; the text runs on around them.
          guard page.scene.size.height > page.scene.size.width else { continue }
          let used = (page.frames.map(\.maxY).max() ?? top) - top
          checked += 1
          if used >= (bottom - top) / 2 { continue }
          // Half empty: only if the next page's first block (with what is kept with it, up
          // to the next gap) would not have fitted in the room left.
          // The last page of text (only landscape figures after it) may end anywhere.
          guard
            let next = pages[n + 1..<pages.count].first(where: {
              $0.scene.size.height > $0.scene.size.width
            })
          else { continue }
          let firstBlock = (next.frames.map(\.maxY).min() ?? top) - top
          #expect(
            firstBlock > bottom - top - used,
            "\(compiled.lesson.id) \(language) \(paper) page \(n + 1) is \(Int(100 * used / (bottom - top)))% full"
          )
        }
      }
    }
    #expect(checked > 100)
  }

  @Test("no page ends with a heading, or with the paragraph that introduces an equation or table")
  func keptTogether() throws {
    // Softplus: its numeric check's paragraph once ended page 3 and its table began page 4.
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "lessongen-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let softplus = folder.appendingPathComponent("softplus.yaml")
    try """
    title: Softplus
    function: y = log(1 + exp(x))
    inputs:
      x: 0.5
    introduction: Softplus is a smooth ReLU.
    derivation:
      of: x
      steps:
        - text: By the chain rule,
          math: exp(x) / (1 + exp(x))
        - text: dividing by exp(x),
          math: 1 / (1 + exp(-x))
    """.write(to: softplus, atomically: true, encoding: .utf8)
    var lessons = LessonSource.builtinIDs(tensors: false).map { LessonSource.builtin($0) }
    lessons.append(.file(softplus.path))
    for source in lessons {
      let compiled = try source.compile()
      let made = FigureSet(
        LessonAnalysis(
          compiled, figures: LessonAnalysis.defaultFigures(for: compiled.graph),
          convention: Theme.dlfs.convention),
        theme: .dlfs, labels: .numeric,
        titles: Walkthrough(LessonAnalysis(compiled), language: .english).figureTitle
      ).compose(measurer: PangoTextMeasurer())
      let scenes = Dictionary(made.map { ($0.id, $0.scene) }, uniquingKeysWith: { a, _ in a })
      for language in Language.allCases {
        for paper in Paper.allCases {
          let document = Walkthrough(LessonAnalysis(compiled), language: language)
            .document()
          let pages = HandoutLayout.layOut(
            document, figures: scenes, paper: paper, measurer: PangoTextMeasurer()
          ).pages
          for (n, page) in pages.enumerated().dropLast() {
            let next = pages[n + 1].content.first
            let where_ = "\(compiled.lesson.id) \(language) \(paper) page \(n + 1)"
            guard case .text(let run, _)? = page.content.last else { continue }
            #expect(
              run.font != HandoutStyle.standard.heading2
                && run.font != HandoutStyle.standard.heading3,
              "\(where_) ends with the heading \(run.markup)")
            if run.font == HandoutStyle.standard.body {
              // An equation (its text, fraction bars, drawn brackets) or a table (a rule).
              switch next {
              case .baselineText?, .rectangle?, .polyline?:
                Issue.record("\(where_) ends with \(run.markup), away from what it introduces")
              default: break
              }
            }
          }
        }
      }
    }
  }

  @Test("the sigmoid handout: pages, metadata and the trace's numbers as text", .externalTools)
  func sigmoidPDF() throws {
    let file = try handout("sigmoid", .english, paper: .a4)
    defer { try? FileManager.default.removeItem(at: file) }
    let info = try runTool("pdfinfo", [file.path])
    #expect(
      info.contains("Title:           Derivative of the sigmoid function")
        || info.contains("Title:          Derivative of the sigmoid function"))
    #expect(info.contains("lessongen"))
    let pages = try pdfPageCount(file)
    #expect((3...6).contains(pages), "\(pages) pages")
    #expect(info.contains("595.28 x 841.89") || info.contains("595 x 842"))
    let text = try runTool("pdftotext", [file.path, "-"])
    for number in ["0.731059", "0.367879", "1.36788", "−0.534447", "−0.196612", "0.196612"] {
      #expect(text.contains(number), "\(number)")
    }
    #expect(text.contains("the gradient of L with respect to x"))
    let letter = try handout("sigmoid", .korean, paper: .letter)
    defer { try? FileManager.default.removeItem(at: letter) }
    #expect(try runTool("pdfinfo", [letter.path]).contains("612 x 792"))
    #expect(try runTool("pdftotext", [letter.path, "-"]).contains("역전파"))
  }

  @Test(
    "bookmarks: one per heading, its title, nested under its section, on the heading's page",
    .externalTools,
    arguments: [
      ("sigmoid", Language.english), ("sigmoid", .korean), ("tanh", .english),
      ("cs231n-circuit", .korean),
    ])
  func bookmarks(lesson: String, language: Language) throws {
    let file = try handout(lesson, language, paper: .a4)
    defer { try? FileManager.default.removeItem(at: file) }
    let headings = try document(lesson, language, figures: try handoutFigures(lesson)).blocks
      .compactMap { block -> (title: String, level: Int)? in
        guard case .heading(let level, let content) = block else { return nil }
        return (content.plainText, level)
      }
    #expect(headings.count >= 5, "\(lesson) \(language): \(headings.count) headings")
    let outline = try pdfOutline(file)
    #expect(outline.map(\.title) == headings.map(\.title), "\(lesson) \(language)")
    #expect(outline.map(\.depth) == headings.map { $0.level <= 2 ? 0 : 1 }, "\(outline)")
    #expect(outline.map(\.page) == outline.map(\.page).sorted(), "\(outline)")
    let pages = try pdfPageCount(file)
    for mark in outline {
      guard (1...pages).contains(mark.page) else {
        Issue.record("\(lesson) \(language): \(mark) is past the last page, \(pages)")
        continue
      }
      // The heading starts a line on the page the bookmark points to (a section's stands on
      // a line of its own; a subsection's runs into its paragraph).
      let lines = try pdfPageText(file, page: mark.page).split(separator: "\n").map(collapsed)
      let title = collapsed(mark.title)
      #expect(
        mark.depth == 0 ? lines.contains(title) : lines.contains { $0.hasPrefix(title) },
        "\(lesson) \(language): \(mark), but page \(mark.page) has no line \(mark.title)")
    }
  }

  @Test(
    "every page is numbered at its foot", .externalTools,
    arguments: [("sigmoid", Language.english), ("sigmoid", .korean), ("tanh", .english)])
  func pageNumbers(lesson: String, language: Language) throws {
    let file = try handout(lesson, language, paper: .letter)
    defer { try? FileManager.default.removeItem(at: file) }
    let pages = try pdfPageCount(file)
    #expect(pages >= 3, "\(lesson) \(language): \(pages) pages")
    for page in 1...pages {
      let lines = try pdfPageText(file, page: page).split(separator: "\n").map(collapsed)
        .filter { !$0.isEmpty }
      #expect(
        lines.last == String(page),
        "\(lesson) \(language) page \(page) ends with \(lines.last ?? "nothing")")
    }
  }

  @Test("every font of the handout is embedded, in English and in Korean", .externalTools)
  func embeddedFonts() throws {
    for (language, paper) in [(Language.english, Paper.a4), (.korean, .a4), (.korean, .letter)] {
      let file = try handout("sigmoid", language, paper: paper)
      defer { try? FileManager.default.removeItem(at: file) }
      let fonts = try pdfFonts(file)
      #expect(fonts.count >= 4, "\(language) \(paper): \(fonts)")
      for font in fonts where font.emb != "yes" {
        Issue.record("\(language) \(paper): \(font.name) is not embedded")
      }
      if language == .korean {
        #expect(fonts.contains { $0.name.contains("Nanum") }, "\(fonts.map(\.name))")
      }
    }
  }

  /// The figures the handout of a built-in lesson draws, as `lessongen` chooses them.
  private func handoutFigures(_ id: String) throws -> [Figure] {
    let compiled = try LessonSource.builtin(id).compile()
    return FigureSet(
      LessonAnalysis(
        compiled, figures: LessonAnalysis.defaultFigures(for: compiled.graph),
        convention: Theme.dlfs.convention),
      theme: .dlfs, labels: .numeric,
      titles: Walkthrough(LessonAnalysis(compiled), language: .english).figureTitle
    ).compose(measurer: PangoTextMeasurer())
  }

  /// The handout of a built-in lesson, written to a temporary file the caller removes.
  private func handout(_ id: String, _ language: Language, paper: Paper) throws -> URL {
    let made = try handoutFigures(id)
    let scenes = Dictionary(made.map { ($0.id, $0.scene) }, uniquingKeysWith: { a, _ in a })
    let data = try HandoutRenderer.render(
      HandoutLayout.layOut(
        try document(id, language, figures: made), figures: scenes, paper: paper,
        measurer: PangoTextMeasurer()))
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "lessongen-\(UUID()).pdf")
    try data.write(to: file)
    return file
  }
}

/// The text with runs of white space made one space, and trimmed.
private func collapsed<S: StringProtocol>(_ text: S) -> String {
  text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
}
