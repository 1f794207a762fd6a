import FormulaWriting
import LessonKit
import Testing

@testable import GraphEngine

/// Points at which each op is differentiable (away from kinks and domain edges).
private func samplePoints(_ op: Op) -> [[Double]] {
  switch op {
  case .input, .constant: []
  case .add, .sub, .mul, .max, .min: [[1, 2], [-3, 0.5], [2.5, -1.25], [0.3, 0.2]]
  case .div: [[1, 2], [-3, 0.5], [2.5, -1.25]]
  case .pow: [[2, 3], [0.5, 1.5], [3, -0.5]]
  case .log, .sqrt, .powConst: [[0.5], [1], [4.2]]
  case .recip: [[0.5], [-2], [3]]
  case .relu, .abs: [[1.5], [-0.7], [3]]
  case .neg, .exp, .sin, .cos, .tanh, .sigmoid, .softplus: [[-2], [-0.3], [0], [1], [2.5]]
  // Away from the poles at ±π/2.
  case .tan: [[-1.2], [-0.3], [0], [1], [1.4]]
  // The tensor ops read on numbers (TensorEvaluatorTests checks them on shaped values).
  case .matmul: [[1, 2], [-3, 0.5]]
  case .sum, .sumAxis, .mean, .meanAxis, .maxAxis, .logsumexp, .repeatRows, .softmax, .logSoftmax,
    .transpose:
    [[1.5], [-0.7]]
  case .crossEntropy: [[0.5, 0.7], [2, 1]]
  case .softmaxWithLoss: [[0.3, 1], [-2, 0.5]]
  case .affine: [[1, 2, 3], [-0.5, 4, 1]]
  }
}

private let exponent = 2.5

/// Parameter for ops that use one (`powConst`'s exponent); others ignore it.
private func parameter(_ op: Op) -> Double { op == .powConst ? exponent : 0 }

/// (f(x + h) − f(x − h)) / 2h in input `i`.
private func centralDifference(_ op: Op, _ x: [Double], _ i: Int) -> Double {
  let h = 1e-6 * Swift.max(1, Swift.abs(x[i]))
  var plus = x
  var minus = x
  plus[i] += h
  minus[i] -= h
  let k = parameter(op)
  return (op.forward(plus, parameter: k) - op.forward(minus, parameter: k)) / (2 * h)
}

@Suite("Op gradients")
struct OpGradientTests {
  @Test("numeric local gradients match central finite differences", arguments: Op.allCases)
  func numericMatchesFiniteDifferences(op: Op) {
    for x in samplePoints(op) {
      let k = parameter(op)
      let y = op.forward(x, parameter: k)
      let local = op.localGradients(x, output: y, parameter: k)
      #expect(local.count == op.arity)
      for i in 0..<op.arity {
        let estimate = centralDifference(op, x, i)
        #expect(
          Swift.abs(local[i] - estimate) <= 1e-6 * Swift.max(1, Swift.abs(estimate)),
          "\(op) at \(x), input \(i): \(local[i]) vs \(estimate)")
      }
    }
  }

  @Test("symbolic local gradients evaluate to the numeric ones", arguments: Op.allCases)
  func symbolicMatchesNumeric(op: Op) throws {
    for x in samplePoints(op) {
      let k = parameter(op)
      let y = op.forward(x, parameter: k)
      let local = op.localGradients(x, output: y, parameter: k)
      let formulas = op.symbolicLocalGradients(parameter: k)
      #expect(formulas.count == op.arity)
      for (i, formula) in formulas.enumerated() {
        let inOperands = try #require(formula.inOperands.evaluate(operands: x, result: y))
        #expect(Swift.abs(inOperands - local[i]) <= 1e-12 * Swift.max(1, Swift.abs(local[i])))
        if let inResult = formula.inResult {
          let value = try #require(inResult.evaluate(operands: x, result: y))
          #expect(Swift.abs(value - local[i]) <= 1e-12 * Swift.max(1, Swift.abs(local[i])))
        }
      }
    }
  }

  @Test("the textbook forms of the local gradients")
  func textbookForms() {
    func forms(_ op: Op) -> [String] {
      op.symbolicLocalGradients(parameter: 2).flatMap { g in
        [g.inOperands.unicode()] + (g.inResult.map { [$0.unicode()] } ?? [])
      }
    }
    #expect(forms(.recip) == ["−1/a²", "−y²"])
    #expect(forms(.exp) == ["exp(a)", "y"])
    #expect(forms(.sigmoid) == ["σ(a)(1 − σ(a))", "y(1 − y)"])
    #expect(forms(.tanh) == ["1 − tanh(a)²", "1 − y²"])
    #expect(forms(.mul) == ["b", "a"])
    #expect(forms(.div) == ["1/b", "−a/b²", "−y/b"])
    #expect(forms(.powConst) == ["2a"])
    #expect(forms(.sqrt) == ["1/(2√a)", "1/(2y)"])
    #expect(forms(.relu) == ["[a > 0]"])
  }

  @Test("kinks use the documented one-sided choice")
  func kinks() {
    #expect(Op.relu.localGradients([0], output: 0, parameter: 0) == [0])
    #expect(Op.abs.localGradients([0], output: 0, parameter: 0) == [0])
    #expect(Op.max.localGradients([2, 2], output: 2, parameter: 0) == [1, 0])
    #expect(Op.min.localGradients([2, 2], output: 2, parameter: 0) == [1, 0])
  }

  @Test("sigmoid does not overflow for large arguments")
  func sigmoidIsStable() {
    #expect(Op.sigmoid.forward([-800], parameter: 0) == 0)
    #expect(Op.sigmoid.forward([800], parameter: 0) == 1)
    #expect(Op.sigmoid.forward([1], parameter: 0) == 0.7310585786300049)
  }
}
