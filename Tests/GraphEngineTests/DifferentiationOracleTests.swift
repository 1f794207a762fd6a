import Foundation
import Testing
import _Differentiation

@testable import ExpressionLanguage
@testable import GraphEngine

/// The engine's gradients against Swift's compiler-derived ones (`_Differentiation`), an
/// oracle written independently of the op table.
@Suite("Differentiation oracle")
struct DifferentiationOracleTests {
  private func engineGradient(_ function: String, _ inputs: [String: Double]) throws -> [String:
    Double]
  {
    try engine(function, inputs).gradients
  }

  /// The engine's gradient of each input, and the ops of the graph it built.
  private func engine(_ function: String, _ inputs: [String: Double]) throws -> (
    gradients: [String: Double], ops: Set<Op>
  ) {
    let program = try Parser.parse(function, locate: { SourceLocation(line: 1, column: $0 + 1) })
      .get()
    let names = inputs.keys.sorted().map {
      GraphBuilder.InputName($0, at: .init(line: 1, column: 1))
    }
    let graph = try GraphBuilder.build(program, inputs: names).get()
    let evaluation = try Evaluator.evaluate(graph, inputs: inputs).get()
    var result: [String: Double] = [:]
    for id in graph.inputs { result[graph[id].name ?? ""] = evaluation.gradient(id) }
    return (result, Set(graph.nodes.map(\.op)))
  }

  private func close(_ a: Double, _ b: Double) -> Bool {
    Swift.abs(a - b) <= 1e-12 * Swift.max(1, Swift.abs(b))
  }

  @Test("unary functions", arguments: [-1.3, 0.4, 2.0])
  func unary(x: Double) throws {
    @differentiable(reverse) func sigmoid(_ x: Double) -> Double { 1 / (1 + Foundation.exp(-x)) }
    let cases: [(String, (Double) -> Double)] = [
      ("y = exp(x)", { gradient(at: $0) { x in Foundation.exp(x) } }),
      ("y = sin(x)", { gradient(at: $0) { x in Foundation.sin(x) } }),
      ("y = cos(x)", { gradient(at: $0) { x in Foundation.cos(x) } }),
      ("y = tanh(x)", { gradient(at: $0) { x in Foundation.tanh(x) } }),
      ("y = sigmoid(x)", { gradient(at: $0) { x in sigmoid(x) } }),
      ("y = x * x * x - 2 / x", { gradient(at: $0) { x in x * x * x - 2 / x } }),
      (
        "y = exp(-x^2) * sin(3 * x)",
        {
          gradient(at: $0) { x in Foundation.exp(-(x * x)) * Foundation.sin(3 * x) }
        }
      ),
    ]
    for (function, oracle) in cases {
      let engine = try #require(try engineGradient(function, ["x": x])["x"])
      #expect(close(engine, oracle(x)), "\(function) at \(x)")
    }
  }

  @Test(
    "relu, abs and the reciprocal node, away from their kinks and poles",
    arguments: [-1.3, -0.4, 0.4, 2.0])
  func piecewiseUnary(x: Double) throws {
    @differentiable(reverse) func relu(_ x: Double) -> Double {
      if x > 0 { return x }
      return 0
    }
    @differentiable(reverse) func absolute(_ x: Double) -> Double {
      if x < 0 { return -x }
      return x
    }
    // Each function with the op it is meant to exercise.
    let cases: [(String, Op, (Double) -> Double)] = [
      ("y = relu(x)", .relu, { gradient(at: $0) { x in relu(x) } }),
      ("y = relu(x) * exp(x)", .relu, { gradient(at: $0) { x in relu(x) * Foundation.exp(x) } }),
      (
        "y = relu(sin(3 * x)) - x", .relu,
        { gradient(at: $0) { x in relu(Foundation.sin(3 * x)) - x } }
      ),
      ("y = abs(x)", .abs, { gradient(at: $0) { x in absolute(x) } }),
      ("y = abs(x) * sin(x)", .abs, { gradient(at: $0) { x in absolute(x) * Foundation.sin(x) } }),
      (
        "y = abs(cos(2 * x)) / (1 + x^2)", .abs,
        { gradient(at: $0) { x in absolute(Foundation.cos(2 * x)) / (1 + x * x) } }
      ),
      ("y = 1 / x", .recip, { gradient(at: $0) { x in 1 / x } }),
      ("y = 1 / (1 + x * x)", .recip, { gradient(at: $0) { x in 1 / (1 + x * x) } }),
      (
        "y = 1 / exp(x) + 1 / x", .recip,
        { gradient(at: $0) { x in 1 / Foundation.exp(x) + 1 / x } }
      ),
    ]
    for (function, op, oracle) in cases {
      let (gradients, ops) = try engine(function, ["x": x])
      #expect(ops.contains(op), "\(function) has no \(op) node: \(ops)")
      let engine = try #require(gradients["x"])
      #expect(close(engine, oracle(x)), "\(function) at \(x): \(engine), but \(oracle(x))")
    }
  }

  @Test(
    "max, min and a power with a variable exponent, away from ties",
    arguments: [(0.7, -1.9), (0.4, 1.3), (2.5, 0.6), (1.8, 2.2)])
  func binary(x: Double, w: Double) throws {
    @differentiable(reverse) func maximum(_ a: Double, _ b: Double) -> Double {
      if a >= b { return a }
      return b
    }
    @differentiable(reverse) func minimum(_ a: Double, _ b: Double) -> Double {
      if a <= b { return a }
      return b
    }
    typealias Oracle = (Double, Double) -> (Double, Double)
    let cases: [(String, Op, Oracle)] = [
      ("y = max(x, w)", .max, { gradient(at: $0, $1) { x, w in maximum(x, w) } }),
      ("y = max(x, w) * x", .max, { gradient(at: $0, $1) { x, w in maximum(x, w) * x } }),
      (
        "y = max(sin(x), w * w - 1)", .max,
        { gradient(at: $0, $1) { x, w in maximum(Foundation.sin(x), w * w - 1) } }
      ),
      ("y = min(x, w)", .min, { gradient(at: $0, $1) { x, w in minimum(x, w) } }),
      ("y = min(x, w) * w", .min, { gradient(at: $0, $1) { x, w in minimum(x, w) * w } }),
      (
        "y = min(exp(x), w + 2) / x", .min,
        { gradient(at: $0, $1) { x, w in minimum(Foundation.exp(x), w + 2) / x } }
      ),
      ("y = x ^ w", .pow, { gradient(at: $0, $1) { x, w in Foundation.pow(x, w) } }),
      (
        "y = (x * x + 1) ^ sin(w)", .pow,
        { gradient(at: $0, $1) { x, w in Foundation.pow(x * x + 1, Foundation.sin(w)) } }
      ),
      (
        "y = exp(w) ^ (x * w)", .pow,
        { gradient(at: $0, $1) { x, w in Foundation.pow(Foundation.exp(w), x * w) } }
      ),
    ]
    for (function, op, oracle) in cases {
      let (gradients, ops) = try engine(function, ["x": x, "w": w])
      #expect(ops.contains(op), "\(function) has no \(op) node: \(ops)")
      let (gx, gw) = oracle(x, w)
      let engineX = try #require(gradients["x"])
      let engineW = try #require(gradients["w"])
      #expect(close(engineX, gx), "\(function) at x = \(x), w = \(w): ∂/∂x \(engineX), but \(gx)")
      #expect(close(engineW, gw), "\(function) at x = \(x), w = \(w): ∂/∂w \(engineW), but \(gw)")
    }
  }

  @Test("log and sqrt on their domain", arguments: [0.3, 1.0, 5.5])
  func positive(x: Double) throws {
    let log = try #require(try engineGradient("y = log(x) * sqrt(x)", ["x": x])["x"])
    let oracle = gradient(at: x) { x in Foundation.log(x) * Foundation.sqrt(x) }
    #expect(close(log, oracle))
  }

  @Test("two variables with fan-out")
  func twoVariables() throws {
    let engine = try engineGradient(
      "q = x * y + x; f = q / (y - x) * exp(x)", ["x": 0.7, "y": -1.9])
    @differentiable(reverse) func f(_ x: Double, _ y: Double) -> Double {
      let q: Double = x * y + x
      let r: Double = q / (y - x)
      return r * Foundation.exp(x)
    }
    let (gx, gy) = gradient(at: 0.7, -1.9, of: f)
    #expect(close(try #require(engine["x"]), gx))
    #expect(close(try #require(engine["y"]), gy))
  }
}
