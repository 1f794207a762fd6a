public import Analysis
public import Drawing
public import Explain
import Figures
import FormulaWriting
import GraphEngine
import GraphLayout
import MathTypesetting

/// Puts a typeset document on pages: the title block, headings kept with what follows,
/// paragraphs (one taller than a page broken across pages), displayed equations centred or
/// lined up at the `=` of the equation they continue, tables with rules (broken between
/// rows), figures scaled to the text width with their captions, all inside the margins, and a
/// number at the foot of each page. Each page is a ``Scene``, the display list figures are
/// drawn from, with the figures' scenes placed in it.
public struct HandoutLayout {
  let paper: Paper
  let style: HandoutStyle
  let measurer: any PageTextMeasuring
  /// The figures of the lesson being placed (several lessons in turn: ``paginateFlowing``).
  var figures: [FigureID: Scene]

  var width: Double { paper.size.width - 2 * style.margin }
  var bottom: Double { paper.size.height - style.bottomMargin }

  private(set) var pages: [HandoutPage] = []
  private(set) var bookmarks: [Bookmark] = []
  private var y: Double
  /// Where the `=` of the last displayed equation stands, so that the continued lines of a
  /// derivation line up under it.
  private var equalsX: Double?
  /// Figures waiting for a landscape page: placed after the page being filled, or after the
  /// figures waiting for the top of a page when it was floated after them.
  private var pendingLandscape: [(scene: Scene, scale: Double, caption: MeasuredText?)] = []
  /// Whether a landscape figure was floated while figures were waiting for the top of a page:
  /// it then waits for them, so that figures print in their order (the parts of a cut graph,
  /// then the expanded graph turned sideways). One flag for the whole landscape queue: a
  /// landscape figure floated before them waits too.
  private var landscapeWaitsForTop = false
  /// Whether the figures left waiting at a lesson's end are being placed (they are out of
  /// ``pendingTop`` then, but still before the landscape figures that wait for them).
  private var flushingTop = false
  /// Figures floated to the top of the next page (see ``figure(_:caption:)-(Scene,_)``).
  private var pendingTop: [(scene: Scene, size: Size, caption: MeasuredText)] = []
  /// The grid last planned for a run of step figures, by the run's first figure: the heading
  /// over the run plans it to keep itself with the first row, the run is then set with it.
  private var plannedSteps: (first: FigureID, plan: StepGrid?)?

  private init(
    paper: Paper, style: HandoutStyle, measurer: any PageTextMeasuring,
    figures: [FigureID: Scene]
  ) {
    self.paper = paper
    self.style = style
    self.measurer = measurer
    self.figures = figures
    y = style.margin
    pages = [blankPage()]
  }

  /// Measures and typesets `document`'s text for `paper` in `style`: the part of laying it
  /// out that does not need the figures, so it can run while they are being composed.
  public static func typeset(
    _ document: Document, paper: Paper, style: HandoutStyle = .standard,
    measurer: any PageTextMeasuring
  ) -> TypesetHandout {
    var typesetter = HandoutTypesetter(paper: paper, style: style, measurer: measurer)
    return typesetter.typeset(document)
  }

  /// Puts typeset text on pages with the figures: a figure block places the scene of its name
  /// in `figures` (one not there is left out, with its caption). `measurer` (the one that
  /// typeset the text, or one that measures alike) breaks paragraphs taller than a page where
  /// the pages end and sizes the page numbers.
  ///
  /// In a course, its pages are numbered from `firstNumber` and carry `runningHead` (the
  /// course's title) with the lesson's.
  ///
  /// `opening` (a course part's title) heads the first page, above the lesson's title: a
  /// part opens on the page of its first lesson, not on a page of its own.
  public static func paginate(
    _ typeset: TypesetHandout, figures: [FigureID: Scene], measurer: any PageTextMeasuring,
    firstNumber: Int = 1, runningHead: String? = nil, opening: String? = nil
  ) -> PagedHandout {
    var layout = HandoutLayout(
      paper: typeset.paper, style: typeset.style, measurer: measurer, figures: figures)
    if let opening { layout.opening(opening) }
    layout.place(typeset, firstNumber: firstNumber, runningHead: runningHead)
    return PagedHandout(
      title: typeset.title, subject: typeset.subject, paper: typeset.paper, pages: layout.pages,
      bookmarks: layout.bookmarks)
  }

  /// Typesets `document` and puts it on pages with the figures (both of the above).
  public static func layOut(
    _ document: Document, figures: [FigureID: Scene], paper: Paper,
    style: HandoutStyle = .standard, measurer: any PageTextMeasuring
  ) -> PagedHandout {
    paginate(
      typeset(document, paper: paper, style: style, measurer: measurer), figures: figures,
      measurer: measurer)
  }

  private mutating func place(
    _ typeset: TypesetHandout, firstNumber: Int, runningHead: String?
  ) {
    placeLesson(typeset)
    numberPages(title: typeset.title, firstNumber: firstNumber, runningHead: runningHead)
  }

  /// Where each lesson of ``paginateFlowing(_:measurer:firstNumber:runningHead:title:opening:)``
  /// starts: its page (1-based, in the pages returned), the y of its title, and how many
  /// bookmarks came before its own.
  public struct Start: Sendable {
    public var page: Int
    public var y: Double
    public var bookmarks: Int
  }

  /// Several lessons one after another on the same run of pages, each starting under the
  /// last where at least a third of the page is left (an answer key of a course: a page
  /// break before each left pages almost empty). Each lesson's floated figures are placed
  /// before the next lesson starts. The pages carry `runningHead` and `title` as running
  /// heads and are numbered from `firstNumber`.
  public static func paginateFlowing(
    _ lessons: [(typeset: TypesetHandout, figures: [FigureID: Scene])],
    measurer: any PageTextMeasuring, firstNumber: Int, runningHead: String?, title: String,
    opening: String? = nil
  ) -> (handout: PagedHandout, starts: [Start])? {
    guard let first = lessons.first else { return nil }
    var layout = HandoutLayout(
      paper: first.typeset.paper, style: first.typeset.style, measurer: measurer,
      figures: first.figures)
    if let opening { layout.opening(opening) }
    var starts: [Start] = []
    for (typeset, figures) in lessons {
      // After a landscape page of the last lesson's figures, the text goes on on a new page.
      if let last = layout.pages.last, last.scene.size.width > last.scene.size.height {
        layout.pages.append(layout.blankPage())
        layout.y = layout.style.margin
      }
      if layout.y > layout.style.margin + 1 {
        layout.y += layout.style.beforeSection * 2
        layout.ensure((layout.bottom - layout.style.margin) / 3)
      }
      starts.append(
        Start(page: layout.pages.count, y: layout.y, bookmarks: layout.bookmarks.count))
      layout.figures = figures
      layout.plannedSteps = nil  // Another lesson's figures: its own step ids.
      layout.placeLesson(typeset)
    }
    layout.numberPages(title: title, firstNumber: firstNumber, runningHead: runningHead)
    return (
      PagedHandout(
        title: title, subject: first.typeset.subject, paper: first.typeset.paper,
        pages: layout.pages, bookmarks: layout.bookmarks), starts
    )
  }

  /// One lesson's title block and blocks from the current position, its floated figures
  /// placed at its end.
  private mutating func placeLesson(_ typeset: TypesetHandout) {
    titleBlock(typeset)
    let blocks = typeset.blocks
    var i = 0
    while i < blocks.count {
      // A run of step figures prints as small multiples (``steps(_:)``).
      var run: [(FigureID, MeasuredText)] = []
      while i + run.count < blocks.count, case .figure(let id, let caption) = blocks[i + run.count],
        id.isStep
      {
        run.append((id, caption))
      }
      if !run.isEmpty {
        switch style.steps {
        case .grid: steps(run)
        case .all: for (id, caption) in run { figure(id, caption: caption) }
        case .none: break
        }
        i += run.count
        continue
      }
      place(blocks[i], following: blocks[(i + 1)...])
      i += 1
    }
    // Figures still floating go on at the end, after the text, in order: a landscape figure
    // floated after them waits while they are placed (a new page opened for one of them
    // would otherwise print it first).
    if !pendingTop.isEmpty {
      let floated = pendingTop
      pendingTop = []
      flushingTop = true
      for (scene, size, caption) in floated { placeFigure(scene, size: size, caption: caption) }
      flushingTop = false
    }
    if !pendingLandscape.isEmpty { placeLandscapeFigures() }
  }

  // MARK: Blocks

  /// A course part's title at the head of the page, larger than a lesson's, over a rule.
  private mutating func opening(_ title: String) {
    var font = style.title
    font.size = style.title.size * 1.25
    let markup = PangoMarkupDialect.escape(title)
    let size = measurer.measure(markup, font: font, width: width)
    addText(markup, font, style.ink, frame: frame(size))
    y += size.height + style.afterTitle
    addLine(
      Point(x: style.margin, y: y), Point(x: style.margin + width, y: y),
      width: style.titleRule * 2, color: style.ink)
    y += style.afterTitleRule * 2
  }

  private mutating func titleBlock(_ typeset: TypesetHandout) {
    let title = typeset.titleText
    addText(title.markup, style.title, style.ink, frame: frame(title.size))
    y += title.size.height + style.afterTitle
    if let summary = typeset.summaryText {
      addText(summary.markup, style.subtitle, style.grey, frame: frame(summary.size))
      y += summary.size.height + style.afterTitle
    }
    addLine(
      Point(x: style.margin, y: y), Point(x: style.margin + width, y: y), width: style.titleRule,
      color: style.grey)
    y += style.afterTitleRule
  }

  private mutating func place(_ block: TypesetBlock, following: ArraySlice<TypesetBlock>) {
    switch block {
    case .heading(let level, let title, let text):
      let font = style.headingFont(level: level)
      let size = text.size
      let before = level <= 2 ? style.beforeSection : style.beforeSubsection
      // Keep a heading with what follows it (and what that paragraph introduces).
      var keep = 0.0
      if let row = firstStepRow(following) {
        keep = row
      } else if let first = following.first {
        keep = estimate(first)
      }
      switch following.first {
      case .paragraph?, .longParagraph?, .runIn?: keep += introduced(following.dropFirst().first)
      default: break
      }
      // Under figures floated to the top of a page, the heading needs the start of what
      // follows (a few lines), not all of a figure that may float on.
      ensure(
        before + size.height + keep + style.afterHeading,
        least: before + size.height + style.afterHeading
          + Swift.min(keep, 3 * style.body.size * 1.4))
      if y > style.margin + 1 { y += before }
      bookmarks.append(
        Bookmark(title: title, level: level, page: pages.count, x: style.margin, y: y))
      addText(text.markup, font, style.ink, frame: frame(size))
      y += size.height + style.afterHeading
    case .runIn(let title, let text):
      // A subsection's space above it, its bookmark, then a paragraph.
      ensure(
        style.beforeSubsection + text.size.height + introduced(following.first),
        least: style.beforeSubsection + text.size.height)
      if y > style.margin + 1 { y += style.beforeSubsection }
      bookmarks.append(Bookmark(title: title, level: 3, page: pages.count, x: style.margin, y: y))
      addText(text.markup, style.body, style.ink, frame: frame(text.size))
      y += text.size.height + style.paragraphSpacing
    case .paragraph(let text):
      ensure(text.size.height + introduced(following.first), least: text.size.height)
      addText(text.markup, style.body, style.ink, frame: frame(text.size))
      y += text.size.height + style.paragraphSpacing
    case .longParagraph(let inlines):
      longParagraph(inlines)
    case .equation(let equation):
      place(equation)
    case .system(let equations):
      // Equations short enough to stand side by side in one line do, a `\qquad` apart, as
      // a textbook sets a local gradient beside the chain rule using it.
      if let row = sideBySide(equations, within: width) {
        place(row, of: equations)
        break
      }
      // The block centred as a whole: its widest left side and widest right side, the `=`
      // between them (equations of several lines, or none, are set on their own).
      let sides = equations.compactMap { e -> (left: Double, right: Double)? in
        guard e.lines.count == 1, let first = e.firstSideWidth else { return nil }
        let (line, scale) = e.lines[0]
        return (first * scale, line.width - first * scale)
      }
      let left = sides.map(\.left).max() ?? 0
      let right = sides.map(\.right).max() ?? 0
      equalsX = sides.isEmpty ? nil : style.margin + (width - left - right) / 2 + left
      for equation in equations { place(equation, aligned: true) }
    case .table(let table):
      place(table)
    case .figure(let name, let caption):
      figure(name, caption: caption)
    case .pageBreak:
      if y > style.margin + 1 { newPage() }
    }
  }

  /// A paragraph taller than a page, broken between words across as many pages as it needs:
  /// on each page the longest run of words that fits (found by bisection, a few measures a
  /// page), the rest on the next.
  private mutating func longParagraph(_ inlines: [Inline]) {
    var words = HandoutTypesetter.words(inlines)
    let line = measurer.measure("Ag", font: style.body, width: width).height
    func height(_ count: Int) -> Double {
      measurer.measure(
        HandoutTypesetter.markup(Array(words[..<count])), font: style.body, width: width
      ).height
    }
    while !words.isEmpty {
      // Start on a new page unless three lines still fit here.
      ensure(3 * line)
      let room = bottom - y
      // A window of words that overfills the room, grown as needed: each page costs a few
      // measures of about a page of text, not of all that is left.
      var window = Swift.min(words.count, Self.measuredWords)
      while window < words.count && height(window) <= room {
        window = Swift.min(words.count, window * 2)
      }
      var low = 1
      var high = window
      while low < high {
        let mid = (low + high + 1) / 2
        if height(mid) <= room { low = mid } else { high = mid - 1 }
      }
      let markup = HandoutTypesetter.markup(Array(words[..<low]))
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

  /// What must follow a paragraph on its page when the paragraph introduces `block`: the
  /// paragraph's spacing and the start of the equation or table (0 for other blocks).
  private func introduced(_ block: TypesetBlock?) -> Double {
    guard let block else { return 0 }
    switch block {
    case .equation, .system, .table: return style.paragraphSpacing + estimate(block)
    // A figure that does not fit floats to the next page while the text runs on: its
    // paragraph stays.
    case .figure: return 0
    default: return 0
    }
  }

  /// The height a block needs on the page before it is placed (for a table, its start), to
  /// keep headings and introducing paragraphs with it.
  private func estimate(_ block: TypesetBlock) -> Double {
    switch block {
    case .paragraph(let text), .runIn(_, let text): text.size.height
    case .longParagraph(let inlines): longParagraphHeadroom(inlines)
    case .equation(let equation):
      (equation.lines.first?.box.height ?? 0) + style.equationSpacing
    case .system(let equations):
      // Side by side, the row is as tall as its tallest equation.
      (sideBySide(equations, within: width) == nil
        ? equations.first?.lines.first?.box.height ?? 0
        : equations.map { $0.lines[0].box.height }.max() ?? 0) + style.equationSpacing
    case .table(let table):
      // What ``place(_:)`` needs to start it: its head and 40 points of rows, or all of them.
      table.head.height
        + Swift.min(40, table.rows.reduce(0) { $0 + $1.height + style.rowSpacing })
    case .figure(let name, let caption): placed(name, caption: caption)?.height ?? 0
    case .heading: 20
    case .pageBreak: 0
    }
  }

  /// What a paragraph taller than a page needs on the page it starts on: its first three
  /// lines (or all of it, should it turn out shorter than a page). Only its first words are
  /// measured — as many as ``longParagraph(_:)`` measures at once — so the cost does not grow
  /// with the paragraph (measuring a whole one of a million characters took minutes).
  private func longParagraphHeadroom(_ inlines: [Inline]) -> Double {
    let line = measurer.measure("Ag", font: style.body, width: width).height
    let words = HandoutTypesetter.words(inlines)
    guard words.count <= Self.measuredWords else { return 3 * line }
    let height = measurer.measure(
      HandoutTypesetter.markup(words), font: style.body, width: width
    ).height
    return height > bottom - style.margin ? 3 * line : height
  }

  /// The most words of a long paragraph measured at once.
  static let measuredWords = 512

  /// - Parameter aligned: whether its first `=` lines up with the `=` of the equation
  ///   before it (a system's second and later equations), where the text width allows.
  private mutating func place(_ equation: TypesetEquation, aligned: Bool = false) {
    let lines = equation.lines
    for (i, (line, scale)) in lines.enumerated() {
      ensure(line.height + style.equationSpacing)
      var x =
        lines.count == 1
        ? style.margin + (width - line.width) / 2
        : style.margin + style.equationIndent + (i == 0 ? 0 : style.equationContinuationIndent)
      if lines.count == 1 {
        if equation.continued, let e = equalsX, e + line.width <= style.margin + width {
          x = e
        } else if aligned, let e = equalsX, let first = equation.firstSideWidth,
          e - first * scale >= style.margin,
          e - first * scale + line.width <= style.margin + width
        {
          x = e - first * scale
        } else if let first = equation.firstSideWidth {
          equalsX = x + first * scale
        } else {
          equalsX = nil
        }
      }
      addMath(line, origin: Point(x: x, y: y + line.ascent + 2))
      y += line.height + (i == lines.count - 1 ? style.afterEquation : style.equationSpacing)
    }
  }

  /// The space between equations set side by side: TeX's `\qquad`, two ems of the math font.
  private var equationQuad: Double { 2 * style.math.size }

  /// The width of a system's equations set in one line, when each is one line at full size
  /// and together they fit in `available`; nil otherwise.
  private func sideBySide(_ equations: [TypesetEquation], within available: Double) -> Double? {
    guard equations.count >= 2,
      equations.allSatisfy({ $0.lines.count == 1 && $0.lines[0].scale == 1 && !$0.continued })
    else { return nil }
    let total =
      equations.reduce(0) { $0 + $1.lines[0].box.width }
      + equationQuad * Double(equations.count - 1)
    return total <= available ? total : nil
  }

  /// Equations in one line, centred as a whole, on one baseline.
  private mutating func place(_ total: Double, of equations: [TypesetEquation]) {
    let boxes = equations.map(\.lines[0].box)
    let ascent = boxes.map(\.ascent).max() ?? 0
    let descent = boxes.map(\.descent).max() ?? 0
    ensure(ascent + descent + style.equationSpacing)
    var x = style.margin + (width - total) / 2
    for box in boxes {
      addMath(box, origin: Point(x: x, y: y + ascent + 2))
      x += box.width + equationQuad
    }
    y += ascent + descent + style.afterEquation
    equalsX = nil
  }

  private mutating func place(_ table: TypesetTable) {
    func placeRow(_ row: TypesetRow) {
      for cell in row.cells {
        let f = cell.frame
        addText(
          cell.markup, row.font, style.ink,
          frame: Rect(x: f.x, y: y + f.y, width: f.width, height: f.height))
      }
      y += row.height + style.rowSpacing
    }
    // Broken across pages: the next page repeats the header row. A page opened by floated
    // figures with room for fewer rows than a widow's worth (a forward table went 3 rows,
    // 1 row under the graph, then the rest) is left to the figures: the rows go on after.
    func breakPage(before next: Int) {
      rule(table.left, table.width, style.tableRule)
      newPage()
      let wanted = Swift.min(Self.widowRows, table.rows.count - next)
      let needed =
        table.head.height + style.rowSpacing
        + table.rows[next..<(next + wanted)].reduce(0) { $0 + $1.height + style.rowSpacing }
      if y > style.margin + 1 && y + needed > bottom { newPage() }
      rule(table.left, table.width, style.tableRule)
      placeRow(table.head)
      rule(table.left, table.width, style.headerRule)
    }
    /// How many rows from `start` fit above the bottom of this page.
    func fitting(from start: Int) -> Int {
      var bottomOfRows = y
      var count = 0
      for row in table.rows[start...] {
        bottomOfRows += row.height + style.rowSpacing
        if bottomOfRows > bottom { break }
        count += 1
      }
      return count
    }
    ensure(table.head.height + 40)
    rule(table.left, table.width, style.tableRule)
    placeRow(table.head)
    rule(table.left, table.width, style.headerRule)
    var next = 0
    var justBroken = false
    while next < table.rows.count {
      var count = fitting(from: next)
      if count == 0 && !justBroken {
        breakPage(before: next)
        justBroken = true
        continue
      }
      // A row taller than a whole page still goes somewhere.
      count = Swift.max(count, 1)
      // No widow rows: a table broken across pages carries at least `widowRows` rows over,
      // taken from this page while it keeps as many (the two-layer lesson's numeric check
      // left one row of 26 and the closing sentence alone on its last page).
      let rest = table.rows.count - next - count
      if rest > 0, rest < Self.widowRows, count - (Self.widowRows - rest) >= Self.widowRows {
        count -= Self.widowRows - rest
      }
      for row in table.rows[next..<(next + count)] { placeRow(row) }
      next += count
      justBroken = false
      if next < table.rows.count {
        breakPage(before: next)
        justBroken = true
      }
    }
    rule(table.left, table.width, style.tableRule)
    y += style.afterTable
  }

  /// The fewest rows a table broken across pages carries onto the next page (and keeps on
  /// the page it starts on), as a book avoids a lone widow line.
  public static let widowRows = 3

  private mutating func rule(_ x: Double, _ w: Double, _ thickness: Double) {
    addLine(Point(x: x, y: y), Point(x: x + w, y: y), width: thickness, color: style.ink)
    y += 1
  }

  /// A figure as placed: scaled to the text width (and to the style's share of the text
  /// area's height), with
  /// its caption; `height` is all it needs on the page.
  private func placed(_ name: FigureID, caption: MeasuredText)
    -> (scene: Scene, size: Size, height: Double)?
  {
    figures[name].map { placed($0, caption: caption) }
  }

  /// A figure as placed: scaled to the text width (and to the style's share of the text
  /// area's height), with its caption; `height` is all it needs on the page.
  private func placed(_ scene: Scene, caption: MeasuredText)
    -> (scene: Scene, size: Size, height: Double)
  {
    let maxHeight =
      (paper.size.height - style.margin - style.bottomMargin) * style.figureHeightShare
    let scale = Swift.min(1, width / scene.size.width, maxHeight / scene.size.height)
    let size = Size(width: scene.size.width * scale, height: scene.size.height * scale)
    // The gap above the caption, and as much again below it at the least.
    return (scene, size, size.height + caption.size.height + 2 * style.captionGap)
  }

  private mutating func figure(_ name: FigureID, caption: MeasuredText) {
    guard let scene = figures[name] else { return }
    figure(scene, caption: caption)
  }

  /// Places a figure readably: at the text width if its text stays at the style's minimum
  /// there; else reaching into the margins; else floated to a landscape page; else, too wide
  /// even for that, turned (a colah tree, drawn left to right) or cut into parts with
  /// continuation marks.
  private mutating func figure(_ scene: Scene, caption: MeasuredText) {
    var placement = placed(scene, caption: caption)
    if let smallest = scene.smallestTextSize,
      smallest * placement.size.width / scene.size.width < style.minimumTextSize
    {
      // Too small to read at the text width: reaching into the margins may be enough;
      // otherwise a landscape page.
      let needed = style.minimumTextSize / smallest
      // A figure read only at a size taller than a figure's share of the page may take the
      // page's whole height (a tall chain of nodes, colah's): a landscape page would make it
      // smaller still.
      let maxHeight =
        paper.size.height - style.margin - style.bottomMargin - caption.size.height
        - 2 * style.captionGap
      let widest = width + 2 * style.figureOverhang
      if needed * scene.size.width <= widest && needed * scene.size.height <= maxHeight {
        let size = Size(width: scene.size.width * needed, height: scene.size.height * needed)
        placement = (scene, size, size.height + caption.size.height + 2 * style.captionGap)
      } else {
        let landscape = landscapeScale(scene, caption: caption)
        if landscape * smallest < style.minimumTextSize, let turned = scene.turned.first {
          figure(turned, caption: caption)
          return
        }
        if landscape * smallest < style.minimumTextSize, !scene.cuts.isEmpty {
          // Too wide even for a landscape page: cut into parts with continuation marks, each
          // printed at the least readable size or larger, one under another in the text's
          // own pages (a part as wide as the text and its margins), as many to a page as fit
          // and sharing pages with the text around them; on landscape pages only when a part
          // that narrow would not fit a page.
          var most = landscapeArea.width / needed
          var parts = scene.split(at: cutsToFit(scene, most: most))
          for _ in 0..<4
          where parts.contains(where: { $0.size.width > landscapeArea.width / needed }) {
            most *= 0.9
            parts = scene.split(at: cutsToFit(scene, most: most))
          }
          // Each part as tall as what it holds: the last part of a graph whose wide rows end
          // early stood over an empty band, its caption far below it.
          // Its empty bands closed up too: a part holding a few columns of a tall graph had
          // nothing where the other columns' rows were.
          parts = parts.map { $0.trimmedVertically().closingEmptyBands() }
          // One scale for all parts, as large as the widest lets it be.
          let scale =
            parts.enumerated().map { i, part in
              landscapeScale(part, caption: i == parts.count - 1 ? caption : nil)
            }.min() ?? needed
          // In the text's pages when that takes no more paper than the landscape pages would.
          let turnedPages = Self.stackedPages(
            parts.map { $0.size.height * scale }, area: landscapeArea.height,
            gap: style.captionGap * 3, last: caption.size.height + style.afterFigure)
          if cutInline(scene, needed: needed, caption: caption, pages: turnedPages) { return }
          for (i, part) in parts.enumerated() {
            landscapeWaitsForTop = landscapeWaitsForTop || !pendingTop.isEmpty
            pendingLandscape.append((part, scale, i == parts.count - 1 ? caption : nil))
          }
          return
        }
        if landscape > placement.size.width / scene.size.width * 1.05 {
          // A wide, low figure alone on a landscape page left most of it empty (tanh's
          // expanded graph filled 45 % of one): cut in two or three parts in the text's own
          // pages instead, when they take no more than a page there.
          let filled =
            (scene.size.height * landscape + caption.size.height + style.captionGap)
            / landscapeArea.height
          if filled < 0.6, pendingLandscape.isEmpty, !scene.cuts.isEmpty,
            cutInline(scene, needed: needed, caption: caption, pages: 1, most: 3)
          {
            return
          }
          // Floated, as a book floats a wide figure: the text goes on here, the figure on a
          // landscape page after this one.
          landscapeWaitsForTop = landscapeWaitsForTop || !pendingTop.isEmpty
          pendingLandscape.append((scene, landscape, caption))
          return
        }
      }
    }
    placeOrFloat(placement.scene, size: placement.size, caption: caption)
  }

  /// Cuts `scene` into parts as wide as the text and its margins at `needed` (the scale at
  /// which its smallest text reads) and places them one under another in the text's pages,
  /// each floating as any figure does, the caption under the last; false (nothing placed)
  /// when a part would be taller than three quarters of a page, when they would take more
  /// than `turnedPages` pages, or when there would be more than `limit` parts.
  private mutating func cutInline(
    _ scene: Scene, needed: Double, caption: MeasuredText, pages turnedPages: Int,
    most limit: Int = .max
  ) -> Bool {
    let widest = width + 2 * style.figureOverhang
    var most = widest / needed
    var parts = scene.split(at: cutsToFit(scene, most: most))
    for _ in 0..<4 where parts.contains(where: { $0.size.width > widest / needed }) {
      most *= 0.9
      parts = scene.split(at: cutsToFit(scene, most: most))
    }
    parts = parts.map { $0.trimmedVertically().closingEmptyBands() }
    guard parts.count > 1, parts.count <= limit,
      parts.allSatisfy({ $0.size.width * needed <= widest + 0.5 })
    else {
      return false
    }
    // One scale for all parts, as large as the widest lets it be (never above full size).
    let scale = Swift.min(1, parts.map { widest / $0.size.width }.min() ?? needed)
    let area = bottom - style.margin
    let heights = parts.map { $0.size.height * scale }
    guard heights.allSatisfy({ $0 <= area * 0.75 }),
      Self.stackedPages(
        heights, area: area, gap: style.captionGap * 3,
        last: caption.size.height + style.afterFigure) <= turnedPages
    else { return false }
    let none = MeasuredText(markup: "", size: Size(width: 0, height: 0))
    for (i, part) in parts.enumerated() {
      let size = Size(width: part.size.width * scale, height: part.size.height * scale)
      placeOrFloat(part, size: size, caption: i == parts.count - 1 ? caption : none)
    }
    return true
  }

  /// A figure placed here, or, when it does not fit in the room left, floated to the top of
  /// the next page as LaTeX floats a figure, the text running on here — when that room is
  /// worth filling (over a sixth of the page); a figure after a floated one floats too,
  /// keeping their order.
  private mutating func placeOrFloat(_ scene: Scene, size: Size, caption: MeasuredText) {
    let room = bottom - y
    let height = size.height + caption.size.height + 2 * style.captionGap
    if !pendingTop.isEmpty
      || (height > room && room > (bottom - style.margin) / 6 && y > style.margin + 1)
    {
      pendingTop.append((scene, size, caption))
      return
    }
    placeFigure(scene, size: size, caption: caption)
  }

  /// How many pages `heights` take set one under another from the top of a page `area`
  /// high, `gap` between them and `last` more under the last.
  static func stackedPages(_ heights: [Double], area: Double, gap: Double, last: Double) -> Int {
    var pages = 1
    var used = 0.0
    for (i, h) in heights.enumerated() {
      let need = h + (i == heights.count - 1 ? last : gap)
      if used > 0 && used + need > area {
        pages += 1
        used = 0
      }
      used += need
    }
    return pages
  }

  /// A figure at `size` and its caption under it, at the current position (on a new page if
  /// it does not fit here).
  private mutating func placeFigure(_ scene: Scene, size: Size, caption: MeasuredText) {
    let (w, h, c) = (size.width, size.height, caption.size)
    ensure(h + caption.size.height + 2 * style.captionGap)
    let placement = (scene: scene, size: size)
    let frame = Rect(x: style.margin + (width - w) / 2, y: y, width: w, height: h)
    add([.scene(placement.scene, frame: frame)], frame: frame)
    y += h + style.captionGap
    // A part of a cut figure other than the last has no caption: the next part follows
    // closely.
    guard !caption.markup.isEmpty else {
      y += style.captionGap * 2
      return
    }
    addText(
      caption.markup, style.caption, style.grey,
      frame: Rect(x: style.margin + (width - c.width) / 2, y: y, width: c.width, height: c.height))
    y += c.height + style.afterFigure
  }

  // MARK: Steps as small multiples

  /// The backward pass's step figures, several to a row as small multiples (Tufte's term):
  /// three or two columns when every step reads at the style's minimum text size there;
  /// otherwise two columns (or one) of the part of each graph around its highlighted node,
  /// cut between columns of nodes with continuation marks where wires leave it. Each cell
  /// has its caption (the step, the node, upstream × local = downstream) under it. A step
  /// that cannot be shown readably even so is placed as any figure is.
  private mutating func steps(_ run: [(FigureID, MeasuredText)]) {
    guard let plan = plannedGrid(run) else {
      for (id, caption) in run { figure(id, caption: caption) }
      return
    }
    for r in plan.rows.indices {
      let row = stepRow(plan, row: r)
      // The space after the row is not needed at the foot of a page.
      ensure(row.height - style.afterFigure)
      var left = style.margin
      for (column, cellItem) in row.cells.enumerated() {
        let (scene, size, caption) = cellItem
        let cell = plan.rows[r].cells[column]
        defer { left += cell + Self.stepGap }
        let frame = Rect(
          x: left + (cell - size.width) / 2, y: y + (row.figureHeight - size.height) / 2,
          width: size.width, height: size.height)
        add([.scene(scene, frame: frame)], frame: frame)
        addText(
          caption.markup, style.caption, style.grey,
          frame: Rect(
            x: left, y: y + row.figureHeight + style.captionGap,
            width: caption.size.width, height: caption.size.height))
      }
      y += row.height
    }
  }

  /// The gap between two columns of step figures.
  static let stepGap = 10.0

  /// How a run of step figures is set: how many columns, each how wide, and what is shown
  /// of each figure (the figure, or the part around its node) with its caption.
  private struct StepGrid {
    /// Each row: the figures in it (by index) and the width of each of its cells.
    var rows: [(figures: Range<Int>, cells: [Double])]
    var scenes: [Scene]
    var captions: [MeasuredText]
    /// One scale for every figure of the run, so that steps side by side are drawn alike.
    var scale: Double = 1
  }

  /// One row of a ``StepGrid``: each cell's scene, its size on the page and its caption
  /// measured at the cell's width; the figures' height and all the row needs.
  private struct StepRow {
    var cells: [(Scene, Size, MeasuredText)]
    var figureHeight: Double
    var height: Double
  }

  /// The tallest a step figure is set in a cell `cell` wide: two fifths of the text area, so
  /// that two rows with their captions share a page (at 0.45 a row and its caption took just
  /// over half, and pages held one row each, half empty); a bit over a quarter in a cell the
  /// text's width, so that three close-ups share a page (a close-up that wide is cut to the
  /// rows around its node).
  private func tallestStep(for cell: Double) -> Double {
    (bottom - style.margin)
      * (cell >= width - 1 ? 0.27 : cell >= width / 2 - Self.stepGap ? 0.3 : 0.4)
  }

  private func stepCellWidth(_ columns: Int) -> Double {
    (width - Self.stepGap * Double(columns - 1)) / Double(columns)
  }

  /// The scale at which `scene` fills a cell `cell` wide, if its text reads there.
  private func readableScale(_ scene: Scene, _ cell: Double) -> Double? {
    let scale = Swift.min(
      1, cell / scene.size.width, tallestStep(for: cell) / scene.size.height)
    guard let smallest = scene.smallestTextSize else { return scale }
    return scale * smallest >= style.minimumTextSize - 0.01 ? scale : nil
  }

  /// The grid for a run of step figures: three or two columns when every step reads at the
  /// style's minimum text size there; otherwise two columns (or one) of the part of each
  /// graph around its highlighted node; nil when even that does not read.
  /// ``stepGrid(_:)``, planned once for a run.
  private mutating func plannedGrid(_ run: [(FigureID, MeasuredText)]) -> StepGrid? {
    if let planned = plannedSteps, let first = run.first?.0, planned.first == first {
      return planned.plan
    }
    let plan = stepGrid(run)
    plannedSteps = run.first.map { ($0.0, plan) }
    return plan
  }

  private func stepGrid(_ run: [(FigureID, MeasuredText)]) -> StepGrid? {
    let items = run.compactMap { id, caption in figures[id].map { ($0, caption) } }
    guard !items.isEmpty else { return nil }
    for columns in [3, 2] {
      let cell = stepCellWidth(columns)
      let scales = items.compactMap { readableScale($0.0, cell) }
      guard scales.count == items.count, let scale = scales.min() else { continue }
      let rows = stride(from: 0, to: items.count, by: columns).map {
        let figures = $0..<Swift.min($0 + columns, items.count)
        return (figures: figures, cells: [Double](repeating: cell, count: figures.count))
      }
      return StepGrid(rows: rows, scenes: items.map(\.0), captions: items.map(\.1), scale: scale)
    }
    // Close-ups: each step's narrowest close-up cut between columns of nodes (its node's
    // column with the wires in and out and their labels, marks where they go on): in a third
    // or a half of the text width, else the whole width (a window through a tree, colah's,
    // whose edge boxes are wide, showed some nodes alone, cut off from what the caption
    // names: it gets a wider close-up, which shows more of the graph).
    let full = stepCellWidth(1)
    var chosen: [(scene: Scene, cell: Double)] = []
    for item in items {
      // Columns of nodes (with continuation marks) before a window around the node's labels.
      let tries = [(3, false), (2, false), (3, true), (2, true)]
      let narrow = tries.lazy.compactMap { columns, windows -> (scene: Scene, cell: Double)? in
        let cell = self.stepCellWidth(columns)
        return self.crop(item.0, to: cell, windows: windows).flatMap {
          $0.context ? ($0.scene, cell) : nil
        }
      }.first
      if let narrow {
        chosen.append(narrow)
      } else if let whole = crop(item.0, to: full, windows: true)?.scene {
        chosen.append((whole, full))
      } else {
        return nil
      }
    }
    var scale = 1.0
    for (scene, cell) in chosen {
      guard let fits = readableScale(scene, cell) else { return nil }
      scale = Swift.min(scale, fits)
    }
    // Set as words are set in a line: in order, each as wide as its figure at the common
    // scale (a third of the text width at least, for its caption), as many to a row as fit;
    // a row's spare width shared among its cells.
    let narrowest = stepCellWidth(3)
    var rows: [(figures: Range<Int>, cells: [Double])] = []
    var start = 0
    var cells: [Double] = []
    func closeRow(_ end: Int) {
      let used = cells.reduce(0, +) + Self.stepGap * Double(cells.count - 1)
      let spare = Swift.max(0, width - used) / Double(cells.count)
      rows.append((start..<end, cells.map { $0 + spare }))
    }
    for (k, item) in chosen.enumerated() {
      let w = Swift.min(width, Swift.max(narrowest, item.scene.size.width * scale))
      let used = cells.reduce(0, +) + Self.stepGap * Double(cells.count)
      if !cells.isEmpty && used + w > width + 0.5 {
        closeRow(k)
        start = k
        cells = []
      }
      cells.append(w)
    }
    closeRow(chosen.count)
    return StepGrid(rows: rows, scenes: chosen.map(\.scene), captions: items.map(\.1), scale: scale)
  }

  /// Row `r` of `plan`.
  private func stepRow(_ plan: StepGrid, row r: Int) -> StepRow {
    let row = plan.rows[r]
    let cells = row.figures.map { k -> (Scene, Size, MeasuredText) in
      let cell = row.cells[k - row.figures.lowerBound]
      let scene = plan.scenes[k]
      let scale = plan.scale
      let markup = plan.captions[k].markup
      let size = measurer.measure(markup, font: style.caption, width: cell)
      return (
        scene, Size(width: scene.size.width * scale, height: scene.size.height * scale),
        MeasuredText(markup: markup, size: size)
      )
    }
    let figureHeight = cells.map(\.1.height).max() ?? 0
    let captionHeight = cells.map(\.2.size.height).max() ?? 0
    return StepRow(
      cells: cells, figureHeight: figureHeight,
      height: figureHeight + style.captionGap + captionHeight + style.afterFigure)
  }

  /// What the first row of the step figures at the start of `following` needs on the page
  /// (for keeping a heading with it); nil when `following` does not start with one.
  private mutating func firstStepRow(_ following: ArraySlice<TypesetBlock>) -> Double? {
    var run: [(FigureID, MeasuredText)] = []
    for block in following {
      guard case .figure(let id, let caption) = block, id.isStep else { break }
      run.append((id, caption))
    }
    guard !run.isEmpty else { return nil }
    guard let plan = plannedGrid(run) else {
      return estimate(following[following.startIndex])
    }
    return stepRow(plan, row: 0).height
  }

  /// The part of a step figure around its highlighted node that reads at the style's
  /// minimum text size in a cell `cell` wide and at most ``tallestStep(for:)`` high: the figure
  /// cut at its own cuts (between columns of nodes, with continuation marks) as widely as
  /// fits, the node's column kept whole, then, for a graph too tall, the rows around the node
  /// (``Figures/Scene/cropped(to:)``); the figure itself when it fits; nil when it has no
  /// focus, or no part holding the node fits. With `windows`, where the node's column is too
  /// wide, a window holding the node and its wires' labels (``labelWindow(_:around:most:)``).
  ///
  /// `context` says whether the close-up shows more than the node's own column of nodes.
  private func crop(_ scene: Scene, to cell: Double, windows: Bool) -> (
    scene: Scene, context: Bool
  )? {
    guard let smallest = scene.smallestTextSize else { return (scene, true) }
    let needed = style.minimumTextSize / smallest
    let most = cell / needed
    let highest = tallestStep(for: cell) / needed
    if scene.size.width <= most && scene.size.height <= highest { return (scene, true) }
    // A colah tree has no cuts between columns; turned to run left to right it has.
    if scene.cuts.isEmpty, let turned = scene.turned.first, turned.focus != nil,
      !turned.cuts.isEmpty
    {
      return crop(turned, to: cell, windows: windows)
    }
    guard let focus = scene.focus else { return nil }
    var part = scene
    var context = true
    if scene.size.width > most {
      if let narrow = columns(of: scene, around: focus, most: most) {
        (part, context) = narrow
      } else if windows, !scene.cuts.isEmpty,
        let window = labelWindow(scene, around: focus, most: most)
      {
        // The node's column is wider than the cell (a gap holding a long wire's labels), but
        // the node with its wires' labels is not: those, the wires clipped at the sides.
        part = scene.cropped(to: window)
      } else {
        context = false
        // No cut between columns fits (colah's trees have none): a window around the node.
        let left = Swift.min(
          Swift.max(0, focus.x + focus.width / 2 - most / 2), scene.size.width - most)
        part = scene.cropped(to: Rect(x: left, y: 0, width: most, height: scene.size.height))
      }
    }
    // The rows the step needs (its node, its wires and their labels), when fewer.
    if let focus = part.focus, let band = part.neighbourhood(of: focus) {
      let pad = Self.stepGap
      var top = Swift.max(0, band.y - pad)
      var bottom = Swift.min(part.size.height, band.y + band.height + pad)
      // No node or label cut in two by an edge of the band (left out, its wires would run
      // into nothing, its arrow stand without its number): the edge moves past it, inward
      // where the step's own rows allow, else outward.
      let frames = part.nodeFrames + part.textFrames
      for _ in 0..<3 {
        for frame in frames {
          let (high, low) = (frame.y, frame.y + frame.height)
          if high < top && low > top { top = low + 1 <= band.y ? low + 1 : Swift.max(0, high - 1) }
          if high < bottom && low > bottom {
            bottom =
              high - 1 >= band.y + band.height ? high - 1 : Swift.min(part.size.height, low + 1)
          }
        }
      }
      let height = bottom - top
      if height < part.size.height - 1 {
        part = part.cropped(to: Rect(x: 0, y: top, width: part.size.width, height: height))
          .shorteningCutWires()
      }
    }
    if part.size.height > highest, let focus = part.focus {
      let top = Swift.min(
        Swift.max(0, focus.y + focus.height / 2 - highest / 2), part.size.height - highest)
      part = part.cropped(to: Rect(x: 0, y: top, width: part.size.width, height: highest))
        .shorteningCutWires()
    }
    // Trimmed to what it shows: a close-up of a few nodes of a tall graph kept its empty rows.
    return (part.trimmedVertically(), context)
  }

  /// The box holding `focus`, the labels of its wires and what arrives along the wire out of
  /// it (of the wires into it only, where the node holds its gradient), a few points to
  /// spare, when at most `most` wide; nil otherwise.
  private func labelWindow(_ scene: Scene, around focus: Rect, most: Double) -> Rect? {
    let outgoing = !scene.focusHoldsGradient
    guard let labels = scene.labelBounds(around: focus, outgoing: outgoing) else { return nil }
    let pad = Self.stepGap / 2
    let needed = (
      left: labels.x,
      right: Swift.max(
        labels.x + labels.width, outgoing ? scene.outgoingRight(of: focus) ?? 0 : 0)
    )
    var left = Swift.max(0, needed.left - pad)
    var right = Swift.min(scene.size.width, needed.right + pad)
    // No node cut in two by a side (it would be left out, its wires running into nothing):
    // the side moves past it, inward where what the step needs allows, else outward.
    for _ in 0..<3 {
      for frame in scene.nodeFrames {
        if frame.x < left && frame.x + frame.width > left {
          left = frame.x + frame.width + 1 <= needed.left ? frame.x + frame.width + 1 : frame.x - 1
        }
        if frame.x < right && frame.x + frame.width > right {
          right = frame.x - 1 >= needed.right ? frame.x - 1 : frame.x + frame.width + 1
        }
      }
    }
    left = Swift.max(0, left)
    right = Swift.min(scene.size.width, right)
    guard right - left <= most else { return nil }
    return Rect(x: left, y: 0, width: right - left, height: scene.size.height)
  }

  /// The columns of nodes of `scene` around `focus`, cut at the scene's cuts, at most `most`
  /// wide with their continuation marks (and `true`: a close-up with context); nil when the
  /// focus's own column alone is wider.
  private func columns(of scene: Scene, around focus: Rect, most: Double) -> (Scene, Bool)? {
    guard !scene.cuts.isEmpty else { return nil }
    let cuts = scene.cuts.sorted()
    let pad = Scene.continuationPad
    var budget = most
    for _ in 0..<4 {
      // The columns around the node, grown one cut at a time on the narrower side.
      var left = cuts.last { $0 <= focus.x } ?? 0
      var right = cuts.first { $0 >= focus.x + focus.width } ?? scene.size.width
      func width(_ l: Double, _ r: Double) -> Double {
        r - l + (l > 0 ? pad : 0) + (r < scene.size.width ? pad : 0)
      }
      // The wire out of the node with its labels (what arrives from upstream) stands in the
      // gap after the node's column: cut just before the next column's nodes, not just after
      // the node's.
      // A close-up without it does not show the step: too narrow for it, none.
      if right < scene.size.width, let out = scene.outgoingRight(of: focus), out > right {
        right = Swift.min(scene.size.width, out + Self.stepGap / 2)
        // Not just before a node (a branch point's dot sat on the mark drawn there).
        if let next = scene.nodesLeft(after: out), next < right + pad {
          right = Swift.max(out + 1, next - pad)
        }
        guard width(left, right) <= most else { return nil }
      }
      while true {
        let nextLeft = cuts.last { $0 < left } ?? (left > 0 ? 0 : nil)
        let nextRight =
          cuts.first { $0 > right } ?? (right < scene.size.width ? scene.size.width : nil)
        let growLeft = nextLeft.map { width($0, right) <= budget } ?? false
        let growRight = nextRight.map { width(left, $0) <= budget } ?? false
        if growLeft && (!growRight || focus.x - left <= right - focus.x - focus.width) {
          left = nextLeft ?? left
        } else if growRight {
          right = nextRight ?? right
        } else {
          break
        }
      }
      let parts = scene.split(at: [left, right])
      // The marks' letters name parts this close-up does not show (its A and another step's A
      // were different wires): here a mark only says the wire goes on.
      let part = parts[left > 0 ? 1 : 0].withoutMarkLetters
      // The node's column with its wires to the next ones (continuation marks say where they
      // go) is context enough; a window through a tree (below) is not.
      if part.size.width <= most { return (part, true) }
      budget *= 0.9
    }
    return nil
  }

  /// Whether a figure prints whole and readable on one page of `paper`, at the latest on a
  /// landscape page of its own (its smallest text at the style's minimum), rather than cut
  /// into parts.
  public static func printsWhole(
    _ scene: Scene, paper: Paper, style: HandoutStyle = .standard
  ) -> Bool {
    guard let smallest = scene.smallestTextSize else { return true }
    let area = landscapeArea(paper, style)
    let scale = Swift.min(
      1, area.width / scene.size.width, area.height / scene.size.height)
    return scale * smallest >= style.minimumTextSize
  }

  /// The scale a figure gets on a landscape page of its own: the text area turned, less its
  /// caption.
  private func landscapeScale(_ scene: Scene, caption: MeasuredText?) -> Double {
    let areaHeight =
      landscapeArea.height - (caption.map { $0.size.height + 2 * style.captionGap } ?? 0)
    return Swift.min(1, landscapeArea.width / scene.size.width, areaHeight / scene.size.height)
  }

  /// Where a figure may go on a landscape page: the turned text area, reaching into the side
  /// margins by the style's overhang.
  private var landscapeArea: Size { Self.landscapeArea(paper, style) }

  private static func landscapeArea(_ paper: Paper, _ style: HandoutStyle) -> Size {
    let turned = Size(width: paper.size.height, height: paper.size.width)
    return Size(
      width: turned.width - 2 * (style.margin - style.figureOverhang),
      height: turned.height - style.margin - style.bottomMargin)
  }

  /// Cuts, among the scene's own, that make every part at most `most` wide: greedily, each
  /// part as wide as fits. A part with no cut inside it that would
  /// fit stays wider (and is printed smaller).
  private func cutsToFit(_ scene: Scene, most: Double) -> [Double] {
    let pad = Scene.continuationPad
    var chosen: [Double] = []
    var start = 0.0
    var fitting: Double?
    for cut in scene.cuts.sorted() {
      if cut + pad - start > most, let previous = fitting {
        chosen.append(previous)
        start = previous - pad
        fitting = nil
      }
      if cut + pad - start <= most || fitting == nil { fitting = cut }
    }
    if scene.size.width - start > most, let previous = fitting, previous > start + pad {
      chosen.append(previous)
    }
    // As many parts as the greedy cut needs, but the cuts that make the widest part as
    // narrow as can be (the greedy cut left the staged computation's last part two nodes
    // wide, long-names' one node): a small dynamic program over the candidates.
    let candidates = scene.cuts.sorted()
    let count = chosen.count
    guard count > 0, candidates.count >= count else { return chosen }
    let n = candidates.count
    // widest[m][j]: the least widest part with m + 1 cuts, the last at candidate j; from[m][j]
    // the cut before it.
    var widest = [[Double]](repeating: [Double](repeating: .infinity, count: n), count: count)
    var from = [[Int]](repeating: [Int](repeating: -1, count: n), count: count)
    for j in 0..<n { widest[0][j] = candidates[j] + pad }
    for m in stride(from: 1, to: count, by: 1) {
      for j in 0..<n {
        for i in 0..<j {
          let w = Swift.max(widest[m - 1][i], candidates[j] - candidates[i] + 2 * pad)
          if w < widest[m][j] {
            widest[m][j] = w
            from[m][j] = i
          }
        }
      }
    }
    var best = -1
    var bestWidth = Double.infinity
    for j in 0..<n {
      let w = Swift.max(widest[count - 1][j], scene.size.width - candidates[j] + pad)
      if w < bestWidth {
        bestWidth = w
        best = j
      }
    }
    guard best >= 0 else { return chosen }
    var cuts: [Double] = []
    var j = best
    for m in stride(from: count - 1, through: 0, by: -1) {
      cuts.append(candidates[j])
      j = from[m][j]
      if j < 0 && m > 0 { return chosen }
    }
    return cuts.reversed()
  }

  /// The floated figures on landscape pages, as many one under another as fit on each.
  private mutating func placeLandscapeFigures() {
    let turned = Size(width: paper.size.height, height: paper.size.width)
    let areaWidth = turned.width - 2 * style.margin
    let areaBottom = turned.height - style.bottomMargin
    var top = areaBottom
    for (scene, scale, caption) in pendingLandscape {
      let size = Size(width: scene.size.width * scale, height: scene.size.height * scale)
      let needed = size.height + style.captionGap + (caption?.size.height ?? 0)
      if top + needed > areaBottom {
        pages.append(blankPage(size: turned))
        top = style.margin
      }
      let frame = Rect(
        x: style.margin + (areaWidth - size.width) / 2, y: top, width: size.width,
        height: size.height)
      add([.scene(scene, frame: frame)], frame: frame)
      top += size.height + style.captionGap
      guard let caption else { continue }
      let c = caption.size
      let captionFrame = Rect(
        x: style.margin + (areaWidth - c.width) / 2, y: top, width: c.width, height: c.height)
      let run = TextRun(
        markup: caption.markup, font: style.caption, color: style.grey, frame: captionFrame,
        wrapWidth: captionFrame.width + 0.5)
      add([.text(run, owner: .page)], frame: captionFrame)
      top += c.height + style.afterFigure
    }
    pendingLandscape = []
    landscapeWaitsForTop = false
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

  /// Starts a new page unless `height` more points fit on this one; another when the figures
  /// floated to the top of the new page leave less than `least` under them (all of `height`
  /// unless given: a heading with the start of its text; a paragraph's own lines, not what it
  /// introduces). A paragraph set there ran under the page number; a heading stood at the
  /// foot of a page of figures, its text overleaf. Each new page places at least one waiting
  /// figure, so this ends.
  private mutating func ensure(_ height: Double, least: Double? = nil) {
    guard y + height > bottom && y > style.margin + 1 else { return }
    newPage()
    let least = least ?? height
    while y + least > bottom && y > style.margin + 1 { newPage() }
  }

  private mutating func newPage() {
    if !pendingLandscape.isEmpty
      && (!landscapeWaitsForTop || (pendingTop.isEmpty && !flushingTop))
    {
      placeLandscapeFigures()
    }
    pages.append(blankPage())
    y = style.margin
    // Floated figures open the new page, in order, as many as fit; the rest wait for the
    // next page while the text fills this one (each fits on a page by itself).
    let floated = pendingTop
    pendingTop = []
    for (i, (scene, size, caption)) in floated.enumerated() {
      let needed = size.height + caption.size.height + 2 * style.captionGap
      if y > style.margin + 1 && y + needed > bottom {
        pendingTop = Array(floated[i...])
        break
      }
      placeFigure(scene, size: size, caption: caption)
    }
    if pendingTop.isEmpty && !flushingTop { landscapeWaitsForTop = false }
  }

  /// A blank page of the paper's size (or another: a landscape page).
  private func blankPage(size: Size? = nil) -> HandoutPage {
    HandoutPage(
      scene: Scene(
        size: size ?? paper.size, background: style.background, title: "", lineJoin: .miter))
  }

  /// Sets each page's number at its foot (the first page numbered `firstNumber`) and, on
  /// every page but the first when `runningHead` is given, the running head: its left text
  /// (the course) and the document's title on the right, over a thin rule.
  private mutating func numberPages(title: String, firstNumber: Int, runningHead: String?) {
    for index in pages.indices {
      let size = pages[index].scene.size
      pages[index].scene.title = title
      var furniture: [SceneElement] = []
      if let runningHead, index > 0 {
        furniture += self.runningHead(left: runningHead, right: title, width: size.width)
      }
      let number = String(index + firstNumber)
      let w = measurer.measure(number, font: style.caption)
      let frame = Rect(
        x: (size.width - w.width) / 2, y: size.height - style.bottomMargin / 2 - w.height / 2,
        width: w.width, height: w.height)
      furniture.append(
        .text(
          TextRun(markup: number, font: style.caption, color: style.grey, frame: frame),
          owner: .page))
      pages[index].scene.elements += furniture
      pages[index].furniture = furniture.count
    }
  }

  /// A running head across a page `width` wide: `left` and `right` in the caption font,
  /// each cut short with an ellipsis if the two would meet, over a hairline.
  private func runningHead(left: String, right: String, width pageWidth: Double)
    -> [SceneElement]
  {
    let font = style.caption
    let textWidth = pageWidth - 2 * style.margin
    let half = (textWidth - 24) / 2
    func fitted(_ text: String) -> (markup: String, size: Size) {
      var plain = text
      var markup = PangoMarkupDialect.escape(plain)
      var size = measurer.measure(markup, font: font)
      while size.width > half, plain.count > 1 {
        plain = String(plain.dropLast())
        markup =
          PangoMarkupDialect.escape(String(plain.reversed().drop { $0 == " " }.reversed())) + "…"
        size = measurer.measure(markup, font: font)
      }
      return (markup, size)
    }
    let l = fitted(left)
    let r = fitted(right)
    let baseline = style.margin * 0.55
    let top = baseline - l.size.height
    return [
      .text(
        TextRun(
          markup: l.markup, font: font, color: style.grey,
          frame: Rect(x: style.margin, y: top, width: l.size.width, height: l.size.height)),
        owner: .page),
      .text(
        TextRun(
          markup: r.markup, font: font, color: style.grey,
          frame: Rect(
            x: pageWidth - style.margin - r.size.width, y: baseline - r.size.height,
            width: r.size.width, height: r.size.height)),
        owner: .page),
      .polyline(
        [
          Point(x: style.margin, y: baseline + 3),
          Point(x: pageWidth - style.margin, y: baseline + 3),
        ],
        color: style.grey, width: 0.4, owner: .page),
    ]
  }
}
