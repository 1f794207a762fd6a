import Analysis
import CairoBackend
import Drawing
import Explain
import Figures
import GraphLayout
import Handout
import LessonKit
import Testing

/// Figures placed as a typesetter places floats (issue 22): one that does not fit in the
/// room left goes to the top of the next page and the text runs on; never before the
/// paragraph that mentions it.
@Suite("Figures float")
struct FloatTests {
  func pages(_ id: String) throws -> [HandoutPage] {
    let compiled = try LessonSource.builtin(id).compile()
    let analysis = LessonAnalysis(
      compiled, figures: LessonAnalysis.defaultFigures(for: compiled.graph) + [.plot])
    return HandoutFixture.pages(analysis, theme: .dlfs)
  }

  func texts(_ page: HandoutPage) -> [String] {
    page.scene.elements.compactMap { element in
      if case .text(let run, _) = element { run.markup } else { nil }
    }
  }

  @Test("sigmoid: the plot floats to page 2's top, the forward pass fills page 1")
  func sigmoidPlot() throws {
    let pages = try pages("sigmoid")
    let first = texts(pages[0])
    let second = texts(pages[1])
    // The paragraph that mentions the plot is on page 1, the plot at the top of page 2.
    #expect(first.contains { $0.hasPrefix("As a function of") })
    #expect(second.contains { $0.hasPrefix("The function (solid) and its derivative") })
    if case .scene? = pages[1].scene.elements.first {
    } else {
      Issue.record("page 2 does not open with the floated plot")
    }
    // The text after it ran on on page 1.
    #expect(first.contains("Forward pass"))
    let style = HandoutStyle.standard
    let used = (pages[0].frames.map(\.maxY).max() ?? 0) - style.margin
    let area = Paper.a4.size.height - style.bottomMargin - style.margin
    #expect(used / area > 0.8, "page 1 is \(Int(100 * used / area))% full")
  }
}
