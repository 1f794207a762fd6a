import Analysis
import Figures
import GraphEngine
import Testing

/// Every name a figure uses is defined in it: the short names of long values (u₁) get a
/// legend line under the graph, and only the names the figure shows.
@Suite("Figure legends")
struct LegendTests {
  private func legend(_ id: String, _ theme: Theme, _ labels: LabelMode) throws -> [String] {
    try figures(id, style: theme, labels: labels, kinds: [.graph]).flatMap { figure in
      figure.scene.elements.compactMap { element -> String? in
        guard case .text(let run, .legend) = element else { return nil }
        return PangoMarkupDialect.plainText(run.markup)
      }
    }
  }

  @Test("u₁ is defined under a figure whose labels use it")
  func defined() throws {
    #expect(
      try legend("cs231n-sigmoid-neuron", .dlfs, .symbolic) == ["u₁ = exp(−(w₀·x₀ + w₁·x₁ + w₂))"])
    #expect(
      try legend("cs231n-sigmoid-neuron", .colah, .numeric) == ["u₁ = exp(−(w₀·x₀ + w₁·x₁ + w₂))"])
  }

  @Test("no legend where no short name is shown (numbers only, or short values)")
  func absent() throws {
    #expect(try legend("cs231n-sigmoid-neuron", .dlfs, .numeric).isEmpty)
    #expect(try legend("sigmoid", .dlfs, .symbolic).isEmpty)
  }
}
