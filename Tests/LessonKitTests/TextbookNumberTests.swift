import FormulaWriting
import Foundation
import GraphEngine
import LessonKit
import Testing

/// The printed numbers of the textbooks (shared/reference/textbook-figures.md), reproduced by
/// the built-in lessons through the trace.
@Suite("Textbook numbers")
struct TextbookNumberTests {
  private func compile(_ id: String) throws -> CompiledLesson {
    try LessonSource.builtin(id).compile()
  }

  private func shown(_ v: Double, _ digits: Int = 6) -> String {
    NumberFormat.shortest(significantDigits: digits).format(v)
  }

  private func inputGradients(_ c: CompiledLesson, digits: Int = 6) -> [String] {
    c.lesson.inputs.map { input in
      let id = c.graph.inputs.first { c.graph[$0].name == input.name }
      return id.map { shown(c.evaluation.gradient($0), digits) } ?? "?"
    }
  }

  private func named(_ c: CompiledLesson, _ name: String) -> Double? {
    c.graph.nodes.first { $0.name == name }.map { c.evaluation.value($0.id) }
  }

  @Test("there are at least ten built-in lessons, all valid, one for each file of Lessons/")
  func catalog() throws {
    let catalog = try LessonSource.builtinCatalog()
    #expect(catalog.count >= 10)
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Lessons")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    #expect(
      catalog.map(\.id) == files,
      "Lessons/BuiltinLessonFiles.swift must list every Lessons/*.yaml file")
    for entry in catalog {
      #expect(!entry.title.isEmpty)
      _ = try LessonSource.builtin(entry.id).compileAny()
    }
    #expect(
      LessonSource.builtinIDs(tensors: true) == [
        "cs231n-softmax-classifier", "dlfs-affine", "dlfs-affine-batch", "dlfs-softmax-with-loss",
        "dlfs2-matmul", "dlfs2-repeat-sum", "two-layer-batch", "two-layer-relu-mse",
      ])
  }

  @Test("sigmoid at x = 1: DLFS 2 Appendix A")
  func sigmoid() throws {
    let c = try compile("sigmoid")
    #expect(c.evaluation.value(c.graph.output) == 0.7310585786300049)
    #expect(inputGradients(c) == ["0.196612"])
    let expanded = c.graph.expandingComposites()
    let e = try Evaluator.evaluate(expanded, inputs: c.inputValues).get()
    let chain = expanded.nodes.filter { $0.op != .constant }
    #expect(chain.map { shown(e.value($0.id)) } == ["1", "-1", "0.367879", "1.36788", "0.731059"])
    #expect(
      chain.map { shown(e.gradient($0.id)) } == [
        "0.196612", "-0.196612", "-0.534447", "-0.534447", "1",
      ])
  }

  @Test("tanh at x = 1: y = 0.761594, 1 − y² = 0.419974")
  func tanh() throws {
    let c = try compile("tanh")
    #expect(shown(c.evaluation.value(c.graph.output)) == "0.761594")
    #expect(inputGradients(c) == ["0.419974"])
  }

  @Test("DLFS apple: 200, 220; gradients 2.2, 110, 200")
  func apple() throws {
    let c = try compile("dlfs-apple")
    #expect(named(c, "apple_price").map { shown($0) } == "200")
    #expect(shown(c.evaluation.value(c.graph.output)) == "220")
    #expect(inputGradients(c) == ["2.2", "110", "200"])
  }

  @Test("DLFS apple and orange: 200, 450, 650, 715; gradients 2.2, 110, 3.3, 165, 650")
  func appleOrange() throws {
    let c = try compile("dlfs-apple-orange")
    let values = ["apple_price", "orange_price", "all_price", "price"].map {
      named(c, $0).map { shown($0) }
    }
    #expect(values == ["200", "450", "650", "715"])
    #expect(inputGradients(c) == ["2.2", "110", "3.3", "165", "650"])
  }

  @Test("DLFS add and mul nodes with upstream 1.3")
  func addMul() throws {
    let add = try compile("dlfs-add-node")
    #expect(shown(add.evaluation.value(add.graph.output)) == "15")
    #expect(inputGradients(add) == ["1.3", "1.3"])
    let mul = try compile("dlfs-mul-node")
    #expect(shown(mul.evaluation.value(mul.graph.output)) == "50")
    #expect(inputGradients(mul) == ["6.5", "13"])
  }

  @Test("DLFS chain rule: ∂z/∂t = 2t = 2(x + y)")
  func chainRule() throws {
    let c = try compile("dlfs-chain-rule")
    let t = try #require(c.graph.nodes.first { $0.name == "t" })
    let z = c.graph[c.graph.output]
    #expect(z.op == .powConst && z.parameter == 2)
    #expect(c.evaluation.localGradients[z.id] == [2 * c.evaluation.value(t.id)])
    #expect(Op.powConst.symbolicLocalGradients(parameter: 2)[0].inOperands.unicode() == "2a")
    #expect(inputGradients(c) == ["6", "6"])
  }

  @Test("CS231n circuit: q 3, f −12; gradients −4, −4, 3")
  func circuit() throws {
    let c = try compile("cs231n-circuit")
    #expect(named(c, "q") == 3)
    #expect(c.evaluation.value(c.graph.output) == -12)
    #expect(inputGradients(c) == ["-4", "-4", "3"])
  }

  @Test("CS231n sigmoid neuron: 0.73; gradients −0.20, 0.39, −0.39, −0.59, 0.20")
  func neuron() throws {
    let c = try compile("cs231n-sigmoid-neuron")
    #expect(NumberFormat.fixed(decimals: 2).format(c.evaluation.value(c.graph.output)) == "0.73")
    let grads = c.lesson.inputs.compactMap { input in
      c.graph.inputs.first { c.graph[$0].name == input.name }
        .map { NumberFormat.fixed(decimals: 2).format(c.evaluation.gradient($0)) }
    }
    #expect(grads == ["-0.20", "0.39", "-0.39", "-0.59", "0.20"])
  }

  @Test("colah tree: 3, 2, 6; ∂e/∂a = 2, ∂e/∂b = 5 = 1·2 + 1·3")
  func colah() throws {
    let c = try compile("colah-tree")
    #expect(["c", "d", "e"].map { named(c, $0) } == [3, 2, 6])
    #expect(inputGradients(c) == ["2", "5"])
    let b = try #require(c.graph.nodes.first { $0.name == "b" })
    #expect(c.evaluation.contributions[b.id].map(\.value).sorted() == [2, 3])
  }

  @Test("DLFS relu: the gradient stops where x ≤ 0")
  func relu() throws {
    let c = try compile("dlfs-relu")
    #expect(c.evaluation.value(c.graph.output) == 0)
    #expect(inputGradients(c) == ["0"])
  }
}
