public import Explain
public import Figures
import GraphEngine
import GraphLayout

/// Lays a ``Document`` out on pages: a title block, headings kept with what follows,
/// paragraphs wrapped as the measurer wraps them, display equations centred (broken at `=`
/// or scaled down when too wide), tables with rules, figures scaled to the text width, all
/// inside the margins, and a number at the foot of each page. Each page is a ``Scene``, the
/// display list figures are drawn from, with the figures' scenes placed in it.
public struct HandoutLayout {
  let paper: Paper
  let style: HandoutStyle
  let measurer: any PageTextMeasuring
  let figures: [String: Scene]

  var width: Double { paper.size.width - 2 * style.margin }
  var bottom: Double { paper.size.height - style.bottomMargin }

  private(set) var pages: [HandoutPage] = []
  private(set) var bookmarks: [Bookmark] = []
  private var y: Double
  private struct EquationKey: Hashable {
    var formulas: [Formula]
    var continued: Bool
  }
  /// Displayed equations already typeset, by their formulas.
  private var typesetEquations: [EquationKey: [(box: MathBox, scale: Double)]] = [:]
  /// Where the `=` of the last displayed equation stands, so that the continued lines of a
  /// derivation line up under it.
  private var equalsX: Double?

  init(
    paper: Paper, style: HandoutStyle = .standard, measurer: any PageTextMeasuring,
    figures: [String: Scene]
  ) {
    self.paper = paper
    self.style = style
    self.measurer = measurer
    self.figures = figures
    y = style.margin
    pages = [blankPage()]
  }

  /// Lays `document` out on `paper` in `style`, its text measured by `measurer`; a figure
  /// block places the scene of its name in `figures` (a figure not there is left out, with
  /// its caption).
  public static func layOut(
    _ document: Document, figures: [String: Scene], paper: Paper,
    style: HandoutStyle = .standard, measurer: any PageTextMeasuring
  ) -> PagedHandout {
    var layout = HandoutLayout(paper: paper, style: style, measurer: measurer, figures: figures)
    layout.layout(document)
    return PagedHandout(
      title: document.title, subject: document.summary, paper: paper, pages: layout.pages,
      bookmarks: layout.bookmarks)
  }

  mutating func layout(_ document: Document) {
    titleBlock(document)
    for (i, block) in document.blocks.enumerated() {
      place(block, following: document.blocks[(i + 1)...])
    }
    numberPages(title: document.title)
  }

  // MARK: Blocks

  private mutating func titleBlock(_ document: Document) {
    let title = PangoMarkupDialect.escape(document.title)
    let size = measurer.measure(title, font: style.title, width: width)
    addText(title, style.title, style.ink, frame: frame(size))
    y += size.height + 6
    if let summary = document.summary {
      let text = PangoMarkupDialect.escape(summary)
      let s = measurer.measure(text, font: style.subtitle, width: width)
      addText(text, style.subtitle, style.grey, frame: frame(s))
      y += s.height + 6
    }
    addLine(
      Point(x: style.margin, y: y), Point(x: style.margin + width, y: y), width: 0.6,
      color: style.grey)
    y += 14
  }

  private mutating func place(_ block: Block, following: ArraySlice<Block>) {
    switch block {
    case .heading(let level, let content):
      let font = level <= 2 ? style.heading2 : style.heading3
      let markup = Self.markup(content)
      let size = measurer.measure(markup, font: font, width: width)
      let before = level <= 2 ? 16.0 : 10.0
      // Keep a heading with what follows it (and what that paragraph introduces).
      var keep = 0.0
      if let first = following.first { keep = estimate(first) }
      if case .paragraph? = following.first { keep += introduced(following.dropFirst().first) }
      ensure(before + size.height + keep + 6)
      if y > style.margin + 1 { y += before }
      bookmarks.append(
        Bookmark(title: content.plainText, level: level, page: pages.count, x: style.margin, y: y))
      addText(markup, font, style.ink, frame: frame(size))
      y += size.height + 6
    case .paragraph(let inlines):
      let markup = Self.markup(inlines)
      // More characters than any page holds is long without measuring it whole (Pango's
      // measure of a paragraph of hundreds of kilobytes is slow, and not to be trusted).
      if markup.utf8.count > Self.longParagraphBytes {
        longParagraph(inlines)
        return
      }
      let size = measurer.measure(markup, font: style.body, width: width)
      if size.height > bottom - style.margin {
        longParagraph(inlines)
        return
      }
      ensure(size.height + introduced(following.first))
      addText(markup, style.body, style.ink, frame: frame(size))
      y += size.height + style.paragraphSpacing
    case .equation(let formulas, let continued):
      equation(formulas, continued: continued)
    case .table(let header, let rows):
      table(header, rows)
    case .figure(let name, _, let caption):
      figure(name, caption: caption)
    }
  }

  /// A paragraph taller than a page, broken between words across as many pages as it needs:
  /// on each page the longest run of words that fits (found by bisection, a few measures a
  /// page), the rest on the next.
  private mutating func longParagraph(_ inlines: [Inline]) {
    var words = Self.words(inlines)
    let line = measurer.measure("Ag", font: style.body, width: width).height
    func height(_ count: Int) -> Double {
      measurer.measure(Self.markup(Array(words[..<count])), font: style.body, width: width).height
    }
    while !words.isEmpty {
      // Start on a new page unless three lines still fit here.
      ensure(3 * line)
      let room = bottom - y
      // A window of words that overfills the room, grown as needed: each page costs a few
      // measures of about a page of text, not of all that is left.
      var window = Swift.min(words.count, 512)
      while window < words.count && height(window) <= room {
        window = Swift.min(words.count, window * 2)
      }
      var low = 1
      var high = window
      while low < high {
        let mid = (low + high + 1) / 2
        if height(mid) <= room { low = mid } else { high = mid - 1 }
      }
      let markup = Self.markup(Array(words[..<low]))
      let size = measurer.measure(markup, font: style.body, width: width)
      addText(markup, style.body, style.ink, frame: frame(size))
      words.removeFirst(low)
      if words.isEmpty {
        y += size.height + style.paragraphSpacing
      } else {
        newPage()
      }
    }
  }

  /// Inline content cut into words (each text word keeps its following space; math and
  /// emphasis stay whole), so a paragraph can be broken between any two. A word longer than
  /// a line is cut into pieces of ``wordPiece`` characters, which Pango sets side by side
  /// and breaks as it breaks any overlong word.
  static func words(_ inlines: [Inline]) -> [Inline] {
    var words: [Inline] = []
    for piece in inlines {
      guard case .text(let text) = piece else {
        words.append(piece)
        continue
      }
      var current = ""
      var length = 0
      for c in text {
        current.append(c)
        length += 1
        if c == " " || length == wordPiece {
          words.append(.text(current))
          current = ""
          length = 0
        }
      }
      if !current.isEmpty { words.append(.text(current)) }
    }
    return words
  }

  /// The longest piece of a word a long paragraph is cut into (shorter than a line).
  static let wordPiece = 40
  /// A paragraph with more bytes of markup than this is longer than a page, unmeasured.
  static let longParagraphBytes = 12_000

  /// What must follow a paragraph on its page when the paragraph introduces `block`: the
  /// paragraph's spacing and the start of the equation or table (0 for other blocks).
  private mutating func introduced(_ block: Block?) -> Double {
    guard let block else { return 0 }
    switch block {
    case .equation, .table: return style.paragraphSpacing + estimate(block)
    default: return 0
    }
  }

  /// The height a block needs on the page before it is placed (for a table, its start), to
  /// keep headings and introducing paragraphs with it.
  private mutating func estimate(_ block: Block) -> Double {
    switch block {
    case .paragraph(let inlines): paragraphHeadroom(inlines)
    case .equation(let formulas, let continued):
      (equationLines(formulas, continued: continued).first?.box.height ?? 0) + style.equationSpacing
    case .table: 60
    case .figure(let name, _, let caption): placed(name, caption: caption)?.height ?? 0
    case .heading: 20
    }
  }

  /// What a paragraph needs on the page it starts on: all of it, or for one taller than a
  /// page (broken across pages by ``longParagraph(_:)``) its first three lines.
  private func paragraphHeadroom(_ inlines: [Inline]) -> Double {
    let height = measurer.measure(Self.markup(inlines), font: style.body, width: width).height
    guard height > bottom - style.margin else { return height }
    return 3 * measurer.measure("Ag", font: style.body, width: width).height
  }

  /// A displayed equation's lines: one if it fits, else broken at every `=` (the first line
  /// holds the first two sides); each scaled down to the text width if still too wide.
  private mutating func equationLines(_ formulas: [Formula], continued: Bool) -> [(
    box: MathBox, scale: Double
  )] {
    // Typeset once: a paragraph's keep-together estimate asks for the lines first.
    let key = EquationKey(formulas: formulas, continued: continued)
    if let lines = typesetEquations[key] { return lines }
    let lines = typesetLines(formulas, continued: continued)
    typesetEquations[key] = lines
    return lines
  }

  private func typesetLines(_ formulas: [Formula], continued: Bool) -> [(
    box: MathBox, scale: Double
  )] {
    let setter = MathTypesetter(measurer: measurer, font: style.math)
    let available = width - style.equationIndent
    var lines: [MathBox] = []
    let whole = setter.typeset(.equation(continued ? [.symbol("")] + formulas : formulas))
    if whole.width <= available || formulas.count < 2 {
      lines = [whole]
    } else {
      lines.append(
        setter.typeset(
          .equation(continued ? [.symbol(""), formulas[0]] : Array(formulas.prefix(2)))))
      for side in formulas.dropFirst(continued ? 1 : 2) {
        lines.append(setter.typeset(.equation([.symbol(""), side])))
      }
    }
    return lines.map { line in
      line.width > available
        ? (line.scaled(available / line.width), available / line.width) : (line, 1)
    }
  }

  private mutating func equation(_ formulas: [Formula], continued: Bool) {
    let setter = MathTypesetter(measurer: measurer, font: style.math)
    let lines = equationLines(formulas, continued: continued)
    for (i, (line, scale)) in lines.enumerated() {
      ensure(line.height + style.equationSpacing)
      var x =
        lines.count == 1
        ? style.margin + (width - line.width) / 2
        : style.margin + style.equationIndent + (i == 0 ? 0 : 14)
      if lines.count == 1 {
        if continued, let e = equalsX, e + line.width <= style.margin + width {
          x = e
        } else if !continued, formulas.count >= 2 {
          equalsX = x + setter.typeset(formulas[0]).width * scale
        } else {
          equalsX = nil
        }
      }
      addMath(line, origin: Point(x: x, y: y + line.ascent + 2))
      y += line.height + (i == lines.count - 1 ? 12 : style.equationSpacing)
    }
  }

  private mutating func table(_ header: [[Inline]], _ rows: [[[Inline]]]) {
    let columns = header.count
    let pad = 6.0
    let headMarkup = header.map { Self.markup($0) }
    let cellMarkup = rows.map { $0.map { Self.markup($0) } }
    var natural = [Double](repeating: 0, count: columns)
    for (c, m) in headMarkup.enumerated() {
      natural[c] = measurer.measureLine(m, font: style.tableHead).width
    }
    for row in cellMarkup {
      for (c, m) in row.enumerated() where c < columns {
        natural[c] = Swift.max(natural[c], measurer.measureLine(m, font: style.table).width)
      }
    }
    let total = natural.reduce(0) { $0 + $1 + 2 * pad }
    let scale = total > width ? width / total : 1
    let widths = natural.map { ($0 + 2 * pad) * scale }
    let tableWidth = widths.reduce(0, +)
    let left = style.margin + (width - tableWidth) / 2
    func rowHeight(_ markup: [String], _ font: Font) -> Double {
      zip(markup, widths).map {
        measurer.measure($0, font: font, width: Swift.max(10, $1 - 2 * pad)).height
      }
      .max() ?? 0
    }
    func drawRow(_ markup: [String], _ font: Font, _ height: Double) {
      var x = left
      for (m, w) in zip(markup, widths) {
        let inner = w - 2 * pad
        let s = measurer.measure(m, font: font, width: Swift.max(10, inner))
        addText(
          m, font, style.ink,
          frame: Rect(x: x + pad, y: y + 3, width: Swift.min(s.width, inner), height: s.height))
        x += w
      }
      y += height + 6
    }
    let headHeight = rowHeight(headMarkup, style.tableHead)
    ensure(headHeight + 40)
    rule(left, tableWidth, 0.8)
    drawRow(headMarkup, style.tableHead, headHeight)
    rule(left, tableWidth, 0.5)
    for row in cellMarkup {
      let h = rowHeight(row, style.table)
      if y + h + 6 > bottom {
        rule(left, tableWidth, 0.8)
        newPage()
        rule(left, tableWidth, 0.8)
      }
      drawRow(row, style.table, h)
    }
    rule(left, tableWidth, 0.8)
    y += 10
  }

  private mutating func rule(_ x: Double, _ w: Double, _ thickness: Double) {
    addLine(Point(x: x, y: y), Point(x: x + w, y: y), width: thickness, color: style.ink)
    y += 1
  }

  /// A figure as placed: scaled to the text width (and to 42 % of the page's height), with
  /// its caption; `height` is all it needs on the page.
  private func placed(_ name: String, caption: String)
    -> (scene: Scene, size: Size, caption: String, captionSize: Size, height: Double)?
  {
    guard let scene = figures[name] else { return nil }
    let maxHeight = (paper.size.height - style.margin - style.bottomMargin) * 0.42
    let scale = Swift.min(1, width / scene.size.width, maxHeight / scene.size.height)
    let size = Size(width: scene.size.width * scale, height: scene.size.height * scale)
    let markup = PangoMarkupDialect.escape(caption)
    let c = measurer.measure(markup, font: style.caption, width: width)
    return (scene, size, markup, c, size.height + c.height + 6)
  }

  private mutating func figure(_ name: String, caption: String) {
    guard let figure = placed(name, caption: caption) else { return }
    let (w, h, c) = (figure.size.width, figure.size.height, figure.captionSize)
    ensure(figure.height)
    let frame = Rect(x: style.margin + (width - w) / 2, y: y, width: w, height: h)
    add([.scene(figure.scene, frame: frame)], frame: frame)
    y += h + 3
    addText(
      figure.caption, style.caption, style.grey,
      frame: Rect(x: style.margin + (width - c.width) / 2, y: y, width: c.width, height: c.height))
    y += c.height + 12
  }

  // MARK: Pages

  private func frame(_ size: Size) -> Rect {
    Rect(x: style.margin, y: y, width: Swift.min(size.width, width), height: size.height)
  }

  /// Puts `elements` on the current page; `frame` is what they cover.
  private mutating func add(_ elements: [SceneElement], frame: Rect) {
    pages[pages.count - 1].scene.elements += elements
    pages[pages.count - 1].frames.append(frame)
  }

  /// Wrapped text in `frame`, which has its measured size: drawn broken at that width, with
  /// half a point to spare, its lines break where they did when it was measured.
  private mutating func addText(_ markup: String, _ font: Font, _ color: Color, frame: Rect) {
    let run = TextRun(
      markup: markup, font: font, color: color, frame: frame, wrapWidth: frame.width + 0.5)
    add([.text(run, owner: .page)], frame: frame)
  }

  /// Typeset math in ink, its baseline's left end at `origin`.
  private mutating func addMath(_ box: MathBox, origin: Point) {
    add(
      box.elements(at: origin, color: style.ink),
      frame: Rect(x: origin.x, y: origin.y - box.ascent, width: box.width, height: box.height))
  }

  /// A rule from `a` to `b`.
  private mutating func addLine(_ a: Point, _ b: Point, width: Double, color: Color) {
    add(
      [.polyline([a, b], color: color, width: width, owner: .page)],
      frame: Rect(
        x: Swift.min(a.x, b.x), y: Swift.min(a.y, b.y), width: Swift.abs(a.x - b.x),
        height: Swift.abs(a.y - b.y)))
  }

  /// Starts a new page unless `height` more points fit on this one.
  private mutating func ensure(_ height: Double) {
    if y + height > bottom && y > style.margin + 1 { newPage() }
  }

  private mutating func newPage() {
    pages.append(blankPage())
    y = style.margin
  }

  /// A blank page of the paper's size.
  private func blankPage() -> HandoutPage {
    HandoutPage(
      scene: Scene(size: paper.size, background: style.background, title: "", lineJoin: .miter))
  }

  /// Gives each page its number, centred in the bottom margin, and the handout's title.
  private mutating func numberPages(title: String) {
    let size = paper.size
    for index in pages.indices {
      let number = String(index + 1)
      let w = measurer.measure(number, font: style.caption)
      let frame = Rect(
        x: (size.width - w.width) / 2, y: size.height - style.bottomMargin / 2 - w.height / 2,
        width: w.width, height: w.height)
      pages[index].scene.title = title
      pages[index].scene.elements.append(
        .text(
          TextRun(markup: number, font: style.caption, color: style.grey, frame: frame),
          owner: .page)
      )
    }
  }

  /// Inline content as Pango markup: lesson text escaped, math typeset on one line.
  static func markup(_ inlines: [Inline]) -> String {
    inlines.map { piece in
      switch piece {
      case .text(let s): return PangoMarkupDialect.escape(s)
      case .emphasis(let s): return "<i>" + PangoMarkupDialect.escape(s) + "</i>"
      case .math(let f): return f.pangoMarkup()
      }
    }.joined()
  }
}
