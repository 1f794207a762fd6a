import Foundation
import Testing
import _Differentiation

@testable import GraphEngine

/// The engine's gradients against Swift's compiler-derived ones (`_Differentiation`), an
/// oracle written independently of the op table.
@Suite("Differentiation oracle")
struct DifferentiationOracleTests {
  private func engineGradient(_ function: String, _ inputs: [String: Double]) throws -> [String:
    Double]
  {
    let program = try Parser.parse(function, locate: { SourceLocation(line: 1, column: $0 + 1) })
      .get()
    let names = inputs.keys.sorted().map {
      GraphBuilder.InputName($0, at: .init(line: 1, column: 1))
    }
    let graph = try GraphBuilder.build(program, inputs: names).get()
    let evaluation = try Evaluator.evaluate(graph, inputs: inputs).get()
    var result: [String: Double] = [:]
    for id in graph.inputs { result[graph[id].name ?? ""] = evaluation.gradient(id) }
    return result
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
