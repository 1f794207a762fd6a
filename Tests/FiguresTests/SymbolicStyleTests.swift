import Analysis
import Drawing
import Figures
import Testing

@Suite("Symbolic labels in every style")
struct SymbolicStyleTests {
  private func texts(
    _ lesson: String, _ theme: Theme, _ kind: FigureKind, _ labels: LabelMode = .both
  ) throws -> [String] {
    try figures(lesson, style: theme, labels: labels, kinds: [kind]).flatMap { figure in
      figure.scene.elements.compactMap { element -> String? in
        guard case .text(let run, _) = element else { return nil }
        return run.markup
      }
    }
  }

  @Test("numbers inside formulas are exact; two decimals are for CS231n's numeric labels")
  func formulaNumbers() throws {
    let labels = try texts("tanh", .cs231n, .expanded)
    #expect(labels.contains { $0.contains("(1/(exp(") })
    #expect(!labels.contains { $0.contains("1.00/") })
    #expect(labels.contains { $0.contains("0.76") })
  }

  @Test("colah's reverse mode: the seed ∂e/∂e = 1 is not written into the gradients")
  func colahSeed() throws {
    let labels = try texts("colah-tree", .colah, .graph, .symbolic)
    let i = { (s: String) in "<i>\(s)</i>" }
    #expect(labels.contains { $0.contains("∂\(i("e"))/∂\(i("b")) = \(i("c")) + \(i("d"))") })
    #expect(!labels.contains { $0.contains("∂\(i("e"))/∂\(i("e"))·") })
  }
}
