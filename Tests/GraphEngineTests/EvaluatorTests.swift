import Testing

@testable import ExpressionLanguage
@testable import GraphEngine

/// Builds and evaluates a function with the given inputs.
func evaluate(_ function: String, _ inputs: [String: Double], upstream: Double = 1) throws
  -> Evaluation
{
  let program = try Parser.parse(function, locate: { SourceLocation(line: 1, column: $0 + 1) })
    .get()
  let names = inputs.keys.sorted().map { GraphBuilder.InputName($0, at: .init(line: 9, column: 3)) }
  let graph = try GraphBuilder.build(program, inputs: names).get()
  return try Evaluator.evaluate(graph, inputs: inputs, upstream: upstream).get()
}

func gradient(_ e: Evaluation, _ name: String) -> Double? {
  e.graph.nodes.first { $0.name == name }.map { e.gradient($0.id) }
}

func buildErrors(_ function: String, _ inputs: [String]) -> [String] {
  guard
    let program = try? Parser.parse(function, locate: { SourceLocation(line: 1, column: $0 + 1) })
      .get()
  else { return ["parse error"] }
  let names = inputs.map { GraphBuilder.InputName($0, at: .init(line: 9, column: 3)) }
  switch GraphBuilder.build(program, inputs: names) {
  case .success: return []
  case .failure(let list): return list.diagnostics.map { "\($0.location): \($0.message)" }
  }
}

func evaluationErrors(_ function: String, _ inputs: [String: Double]) -> [String] {
  do {
    _ = try evaluate(function, inputs)
    return []
  } catch let list as DiagnosticList {
    return list.diagnostics.map { "\($0.location): \($0.message)" }
  } catch {
    return ["\(error)"]
  }
}

/// Central differences of the whole function with respect to each input.
func numericGradient(_ function: String, _ inputs: [String: Double]) throws -> [String: Double] {
  var result: [String: Double] = [:]
  for name in inputs.keys {
    let h = 1e-6 * Swift.max(1, Swift.abs(inputs[name] ?? 0))
    var plus = inputs
    var minus = inputs
    plus[name]? += h
    minus[name]? -= h
    let up = try evaluate(function, plus)
    let down = try evaluate(function, minus)
    result[name] = (up.value(up.graph.output) - down.value(down.graph.output)) / (2 * h)
  }
  return result
}

@Suite("Evaluator")
struct EvaluatorTests {
  @Test("a variable used twice is one node whose gradient is the sum of its uses")
  func fanOut() throws {
    let e = try evaluate("c = a + b; d = b + 1; e = c * d", ["a": 2, "b": 1])
    let b = try #require(e.graph.nodes.first { $0.name == "b" })
    #expect(e.graph.nodes.filter { $0.op == .input }.count == 2)
    #expect(e.contributions[b.id].map(\.value).sorted() == [2, 3])
    #expect(e.gradient(b.id) == 5)
    #expect(gradient(e, "a") == 2)
  }

  @Test("the upstream value seeds the backward pass")
  func upstream() throws {
    let e = try evaluate("z = x * y", ["x": 10, "y": 5], upstream: 1.3)
    #expect(gradient(e, "x") == 6.5)
    #expect(gradient(e, "y") == 13)
  }

  @Test(
    "whole-function gradients match central differences",
    arguments: [
      (
        "f = 1 / (1 + exp(-(w0*x0 + w1*x1 + w2)))",
        ["w0": 2, "x0": -1, "w1": -3, "x1": -2, "w2": -3]
      ),
      ("y = tanh(x) * sigmoid(x) + x^3 - abs(x) + relu(x - 2)", ["x": 0.8]),
      ("y = max(a, b) * min(a, 2 * b) + log(a) + sqrt(b) + a^b", ["a": 1.7, "b": 0.6]),
      ("t = x + y; z = t^2", ["x": 1, "y": 2]),
      ("y = sin(x) * cos(x) / (1 + x^2)", ["x": -0.4]),
    ] as [(String, [String: Double])])
  func matchesFiniteDifferences(function: String, inputs: [String: Double]) throws {
    let e = try evaluate(function, inputs)
    let numeric = try numericGradient(function, inputs)
    for (name, estimate) in numeric {
      let g = try #require(gradient(e, name))
      #expect(Swift.abs(g - estimate) <= 1e-6 * Swift.max(1, Swift.abs(estimate)), "\(name)")
    }
  }

  @Test("expanded composites give the same values and gradients", arguments: [-2.0, 0.0, 1.0, 3.5])
  func expansion(x: Double) throws {
    for function in ["y = sigmoid(x)", "y = tanh(x)", "y = sigmoid(tanh(x) * x)"] {
      let e = try evaluate(function, ["x": x])
      let expanded = e.graph.expandingComposites()
      #expect(!expanded.hasComposites)
      let f = try Evaluator.evaluate(expanded, inputs: ["x": x]).get()
      let out = f.value(expanded.output)
      #expect(Swift.abs(out - e.value(e.graph.output)) < 1e-15)
      let gx = try #require(expanded.inputs.first.map { f.gradient($0) })
      let ex = try #require(e.graph.inputs.first.map { e.gradient($0) })
      #expect(Swift.abs(gx - ex) < 1e-12)
    }
  }

  @Test("sigmoid expands into the textbook chain ×(−1), exp, +1, /")
  func sigmoidChain() throws {
    let e = try evaluate("y = sigmoid(x)", ["x": 1])
    let expanded = e.graph.expandingComposites()
    #expect(expanded.nodes.map(\.op) == [.input, .constant, .mul, .exp, .constant, .add, .recip])
    #expect(expanded.nodes.map(\.parameter) == [0, -1, 0, 0, 1, 0, 0])
    #expect(expanded[expanded.output].name == "y")
    let f = try Evaluator.evaluate(expanded, inputs: ["x": 1]).get()
    #expect(expanded[5].inputs == [4, 3])
    let values = [2, 3, 5, 6].map {
      NumberFormat.shortest(significantDigits: 6).format(f.values[$0])
    }
    #expect(values == ["-1", "0.367879", "1.36788", "0.731059"])
    let grads = [0, 2, 3, 5, 6].map {
      NumberFormat.shortest(significantDigits: 6).format(f.gradients[$0])
    }
    #expect(grads == ["0.196612", "-0.196612", "-0.534447", "-0.534447", "1"])
  }

  @Test("tanh expands into the quotient of exponentials with shared nodes")
  func tanhExpansion() throws {
    let e = try evaluate("y = tanh(x)", ["x": 1])
    let expanded = e.graph.expandingComposites()
    #expect(expanded.nodes.map(\.op) == [.input, .exp, .neg, .exp, .sub, .add, .div])
    #expect(expanded.consumers[1] == [4, 5])
    #expect(
      NumberFormat.shortest(significantDigits: 6).format(e.value(e.graph.output)) == "0.761594")
    #expect(e.localGradients[e.graph.output] == [0.41997434161402614])
  }

  @Test("signed numbers, constant exponents and 1/x fold into single nodes")
  func folding() throws {
    let e = try evaluate("y = x * -1 + x^-2 + 1/x + x^(1/2)", ["x": 4])
    let ops = e.graph.nodes.map(\.op)
    #expect(ops.filter { $0 == .constant }.count == 1)
    #expect(ops.filter { $0 == .powConst }.count == 2)
    #expect(ops.contains(.recip))
    #expect(e.value(e.graph.output) == -4 + 1.0 / 16 + 0.25 + 2)
  }

  @Test(
    "names are checked",
    arguments: [
      ("y = x + z", ["x"], "1:9: 'z' has no value: give it one under 'inputs' or assign it first"),
      ("y = x; y = 2 * x", ["x"], "1:8: 'y' is assigned twice (first at line 1)"),
      ("a = b + x; b = x; y = a", ["x"], "1:5: 'b' is used before it is assigned (at line 1)"),
      (
        "y = y + x", ["x"],
        "1:5: 'y' refers to itself; a statement can use only inputs and names assigned before it"
      ),
      ("y = x * 2", ["x", "w"], "9:3: input 'w' is never used by the function"),
      (
        "q = x + 1; y = q", ["x", "q"],
        "1:1: 'q' is computed here, so it cannot also be given under 'inputs' (line 9)"
      ),
      (
        "a = x * 2; y = x + 1", ["x"],
        "1:1: 'a' is assigned but never used; the output is 'y', assigned by the last statement"
      ),
    ] as [(String, [String], String)])
  func names(function: String, inputs: [String], expected: String) {
    #expect(buildErrors(function, inputs) == [expected])
  }

  @Test(
    "values leaving the real numbers are located errors",
    arguments: [
      ("y = log(x)", ["x": -2.0], "1:5: log needs a positive argument, but here it is -2"),
      ("y = sqrt(x)", ["x": -1.0], "1:5: sqrt needs a non-negative argument, but here it is -1"),
      (
        "y = sqrt(x)", ["x": 0.0],
        "1:5: the gradient of sqrt is 1/(2·sqrt(a)), which is infinite at a = 0"
      ),
      ("y = x / x", ["x": 0.0], "1:7: 0/0 is undefined"),
      ("y = 2 / x", ["x": 0.0], "1:7: division by zero: 2/0"),
      ("y = 1 / x", ["x": 0.0], "1:7: division by zero: 1/0"),
      ("y = exp(x)", ["x": 1000.0], "1:5: exp(1000) overflows to infinity"),
      (
        "y = x ^ w", ["x": -2.0, "w": 2.0],
        "1:7: the gradient of a^b with respect to b is a^b·ln a, which needs a > 0, but here a = -2"
      ),
      ("y = x ^ 0.5", ["x": -2.0], "1:7: -2^0.5 is not a real number"),
    ] as [(String, [String: Double], String)])
  func domain(function: String, inputs: [String: Double], expected: String) {
    #expect(evaluationErrors(function, inputs) == [expected])
  }

  @Test("a chain at the node limit evaluates without recursion")
  func longChain() throws {
    // x, then 3 nodes a term (the constant 1, ×, +): as many terms as the limit allows.
    let terms = (Limits.nodes - 1) / 3 + 1
    let text = "y = " + Array(repeating: "x", count: terms).joined(separator: " * 1 + ")
    let e = try evaluate(text, ["x": 1])
    #expect(e.graph.nodes.count <= Limits.nodes)
    #expect(gradient(e, "x") == Double(terms))
  }

  @Test("a graph of exactly the node limit is accepted")
  func atNodeLimit() throws {
    // x and 9,999 '+': 10,000 nodes; `y = +t` adds none.
    let sum = Array(repeating: "x", count: Limits.nodes).joined(separator: " + ")
    let e = try evaluate("t = \(sum); y = +t", ["x": 1])
    #expect(e.graph.nodes.count == Limits.nodes)
  }

  @Test("a graph over the node limit is refused where it passes the limit")
  func overNodeLimit() {
    let text = "y = " + Array(repeating: "x", count: Limits.nodes + 5).joined(separator: " + ")
    let errors = evaluationErrors(text, ["x": 1])
    #expect(errors.count == 1)
    // x is node 0 and the k-th '+' (at column 4k + 3) is node k: the 10,000th '+' is the
    // 10,001st node, one too many.
    let column = 4 * Limits.nodes + 3
    #expect(
      errors.first
        == "1:\(column): the graph has more than \(Limits.nodes) nodes here, lessongen's limit "
        + "for one lesson; split the function into several lessons")
  }
}
