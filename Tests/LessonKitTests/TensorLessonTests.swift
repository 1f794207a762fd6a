import Analysis
import Foundation
import GraphEngine
import LessonKit
import Testing

/// Lessons of vectors and matrices: lists under `inputs` and `upstream`, the trace JSON with
/// nested lists and shapes, and located errors for bad lists and shapes.
@Suite("Tensor lessons")
struct TensorLessonTests {
  /// Writes `text` to a fresh lesson file and returns its source.
  func lesson(_ text: String, id: String = "tensor") throws -> LessonSource {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("tensor-lesson-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent("\(id).yaml").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return LessonSource(argument: path)
  }

  func errors(_ text: String) throws -> [String] {
    let source = try lesson(text)
    do {
      _ = try source.compileTensors()
      return []
    } catch {
      return error.diagnostics.map { d in
        "\(d.location.map { "\($0.line):\($0.column)" } ?? "-"): \(d.message)"
      }
    }
  }

  static let affine = """
    title: Affine
    function: |
      Y = X @ W + b
      L = sum(Y)
    inputs:
      X: [1, 2]
      W: [[1, 2, 3], [4, 5, 6]]
      b: [0.5, 0, -0.5]
    upstream: 2
    """

  @Test("the trace gives shaped values and gradients as nested lists with a shape")
  func trace() throws {
    let compiled = try #require(try lesson(Self.affine).compileTensors())
    let data = Data(TraceJSON.write(compiled).utf8)
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(Set(object.keys) == ["lesson", "output", "inputs", "nodes"])
    let output = try #require(object["output"] as? [String: Any])
    #expect(output["value"] as? Double == 36.0)  // 9.5 + 12 + 14.5
    #expect(output["grad"] as? Double == 2)
    #expect(output["shape"] == nil, "a number has no shape")
    let inputs = try #require(object["inputs"] as? [String: [String: Any]])
    #expect(inputs["X"]?["shape"] as? [Int] == [2])
    // ∂L/∂X = ∂L/∂Y·Wᵀ with ∂L/∂Y = (2, 2, 2): (2·6, 2·15).
    #expect(inputs["X"]?["grad"] as? [Double] == [12, 30])
    #expect(inputs["W"]?["shape"] as? [Int] == [2, 3])
    #expect(inputs["W"]?["value"] as? [[Double]] == [[1, 2, 3], [4, 5, 6]])
    // ∂L/∂W = Xᵀ·∂L/∂Y.
    #expect(inputs["W"]?["grad"] as? [[Double]] == [[2, 2, 2], [4, 4, 4]])
    #expect(inputs["b"]?["grad"] as? [Double] == [2, 2, 2])
    let nodes = try #require(object["nodes"] as? [[String: Any]])
    let product = try #require(nodes.first { $0["op"] as? String == "matmul" })
    #expect(product["shape"] as? [Int] == [3])
    #expect(product["value"] as? [Double] == [9, 12, 15])
    let local = try #require(product["local"] as? [Any])
    #expect(local.count == 2)
    #expect(local[0] as? [Double] == [12, 30])
  }

  @Test("a list under upstream seeds the backward pass; its shape must be the output's")
  func upstreamList() throws {
    let text = """
      title: t
      function: Y = X * 3
      inputs:
        X: [[1, 2], [3, 4]]
      upstream: [[1, 0], [0, 2]]
      """
    let compiled = try #require(try lesson(text).compileTensors())
    let x = try #require(compiled.graph.nodes.first { $0.name == "X" })
    #expect(compiled.evaluation.gradients[x.id] == Tensor(Shape([2, 2]), [3, 0, 0, 6]))
    let wrong = text.replacingOccurrences(of: "[[1, 0], [0, 2]]", with: "[1, 2, 3]")
    #expect(try errors(wrong).first?.contains("'upstream' has the shape (3,)") == true)
  }

  @Test("bad lists are located errors at the element or row")
  func badLists() throws {
    let base = "title: t\nfunction: Y = X * 2\ninputs:\n  X: "
    #expect(
      try errors(base + "[[1, 2], [3, 4, 5]]") == [
        "4:15: input 'X': row 2 has 3 numbers and row 1 has 2; a matrix's rows have one length"
      ])
    #expect(
      try errors(base + "[1, \"a\"]") == [
        "4:10: input 'X': every element must be a number, not quoted text (\"a\")"
      ])
    #expect(try errors(base + "[[[1]]]").first?.contains("nests lists too deeply") == true)
    // A 3-D list: said once, at its first inner list, with what to write instead.
    let deep = try errors(base + "[[[1, 2], [3, 4]], [[5, 6], [7, 8]]]")
    #expect(deep.count == 1, "\(deep)")
    #expect(deep.first?.hasPrefix("4:8: input 'X' nests lists too deeply") == true)
    #expect(deep.first?.contains("give each matrix its own input") == true)
    #expect(try errors(base + "[]").first?.contains("empty list") == true)
  }

  @Test("a shape mismatch names both shapes at the operator")
  func mismatch() throws {
    let text = """
      title: t
      function: Y = X @ W
      inputs:
        X: [[1, 2], [3, 4], [5, 6]]
        W: [[1, 2, 3, 4], [1, 2, 3, 4], [1, 2, 3, 4]]
      """
    #expect(try errors(text) == ["2:17: X @ W: (3, 2) @ (3, 4): inner sizes 2 and 3 differ"])
  }

  @Test("Softmax-with-Loss class by class (DLFS Appendix A): the scalar graph brings y − t")
  func softmaxClasses() throws {
    let shaped = try #require(try LessonSource.builtin("dlfs-softmax-with-loss").compileTensors())
    let classes = try #require(SoftmaxClasses(shaped))
    #expect(classes.classes == 3)
    let ops = Set(classes.compiled.graph.nodes.map(\.op))
    #expect(ops.isSuperset(of: [.exp, .add, .recip, .mul, .log, .neg]), "\(ops)")
    // The layer's own rule (y − t) and the scalar graph's backward pass agree.
    let layer = shaped.evaluation.gradients[shaped.graph.inputs[0]].elements
    for k in 1...3 {
      #expect(abs(classes.scoreGradient(k) - layer[k - 1]) < 1e-15)
    }
    #expect(String(format: "%.6g", classes.scoreGradient(1)) == "0.0182113")
    #expect(String(format: "%.6g", classes.scoreGradient(3)) == "-0.263403")
    #expect(abs(classes.probability(3) - 0.736597) < 1e-6)

    // Two classes under an upstream gradient of 2: 2(y − t).
    let two = try #require(
      try lesson(
        """
        title: two
        function: |
          L = 2 * softmax_with_loss(a, t)
        inputs:
          a: [[1.5, -0.5]]
          t: [[1, 0]]
        """
      ).compileTensors())
    let drawn = try #require(SoftmaxClasses(two))
    #expect(drawn.classes == 2)
    let y1 = exp(1.5) / (exp(1.5) + exp(-0.5))
    #expect(abs(drawn.scoreGradient(1) - 2 * (y1 - 1)) < 1e-14)
    // A batch: the first row drawn out, its share of the mean error, (y − t)/N.
    let batch = try #require(
      try lesson(
        "title: b\nfunction: L = softmax_with_loss(a, t)\ninputs:\n  a: [[1, 2], [3, 0.5]]\n"
          + "  t: [[0, 1], [0, 1]]"
      ).compileTensors())
    let first = try #require(SoftmaxClasses(batch))
    #expect(first.rows == 2 && first.classes == 2)
    #expect(first.compiled.graph.outputName == "L1")
    let batchLayer = batch.evaluation.gradients[batch.graph.inputs[0]].elements
    for k in 1...2 { #expect(abs(first.scoreGradient(k) - batchLayer[k - 1]) < 1e-15) }
    let y12 = exp(2.0) / (exp(1.0) + exp(2.0))
    #expect(abs(first.scoreGradient(2) - (y12 - 1) / 2) < 1e-15)
    // Four classes: not drawn out.
    let four = try #require(
      try lesson(
        "title: x\nfunction: L = softmax_with_loss(a, t)\ninputs:\n  a: [1, 2, 3, 4]\n"
          + "  t: [0, 0, 0, 1]"
      ).compileTensors())
    #expect(SoftmaxClasses(four) == nil)
  }

  @Test(
    "a lesson of numbers is not a tensor lesson; a tensor lesson compiled on numbers is located")
  func scalarsAndFigures() throws {
    #expect(try LessonSource.builtin("sigmoid").compileTensors() == nil)
    let source = try lesson(Self.affine)
    do {
      _ = try source.compile()
      Issue.record("a tensor lesson compiled as numbers")
    } catch {
      let message = error.diagnostics.first?.message ?? ""
      #expect(message.contains("input 'X' is a vector (2,)"))
      #expect(message.contains("a lesson of vectors and matrices, compiled on shaped values"))
      #expect(error.diagnostics.first?.location?.line == 6)
    }
  }
}

extension LessonSource {
  /// The lesson compiled on shaped values, or nil for a lesson of numbers.
  func compileTensors() throws(LessonError) -> CompiledTensorLesson? {
    if case .tensors(let shaped) = try compileAny() { return shaped }
    return nil
  }
}
