import Analysis
import GraphEngine
import LessonKit
import Testing

/// Losses written out of their parts (issue 24 point 4): softmax then cross-entropy, a
/// sigmoid then the binary cross-entropy, the mean of a squared difference. Each combined
/// gradient is checked against central differences of the whole lesson, not only against
/// the engine.
@Suite("Losses derived whole")
struct LossDerivationTests {
  static let lesson = """
    title: Three losses
    function: |
      P = softmax(S)
      ce = cross_entropy(P, y)
      p = sigmoid(z)
      bce = -mean(t * log(p) + (1 - t) * log(1 - p))
      mse = mean((Y - T) ^ 2)
      L = ce + bce + 0.5 * mse
    inputs:
      S: [[1.0, 2.0, 0.5], [0.1, -1.0, 3.0]]
      y: [1, 2]
      z: [0.5, -1.0, 2.0, 0.3]
      t: [1, 0, 1, 0]
      Y: [[0.5, 1.0], [2.0, -1.0]]
      T: [[0.0, 1.0], [1.5, -0.5]]

    """

  static func compile(_ text: String) throws -> CompiledTensorLesson {
    try #require(try CompiledTensorLesson.compile(bytes: Array(text.utf8), path: "l.yaml", id: "l"))
  }

  /// L at the lesson's inputs with element `k` of `name` moved by `h`.
  static func loss(_ c: CompiledTensorLesson, _ name: String, _ k: Int, _ h: Double) throws
    -> Double
  {
    var inputs: [String: Tensor] = [:]
    for id in c.graph.inputs {
      inputs[c.graph[id].name ?? ""] = c.evaluation.values[id]
    }
    inputs[name]?.elements[k] += h
    return try TensorEvaluator.evaluate(c.graph, inputs: inputs).get().values[c.graph.output]
      .scalar
  }

  @Test("each loss's combined gradient is found and agrees with central differences")
  func combined() throws {
    let c = try Self.compile(Self.lesson)
    let found = LossDerivation.find(c.evaluation)
    #expect(found.map(\.kind) == [.softmaxCrossEntropy, .binaryCrossEntropy, .meanSquaredError])
    #expect(found.map(\.count) == [2, 4, 4])
    // 0.5 · mse: the squared error's share reaches it halved.
    #expect(found.map(\.upstream) == [1, 1, 0.5])
    for loss in found {
      let name = try #require(c.graph[loss.input].name)
      for k in loss.gradient.elements.indices {
        let h = 1e-6
        let numeric = (try Self.loss(c, name, k, h) - Self.loss(c, name, k, -h)) / (2 * h)
        #expect(
          abs(numeric - loss.gradient.elements[k]) <= 1e-7 * max(1, abs(numeric)),
          "\(loss.kind) \(name)[\(k)]: \(loss.gradient.elements[k]) vs \(numeric)")
      }
    }
  }

  @Test("labels whose rows do not add up to 1 are not claimed to give (P − T)/N")
  func notOneHot() throws {
    let c = try Self.compile(
      """
      title: Soft labels
      function: |
        L = cross_entropy(softmax(S), T)
      inputs:
        S: [[1.0, 2.0, 0.5]]
        T: [[0.5, 0.3, 0.4]]

      """)
    #expect(LossDerivation.find(c.evaluation).isEmpty)
  }
}
