import Analysis
import Drawing
import Figures
import FormulaWriting
import GraphEngine
import Testing

/// An exercise's figures: the same graph with empty boxes where the gradients go.
@Suite("exercise figures")
struct ExerciseFigureTests {
  /// Every text a scene sets, as plain text.
  static func texts(_ scene: Scene) -> [String] {
    scene.elements.compactMap { element in
      if case .text(let run, _) = element { return PangoMarkupDialect.plainText(run.markup) }
      return nil
    }
  }

  @Test(
    "no gradient is written on an exercise figure, in any style; the seed and the values stay",
    arguments: Theme.all)
  func noGradients(theme: Theme) throws {
    let filled = try figures("sigmoid", style: theme, kinds: [.graph, .expanded])
    let blank = try figures(
      "sigmoid", style: theme, kinds: [.graph, .expanded], blanks: .gradients)
    #expect(blank.map(\.id) == [.exercise(.graph), .exercise(.expanded)])
    // σ'(1) and the gradients of the expanded chain, as the styles print them.
    let gradients = ["0.196612", "0.534447", "0.20", "0.53"]
    for figure in blank {
      let shown = Self.texts(figure.scene).joined(separator: " ")
      for g in gradients { #expect(!shown.contains(g), "\(theme.name) \(figure.id): \(g)") }
      #expect(shown.contains("0.731059") || shown.contains("0.73"), "the output's value stays")
    }
    // DLFS and CS231n: a box for every gradient label but the seed.
    if theme.placement != .inNodes {
      let boxes = blank[1].scene.elements.count {
        if case .roundedRect = $0 { return true }
        return false
      }
      let labels = Self.texts(filled[1].scene).count {
        $0.contains("0.534447") || $0.contains("0.53")
      }
      #expect(boxes >= 4 && boxes >= labels, "\(theme.name): \(boxes) boxes")
    }
  }

  @Test("with forward blanks the values go too, the inputs' stay", arguments: Theme.all)
  func noValues(theme: Theme) throws {
    let blank = try figures("sigmoid", style: theme, kinds: [.expanded], blanks: .forward)
    let shown = Self.texts(blank[0].scene).joined(separator: " ")
    for v in ["0.731059", "0.367879", "1.36788", "0.73", "0.37", "1.37"] {
      #expect(!shown.contains(v), "\(theme.name): \(v)")
    }
  }
}
