import Drawing
import Explain
import Figures
import FormulaWriting
import GraphEngine
import GraphLayout
import MathTypesetting

/// Measures and typesets a ``Document``'s text for one paper and style, block by block, into
/// a ``TypesetHandout``: headings and paragraphs wrapped to the text width, displayed
/// equations typeset (broken at `=` or scaled down when too wide), tables' columns and rows
/// sized, captions measured. Where things go on the pages is ``HandoutLayout``'s work.
struct HandoutTypesetter {
  let paper: Paper
  let style: HandoutStyle
  let measurer: any PageTextMeasuring

  /// The text width.
  var width: Double { paper.size.width - 2 * style.margin }
  /// The text area's height.
  var pageHeight: Double { paper.size.height - style.bottomMargin - style.margin }

  private struct EquationKey: Hashable {
    var formulas: [Formula]
    var continued: Bool
  }
  /// Displayed equations already typeset, by their formulas.
  private var typesetEquations: [EquationKey: TypesetEquation] = [:]

  init(paper: Paper, style: HandoutStyle, measurer: any PageTextMeasuring) {
    self.paper = paper
    self.style = style
    self.measurer = measurer
  }

  mutating func typeset(_ document: Document) -> TypesetHandout {
    // Korean words kept whole, as in the body (a title's last word was split: 딥러 / 닝).
    let title = Self.koreanWordsKept(document.title)
    let summary = document.summary.map(Self.koreanWordsKept)
    return TypesetHandout(
      paper: paper, style: style, title: document.title, subject: document.summary,
      titleText: measured(title, style.title),
      summaryText: summary.map { measured($0, style.subtitle) },
      blocks: runningIn(document.blocks))
  }

  /// The blocks typeset, each level-3 heading followed by a paragraph set at the start of it
  /// (``TypesetBlock/runIn(title:text:)``).
  private mutating func runningIn(_ blocks: [Block]) -> [TypesetBlock] {
    var set: [TypesetBlock] = []
    var i = 0
    while i < blocks.count {
      if case .heading(level: 3, let content) = blocks[i], i + 1 < blocks.count,
        case .paragraph(let inlines) = blocks[i + 1]
      {
        let heading = style.heading3
        let markup =
          "<span font_desc=\"\(heading.description)\" size=\"\(Int(style.body.size * 1024))\">"
          + Self.markup(content) + "</span>\u{2003}" + Self.markup(inlines)
        if markup.utf8.count <= Self.longParagraphBytes {
          let text = measured(markup, style.body)
          if text.size.height <= pageHeight {
            set.append(.runIn(title: content.plainText, text: text))
            i += 2
            continue
          }
        }
      }
      set.append(typeset(blocks[i]))
      i += 1
    }
    return set
  }

  /// `markup` wrapped to the text width, and its size.
  private func measured(_ markup: String, _ font: Font) -> MeasuredText {
    MeasuredText(markup: markup, size: measurer.measure(markup, font: font, width: width))
  }

  private mutating func typeset(_ block: Block) -> TypesetBlock {
    switch block {
    case .heading(let level, let content):
      let font = style.headingFont(level: level)
      return .heading(
        level: level, title: content.plainText, text: measured(Self.markup(content), font))
    case .paragraph(let inlines):
      let markup = Self.markup(inlines)
      // More characters than any page holds is long without measuring it whole (Pango's
      // measure of a paragraph of hundreds of kilobytes is slow, and not to be trusted).
      if markup.utf8.count > Self.longParagraphBytes { return .longParagraph(inlines) }
      let text = measured(markup, style.body)
      return text.size.height > pageHeight ? .longParagraph(inlines) : .paragraph(text)
    case .equation(let formulas, let continued):
      return .equation(equation(formulas, continued: continued))
    case .system(let equations):
      return .system(equations.map { equation($0, continued: false) })
    case .table(let header, let rows):
      return .table(table(header, rows))
    case .figure(let name, _, let caption):
      // Korean words kept whole in captions too (기울기 broke as 기 / 울기).
      return .figure(name, caption: measured(Self.koreanWordsKept(caption), style.caption))
    case .pageBreak:
      return .pageBreak
    }
  }

  /// A paragraph with more bytes of markup than this is longer than a page, unmeasured.
  static let longParagraphBytes = 12_000

  // MARK: Equations

  /// A displayed equation's lines: one if it fits, else broken at every `=` (the first line
  /// holds the first two sides); each scaled down to the text width if still too wide.
  private mutating func equation(_ formulas: [Formula], continued: Bool) -> TypesetEquation {
    let key = EquationKey(formulas: formulas, continued: continued)
    if let typeset = typesetEquations[key] { return typeset }
    let setter = MathTypesetter(measurer: measurer, font: style.math)
    let lines = typesetLines(formulas, continued: continued, setter: setter)
    let first =
      lines.count == 1 && !continued && formulas.count >= 2
      ? setter.typeset(formulas[0]).width : nil
    let typeset = TypesetEquation(lines: lines, continued: continued, firstSideWidth: first)
    typesetEquations[key] = typeset
    return typeset
  }

  private func typesetLines(_ formulas: [Formula], continued: Bool, setter: MathTypesetter)
    -> [(box: MathBox, scale: Double)]
  {
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

  // MARK: Tables

  /// Columns as wide as their widest line (narrowed together to the text width if wider),
  /// the table centred, each row as tall as its tallest cell wrapped to its column.
  private func table(_ header: [[Inline]], _ rows: [[[Inline]]]) -> TypesetTable {
    let columns = header.count
    let pad = style.cellPadding
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
    func row(_ markup: [String], _ font: Font) -> TypesetRow {
      var x = left
      var cells: [(markup: String, frame: Rect)] = []
      for (m, w) in zip(markup, widths) {
        let inner = w - 2 * pad
        let s = measurer.measure(m, font: font, width: Swift.max(10, inner))
        cells.append(
          (
            m,
            Rect(x: x + pad, y: style.cellTop, width: Swift.min(s.width, inner), height: s.height)
          ))
        x += w
      }
      return TypesetRow(font: font, cells: cells, height: cells.map(\.frame.height).max() ?? 0)
    }
    return TypesetTable(
      left: left, width: tableWidth, head: row(headMarkup, style.tableHead),
      rows: cellMarkup.map { row($0, style.table) })
  }

  // MARK: Markup

  /// Inline content as Pango markup: lesson text escaped, math typeset on one line.
  ///
  /// A short formula is never broken inside (its spaces are no-break spaces), and nothing
  /// breaks between a formula and the Korean particle after it (`x는`, `L은`: a word joiner
  /// between them; Pango broke them as `L-` / `은`).
  static func markup(_ inlines: [Inline]) -> String {
    var out = ""
    var afterMath = false
    for piece in inlines {
      switch piece {
      case .text(let s):
        if afterMath, let first = s.unicodeScalars.first, isHangul(first) { out += "\u{2060}" }
        out += koreanWordsKept(s)
        afterMath = false
      case .emphasis(let s):
        out += "<i>" + PangoMarkupDialect.escape(s) + "</i>"
        afterMath = false
      case .math(let f):
        let markup = signsKept(f.pangoMarkup())
        out += f.unicode().count <= shortFormula ? unbreakable(markup) : markup
        afterMath = true
      }
    }
    return out
  }

  /// Text as markup, each word with Hangul in it kept whole: Korean breaks lines between
  /// words (at spaces), never between a word's syllables or before its particle, but Pango,
  /// following Unicode's line breaking, breaks between any two syllables.
  static func koreanWordsKept(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isHangul) else {
      return PangoMarkupDialect.escape(text)
    }
    var out = ""
    var word = ""
    func flush() {
      guard !word.isEmpty else { return }
      let escaped = PangoMarkupDialect.escape(word)
      out +=
        word.unicodeScalars.contains(where: isHangul)
        ? "<span allow_breaks=\"false\">" + escaped + "</span>" : escaped
      word = ""
    }
    for c in text {
      if c == " " || c == "\n" {
        flush()
        out.append(c)
      } else {
        word.append(c)
      }
    }
    flush()
    return out
  }

  /// Formulas up to this many characters are kept on one line.
  static let shortFormula = 40

  /// Markup with a word joiner after each minus or slash that is not followed by a space (a
  /// unary minus, −(w·x + b); the ∂L/∂y of a derivative): Pango broke a line between a minus
  /// and its parenthesis, and after ∂L/.
  static func signsKept(_ markup: String) -> String {
    var out = ""
    var inTag = false
    var pending = false
    for c in markup {
      if pending && c != " " { out.append("\u{2060}") }
      pending = false
      if c == "<" { inTag = true } else if c == ">" { inTag = false }
      out.append(c)
      if (c == "−" || c == "/") && !inTag { pending = true }
    }
    return out
  }

  /// Markup with the spaces of its text (not those inside tags) made no-break spaces.
  static func unbreakable(_ markup: String) -> String {
    var out = ""
    var inTag = false
    for c in markup {
      if c == "<" { inTag = true } else if c == ">" { inTag = false }
      out.append(c == " " && !inTag ? "\u{00A0}" : c)
    }
    return out
  }

  /// Hangul syllables and jamo: the scripts whose particles attach to the word before.
  static func isHangul(_ scalar: Unicode.Scalar) -> Bool {
    (0xAC00...0xD7A3).contains(scalar.value) || (0x1100...0x11FF).contains(scalar.value)
      || (0x3130...0x318F).contains(scalar.value)
  }

  /// Inline content cut into words (each text word keeps its following space; math and
  /// emphasis stay whole), so a paragraph can be broken between any two. A word longer than
  /// a line is cut into pieces of ``wordPiece`` characters, each but the last ending in a
  /// zero-width space: Pango breaks an overlong word there as it would break it anywhere,
  /// but finds the place at once (without one, Pango re-shapes the rest of the word for
  /// every line it sets, and a word of 100,000 letters took seconds).
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
          if c != " " { current.append("\u{200B}") }
          words.append(.text(current))
          current = ""
          length = 0
        }
      }
      if !current.isEmpty { words.append(.text(current)) }
    }
    return words
  }

  /// The longest piece of a word a long paragraph is cut into: short, so that a line of an
  /// overlong word ends at most a few letters short of the margin.
  static let wordPiece = 10
}
