/// The forward values and backward gradients of every node of a graph.
public struct Evaluation: Sendable {
  public let graph: Graph
  /// y of every node.
  public var values: [Double]
  /// ∂y/∂xᵢ of every node, one per input.
  public var localGradients: [[Double]]
  /// ∂L/∂(node) of every node: the sum of its ``contributions``.
  public var gradients: [Double]
  /// What each edge passes back, upstream × local: `edgeGradients[node][i]` is
  /// ∂L/∂(node) × ∂(node)/∂(input i), the gradient written under that edge.
  public var edgeGradients: [[Double]]
  /// For every node, what each use of it sent back: upstream × local, in the order the
  /// backward pass produced them (the last consumer first).
  public var contributions: [[Contribution]]
  /// ∂L/∂(output), the seed of the backward pass (1 unless the lesson sets `upstream`).
  public var upstream: Double

  /// One term of a fan-out sum: what the consumer's `inputIndex`-th edge sent back.
  public struct Contribution: Hashable, Sendable {
    public var consumer: Node.ID
    public var inputIndex: Int
    /// ∂L/∂(consumer) × ∂(consumer)/∂(input).
    public var value: Double
  }

  /// The value of a node.
  public func value(_ id: Node.ID) -> Double { values[id] }

  /// The gradient of L with respect to a node.
  public func gradient(_ id: Node.ID) -> Double { gradients[id] }
}

/// Runs the forward pass in topological order and the backward pass in reverse
/// (reverse-mode automatic differentiation, as in micrograd).
public enum Evaluator {
  /// Evaluates `graph` at the given input values.
  ///
  /// - Returns: the evaluation, or a diagnostic at the first node whose value or gradient is
  ///   not a finite real number (log of a negative, 0/0, overflow), naming the value that
  ///   left the domain.
  public static func evaluate(
    _ graph: Graph, inputs: [String: Double], upstream: Double = 1
  ) -> Result<Evaluation, DiagnosticList> {
    let count = graph.nodes.count
    var values = [Double](repeating: 0, count: count)
    var locals = [[Double]](repeating: [], count: count)
    for node in graph.nodes {
      let x = node.inputs.map { values[$0] }
      let y: Double
      if node.op == .input {
        y = inputs[node.name ?? ""] ?? .nan
      } else {
        y = node.op.forward(x, parameter: node.parameter)
      }
      guard y.isFinite else {
        return failure(DomainMessage.value(of: node, inputs: x, result: y), node)
      }
      values[node.id] = y
      let local = node.op.localGradients(x, output: y, parameter: node.parameter)
      if let bad = local.firstIndex(where: { !$0.isFinite }) {
        return failure(DomainMessage.localGradient(of: node, input: bad, inputs: x), node)
      }
      locals[node.id] = local
    }

    var gradients = [Double](repeating: 0, count: count)
    var contributions = [[Evaluation.Contribution]](repeating: [], count: count)
    var edges = locals.map { [Double](repeating: 0, count: $0.count) }
    gradients[graph.output] = upstream
    for node in graph.nodes.reversed() {
      let g = gradients[node.id]
      for (i, input) in node.inputs.enumerated() {
        let c = g * locals[node.id][i]
        edges[node.id][i] = c
        contributions[input].append(.init(consumer: node.id, inputIndex: i, value: c))
        gradients[input] += c
        if !gradients[input].isFinite {
          return failure(
            "the gradient flowing back through this node overflows to infinity", graph[input])
        }
      }
    }
    return .success(
      Evaluation(
        graph: graph, values: values, localGradients: locals, gradients: gradients,
        edgeGradients: edges, contributions: contributions, upstream: upstream))
  }

  /// The forward pass alone: the output's value at the given inputs, or a diagnostic at the
  /// first node whose value is not finite. What a central difference needs, at a fraction
  /// of ``evaluate(_:inputs:upstream:)``'s cost (no local gradients, no backward pass).
  public static func output(_ graph: Graph, inputs: [String: Double]) -> Result<
    Double, DiagnosticList
  > {
    var values = [Double](repeating: 0, count: graph.nodes.count)
    var x: [Double] = []
    x.reserveCapacity(2)
    for id in graph.nodes.indices {
      let y: Double
      if graph.nodes[id].op == .input {
        y = inputs[graph.nodes[id].name ?? ""] ?? .nan
      } else {
        x.removeAll(keepingCapacity: true)
        for input in graph.nodes[id].inputs { x.append(values[input]) }
        y = graph.nodes[id].op.forward(x, parameter: graph.nodes[id].parameter)
      }
      guard y.isFinite else {
        let node = graph.nodes[id]
        return .failure(
          DiagnosticList([
            EngineDiagnostic(
              DomainMessage.value(of: node, inputs: node.inputs.map { values[$0] }, result: y),
              at: node.location)
          ]))
      }
      values[id] = y
    }
    return .success(values[graph.output])
  }

  private static func failure(_ message: String, _ node: Node) -> Result<
    Evaluation, DiagnosticList
  > {
    .failure(DiagnosticList([EngineDiagnostic(message, at: node.location)]))
  }
}
