import Analysis
import Drawing
import Figures
import FormulaWriting
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
    // colah names every longer intermediate in its own node (u₁ = w₀·x₀ + w₁·x₁, as its
    // article names c = a + b), so its figures need no legend.
    #expect(try legend("cs231n-sigmoid-neuron", .colah, .numeric).isEmpty)
    let colah = try #require(
      try figures("cs231n-sigmoid-neuron", style: .colah, kinds: [.graph]).first)
    let texts = colah.scene.elements.compactMap { element -> String? in
      guard case .text(let run, _) = element else { return nil }
      return PangoMarkupDialect.plainText(run.markup)
    }
    // The walk-through's own short name keeps its meaning (u₁ = exp(…) in the text and in
    // the figure); colah's further names come after it.
    #expect(texts.contains { $0.hasPrefix("u₁ = exp(−(u₂ + w₂))") }, "\(texts)")
    #expect(texts.contains { $0.hasPrefix("u₂ = w₀·x₀ + w₁·x₁") }, "\(texts)")
    // Its edges' local derivatives use the short names: ∂u₂/∂(w₀·x₀), not ∂(w₀·x₀ + …)/∂(…).
    #expect(texts.contains { $0.hasPrefix("∂u₂/∂(w₀·x₀) = 1") }, "\(texts)")
    let lines = texts.flatMap { $0.split(separator: "\n") }
    #expect(lines.allSatisfy { $0.count <= 32 }, "\(lines.filter { $0.count > 32 })")
  }

  @Test("no legend where no short name is shown (numbers only, or short values)")
  func absent() throws {
    #expect(try legend("cs231n-sigmoid-neuron", .dlfs, .numeric).isEmpty)
    #expect(try legend("sigmoid", .dlfs, .symbolic).isEmpty)
  }
}
