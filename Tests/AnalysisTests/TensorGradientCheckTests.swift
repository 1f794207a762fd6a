import Analysis
import LessonKit
import Testing

/// The numeric check of the lessons of vectors and matrices judges by the rule of the
/// lessons of numbers (``GradientCheck/verdict(backprop:estimate:value:step:)``).
@Suite("Tensor gradient check")
struct TensorGradientCheckTests {
  func check(_ lesson: String) throws -> TensorGradientCheck {
    let compiled = try #require(
      try CompiledTensorLesson.compile(bytes: Array(lesson.utf8), path: "c.yaml", id: "c"))
    return TensorGradientCheck(compiled)
  }

  @Test("every element of a two-layer network agrees, with its relative error")
  func network() throws {
    let result = try check(
      """
      title: Two layers
      function: |
        H = sigmoid(X @ W1 + b1)
        L = sum(H @ W2)
      inputs:
        X: [[0.5, -1], [2, 0.3]]
        W1: [[0.1, 0.2, -0.3], [0.4, -0.5, 0.6]]
        b1: [0.1, 0, -0.1]
        W2: [[1], [-2], [0.5]]

      """)
    #expect(result.rows.count == result.total && result.total == 4 + 6 + 3 + 3)
    #expect(result.rows.allSatisfy { $0.verdict == .agrees })
    #expect(result.worst < 1e-7)
  }

  /// ∂L/∂x is exactly 0 here (1 − 1), while the sum of A + x rounds at 10⁹ (to about
  /// 10⁻⁷, against a difference of 2·10⁻⁶): the central difference is rounding noise of a
  /// few hundredths, whose relative error against 0 is 1. Within
  /// GradientCheck.roundingBound it agrees, as a lesson of numbers judges it (the earlier
  /// rule, 0 only when both were below 10⁻⁸, called it wrong).
  @Test("a zero gradient estimated as rounding noise agrees")
  func roundingNoise() throws {
    let result = try check(
      """
      title: Rounding
      function: |
        L = sum(A + x) - sum(x)
      inputs:
        A: [[100000000, 200000000], [300000000, 400000000]]
        x: [[0.1, 0.2], [0.3, 0.4]]

      """)
    let x = result.rows.filter { $0.input == "x" }
    #expect(x.count == 4)
    #expect(x.allSatisfy { $0.analytic == 0 && $0.verdict == .agrees && $0.relativeError == 0 })
    #expect(x.contains { $0.numeric != 0 }, "the estimate is rounding noise, not exactly 0")
    #expect(result.worst < 1e-7)
  }
}
