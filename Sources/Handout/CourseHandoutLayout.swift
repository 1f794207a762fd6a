public import Analysis
public import Drawing
import Figures
import FormulaWriting
import GraphEngine
import GraphLayout

/// Puts a course on pages as one handout: a title page (title, subtitle, author), the
/// contents (parts and lessons, each with the number printed on its first page, each a
/// link), then every lesson as its own handout lays it out, starting on a new page, with
/// running heads (the course's title and the lesson's) and page numbers that run on from
/// the contents. The PDF outline nests part → lesson → section.
///
/// The printed number of a page is its place in the file (the title page is 1 and shows no
/// number), so a reader's "page 7" and the PDF viewer's agree.
public struct CourseHandoutLayout {
  /// One lesson: its text typeset for the course's paper, and its figures.
  public struct Lesson: Sendable {
    public var typeset: TypesetHandout
    public var figures: [FigureID: Scene]

    public init(typeset: TypesetHandout, figures: [FigureID: Scene]) {
      self.typeset = typeset
      self.figures = figures
    }
  }

  /// A run of lessons under a title, or under none.
  public struct Part: Sendable {
    public var title: String?
    public var lessons: [Lesson]

    /// Whether its lessons run on one after another (an answer key), rather than each from
    /// a new page.
    public var flowing: Bool

    public init(title: String?, lessons: [Lesson], flowing: Bool = false) {
      self.title = title
      self.lessons = lessons
      self.flowing = flowing
    }
  }

  /// The title page's and contents' words.
  public struct Front: Sendable {
    public var title: String
    public var subtitle: String?
    public var author: String?
    /// The contents page's heading ("Contents", "목차").
    public var contentsHeading: String

    public init(title: String, subtitle: String?, author: String?, contentsHeading: String) {
      self.title = title
      self.subtitle = subtitle
      self.author = author
      self.contentsHeading = contentsHeading
    }
  }

  /// Lays the course out: `parts` in order, then `appendix` (the answer keys), each after
  /// its own contents entry.
  public static func layOut(
    _ front: Front, parts: [Part], appendix: [Part] = [], paper: Paper,
    style: HandoutStyle = .standard, measurer: any PageTextMeasuring
  ) -> PagedHandout {
    let layout = CourseHandoutLayout(paper: paper, style: style, measurer: measurer)
    return layout.layOut(front, parts: parts + appendix)
  }

  let paper: Paper
  let style: HandoutStyle
  let measurer: any PageTextMeasuring

  var textWidth: Double { paper.size.width - 2 * style.margin }

  /// An entry of the contents: a part's title or a lesson's, where it starts, and its depth.
  private struct Entry {
    var title: String
    var isPart: Bool
    var indented: Bool
    var page: Int
    var y: Double
  }

  private func layOut(_ front: Front, parts: [Part]) -> PagedHandout {
    // The contents' length is known before the lessons are placed (one line an entry), so
    // the lessons' page numbers can start after it.
    var entries: [Entry] = []
    for part in parts {
      if let title = part.title {
        entries.append(Entry(title: title, isPart: true, indented: false, page: 0, y: 0))
      }
      for lesson in part.lessons {
        entries.append(
          Entry(
            title: lesson.typeset.title, isPart: false, indented: part.title != nil, page: 0,
            y: 0))
      }
    }
    let heading = measurer.measure(
      PangoMarkupDialect.escape(front.contentsHeading), font: style.heading2)
    let lineHeight = measurer.measure("Ag", font: style.body).height + 5
    let top = style.margin + heading.height + style.afterTitle * 3
    let perPage = max(1, Int((paper.size.height - style.bottomMargin - top) / lineHeight))
    let contentsPages = max(1, (entries.count + perPage - 1) / perPage)

    var pages: [HandoutPage] = [titlePage(front)]
    var bookmarks: [Bookmark] = []
    pages += Array(repeating: blankPage(), count: contentsPages)
    bookmarks.append(
      Bookmark(
        title: front.contentsHeading, level: 1, page: 2, x: style.margin, y: style.margin,
        depth: 0))
    var index = 0
    for part in parts {
      let partDepth = part.title == nil ? 0 : 1
      if part.title != nil {
        // The part opens on the page of its first lesson, its title heading that page (a
        // page of its own for a title alone was a page mostly empty).
        entries[index].page = pages.count + 1
        entries[index].y = style.margin
        bookmarks.append(
          Bookmark(
            title: entries[index].title, level: 1, page: pages.count + 1, x: style.margin,
            y: style.margin, depth: 0))
        index += 1
      }
      if part.flowing, !part.lessons.isEmpty,
        let (paged, starts) = HandoutLayout.paginateFlowing(
          part.lessons.map { ($0.typeset, $0.figures) }, measurer: measurer,
          firstNumber: pages.count + 1, runningHead: front.title, title: part.title ?? front.title,
          opening: part.title)
      {
        let first = pages.count + 1
        for (k, lesson) in part.lessons.enumerated() {
          let start = starts[k]
          entries[index].page = first + start.page - 1
          entries[index].y = start.y
          index += 1
          bookmarks.append(
            Bookmark(
              title: lesson.typeset.title, level: 1, page: first + start.page - 1,
              x: style.margin, y: start.y, depth: partDepth))
          let end = k + 1 < starts.count ? starts[k + 1].bookmarks : paged.bookmarks.count
          for mark in paged.bookmarks[start.bookmarks..<end] {
            var moved = mark
            moved.page += first - 1
            moved.depth += partDepth + 1
            bookmarks.append(moved)
          }
        }
        pages += paged.pages
        continue
      }
      for (k, lesson) in part.lessons.enumerated() {
        let first = pages.count + 1
        entries[index].page = first
        entries[index].y = style.margin
        index += 1
        let paged = HandoutLayout.paginate(
          lesson.typeset, figures: lesson.figures, measurer: measurer, firstNumber: first,
          runningHead: front.title, opening: k == 0 ? part.title : nil)
        bookmarks.append(
          Bookmark(
            title: lesson.typeset.title, level: 1, page: first, x: style.margin, y: style.margin,
            depth: partDepth))
        for mark in paged.bookmarks {
          var moved = mark
          moved.page += first - 1
          moved.depth += partDepth + 1
          bookmarks.append(moved)
        }
        pages += paged.pages
      }
    }
    // The contents, now that every entry's page is known.
    for page in 0..<contentsPages {
      let slice = entries[(page * perPage)..<min(entries.count, (page + 1) * perPage)]
      pages[1 + page] = contentsPage(
        slice, heading: page == 0 ? front.contentsHeading : nil, top: top,
        lineHeight: lineHeight, number: 2 + page, title: front.title)
    }
    return PagedHandout(
      title: front.title, subject: front.subtitle, author: front.author, paper: paper,
      pages: pages, bookmarks: bookmarks)
  }

  private func blankPage() -> HandoutPage {
    HandoutPage(
      scene: Scene(size: paper.size, background: style.background, title: "", lineJoin: .miter))
  }

  /// The course's title a third of the way down, its subtitle and author under it, centred.
  private func titlePage(_ front: Front) -> HandoutPage {
    var page = blankPage()
    page.scene.title = front.title
    var titleFont = style.title
    titleFont.size = style.title.size * 1.45
    var blocks: [(markup: String, font: Font, color: Color, gap: Double)] = [
      (PangoMarkupDialect.escape(front.title), titleFont, style.ink, 14)
    ]
    if let subtitle = front.subtitle {
      var font = style.subtitle
      font.size = style.subtitle.size * 1.25
      blocks.append((PangoMarkupDialect.escape(subtitle), font, style.grey, 28))
    }
    if let author = front.author {
      var font = style.body
      font.size = style.body.size * 1.2
      blocks.append((PangoMarkupDialect.escape(author), font, style.ink, 0))
    }
    var y = paper.size.height * 0.3
    for block in blocks {
      let markup = centredLines(block.markup, font: block.font)
      let size = measurer.measure(markup, font: block.font)
      let frame = Rect(
        x: (paper.size.width - size.width) / 2, y: y, width: size.width, height: size.height)
      page.scene.elements.append(
        .text(
          TextRun(markup: markup, font: block.font, color: block.color, frame: frame),
          owner: .page))
      page.frames.append(frame)
      y += size.height + block.gap
      if block.gap == 14 {
        // A rule under the title.
        let rule = Rect(
          x: style.margin + textWidth * 0.3, y: y - 7, width: textWidth * 0.4, height: 0)
        page.scene.elements.append(
          .polyline(
            [Point(x: rule.x, y: rule.y), Point(x: rule.maxX, y: rule.y)], color: style.grey,
            width: style.titleRule, owner: .page))
        y += 14
      }
    }
    return page
  }

  /// The page's number at its foot, as the lessons' pages have it (their furniture).
  private func addNumber(_ number: Int, to page: inout HandoutPage) {
    let markup = String(number)
    let w = measurer.measure(markup, font: style.caption)
    page.scene.elements.append(
      .text(
        TextRun(
          markup: markup, font: style.caption, color: style.grey,
          frame: Rect(
            x: (paper.size.width - w.width) / 2,
            y: paper.size.height - style.bottomMargin / 2 - w.height / 2, width: w.width,
            height: w.height)),
        owner: .page))
    page.furniture = 1
  }

  /// `markup` (text without tags) broken between words into lines no wider than the text
  /// width, for a text centred line by line.
  private func centredLines(_ markup: String, font: Font) -> String {
    var lines: [String] = []
    var line = ""
    let words = markup.split(separator: " ").map(String.init)
    for word in words {
      let candidate = line.isEmpty ? word : line + " " + word
      if !line.isEmpty, measurer.measure(candidate, font: font).width > textWidth * 0.85 {
        lines.append(line)
        line = word
      } else {
        line = candidate
      }
    }
    lines.append(line)
    // Two lines: balanced, so that no word stands alone on the second ("Backpropagation by
    // / Hand" becomes "Backpropagation / by Hand").
    if lines.count == 2 {
      var best = (width: Double.infinity, split: 1)
      for split in 1..<words.count {
        let a = words[..<split].joined(separator: " ")
        let b = words[split...].joined(separator: " ")
        let width = max(
          measurer.measure(a, font: font).width, measurer.measure(b, font: font).width)
        if width < best.width { best = (width, split) }
      }
      if best.width <= textWidth * 0.85 {
        return words[..<best.split].joined(separator: " ") + "\n"
          + words[best.split...].joined(separator: " ")
      }
    }
    return lines.joined(separator: "\n")
  }

  /// One page of the contents: the heading on the first, then an entry a line (a part's
  /// title in bold, its lessons indented), each with its page number at the right margin
  /// after a dotted leader, and the whole line a link to that page.
  private func contentsPage(
    _ entries: ArraySlice<Entry>, heading: String?, top: Double, lineHeight: Double,
    number: Int, title: String
  ) -> HandoutPage {
    var page = blankPage()
    page.scene.title = title
    if let heading {
      let markup = PangoMarkupDialect.escape(heading)
      let size = measurer.measure(markup, font: style.heading2)
      let frame = Rect(x: style.margin, y: style.margin, width: size.width, height: size.height)
      page.scene.elements.append(
        .text(
          TextRun(markup: markup, font: style.heading2, color: style.ink, frame: frame),
          owner: .page))
      page.frames.append(frame)
    }
    var y = top
    let right = style.margin + textWidth
    var partFont = style.heading3
    partFont.size = style.body.size
    for entry in entries {
      let font = entry.isPart ? partFont : style.body
      let left = style.margin + (entry.indented ? 16 : 0)
      let numberMarkup = String(entry.page)
      let numberSize = measurer.measure(numberMarkup, font: style.body)
      // The title, cut short with an ellipsis where it would reach the number.
      let room = right - numberSize.width - 24 - left
      var plain = entry.title
      var markup = PangoMarkupDialect.escape(plain)
      var size = measurer.measure(markup, font: font)
      while size.width > room, plain.count > 1 {
        plain = String(plain.dropLast())
        markup =
          PangoMarkupDialect.escape(String(plain.reversed().drop { $0 == " " }.reversed()))
          + "…"
        size = measurer.measure(markup, font: font)
      }
      let titleFrame = Rect(x: left, y: y, width: size.width, height: size.height)
      page.scene.elements.append(
        .text(
          TextRun(markup: markup, font: font, color: style.ink, frame: titleFrame), owner: .page))
      let numberFrame = Rect(
        x: right - numberSize.width, y: y, width: numberSize.width, height: numberSize.height)
      page.scene.elements.append(
        .text(
          TextRun(markup: numberMarkup, font: style.body, color: style.ink, frame: numberFrame),
          owner: .page))
      // A dotted leader between them.
      let leaderStart = titleFrame.maxX + 6
      let leaderEnd = numberFrame.x - 6
      let baseline = y + size.height * 0.78
      var x = (leaderStart / 4.5).rounded(.up) * 4.5
      while x + 0.8 <= leaderEnd {
        page.scene.elements.append(
          .circle(
            center: Point(x: x, y: baseline), radius: 0.45,
            style: ShapeStyle(fill: style.grey, stroke: nil, lineWidth: 0), owner: .page))
        x += 4.5
      }
      page.frames.append(Rect(x: left, y: y, width: right - left, height: size.height))
      page.links.append(
        PageLink(
          area: Rect(x: left, y: y, width: right - left, height: size.height),
          page: entry.page, x: style.margin, y: entry.y))
      y += lineHeight
    }
    addNumber(number, to: &page)
    return page
  }
}
