import Explain
import GraphLayout
import LessonKit
import Testing

@testable import Render

/// Text sizes estimated from the characters, wrapped greedily: the handout's pagination
/// tested without Pango (0.55 em a character, 1.25 em a line, 0.8 em of it above the
/// baseline).
struct EstimatedPageMeasurer: PageTextMeasuring {
  func plain(_ markup: String) -> String {
    var out = ""
    var inTag = false
    for c in markup {
      if c == "<" {
        inTag = true
      } else if c == ">" {
        inTag = false
      } else if !inTag {
        out.append(c)
      }
    }
    return out
  }

  func measure(_ markup: String, font: Font) -> Size {
    let lines = plain(markup).split(separator: "\n", omittingEmptySubsequences: false)
    let widest = lines.map(\.count).max() ?? 0
    return Size(
      width: Double(widest) * font.size * 0.55, height: Double(lines.count) * font.size * 1.25)
  }

  func measure(_ markup: String, font: Font, width: Double) -> Size {
    let text = plain(markup)
    let perLine = Swift.max(1, Int(width / (font.size * 0.55)))
    let lines = Swift.max(1, (text.count + perLine - 1) / perLine)
    let w = Swift.min(width, Double(text.count) * font.size * 0.55)
    return Size(width: w, height: Double(lines) * font.size * 1.25)
  }

  func measureLine(_ markup: String, font: Font) -> (width: Double, ascent: Double, descent: Double)
  {
    (Double(plain(markup).count) * font.size * 0.55, font.size * 0.8, font.size * 0.45)
  }
}

@Suite("Handout pagination, without Pango")
struct HandoutPaginationTests {
  static func layout(_ id: String, paper: Paper) throws -> HandoutLayout {
    let compiled = try LessonSource.builtin(id).compile()
    let document = Walkthrough(compiled, language: "en", figures: []).document()
    var layout = HandoutLayout(paper: paper, measurer: EstimatedPageMeasurer(), figures: [:])
    layout.layout(document)
    return layout
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
        #expect(frame.x >= HandoutLayout.margin - 0.5, "\(id) p\(p + 1): \(frame)")
        #expect(
          frame.x + frame.width <= size.width - HandoutLayout.margin + 0.5,
          "\(id) p\(p + 1): \(frame)")
        #expect(frame.y >= HandoutLayout.margin - 0.5, "\(id) p\(p + 1): \(frame)")
        #expect(
          frame.y + frame.height <= size.height - HandoutLayout.bottomMargin + 0.5,
          "\(id) p\(p + 1): \(frame)")
      }
    }
    let pages = layout.bookmarks.map(\.page)
    #expect(pages == pages.sorted())
    // Bookmarks count pages from 1.
    #expect(pages.allSatisfy { $0 >= 1 && $0 <= layout.pages.count })
  }
}
