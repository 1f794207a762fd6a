/// The forward values and backward gradients of every node of a graph on shaped values.
public struct TensorEvaluation: Sendable {
  public let graph: Graph
  /// y of every node.
  public var values: [Tensor]
  /// ∂L/∂(node) of every node, of the node's shape: the sum of what each use sent back.
  public var gradients: [Tensor]
  /// What each edge passes back, ∂L/∂(input) along that edge, of the input's shape:
  /// `edgeGradients[node][i]` for input i of the node (the vector–Jacobian product).
  public var edgeGradients: [[Tensor]]
  /// ∂L/∂(output), the seed of the backward pass (ones unless the lesson sets `upstream`).
  public var upstream: Tensor
  /// For each gradient and each edge's, the sum of the absolute values of the terms it was
  /// computed from (``TensorEvaluator``): what its rounding error is measured against.
  public var magnitudes: [Tensor] = []
  public var edgeMagnitudes: [[Tensor]] = []

  /// ∂L/∂(node) as the figures and the text print it: an element that is zero up to
  /// rounding (``isRoundingNoise(_:magnitude:)``) is 0. The trace keeps every digit.
  public func shownGradient(_ id: Node.ID) -> Tensor {
    Self.cleaned(gradients[id], magnitudes.isEmpty ? nil : magnitudes[id])
  }

  /// What edge `i` of `node` sends back, printed the same way.
  public func shownEdgeGradient(_ node: Node.ID, _ i: Int) -> Tensor {
    Self.cleaned(edgeGradients[node][i], edgeMagnitudes.isEmpty ? nil : edgeMagnitudes[node][i])
  }

  /// Whether `v`, computed from terms whose absolute values add up to `magnitude`, is zero
  /// up to rounding: each floating-point operation errs by at most ε = 2⁻⁵³ of its result,
  /// so a backward pass of d steps over terms of total size m errs by at most about d·ε·m;
  /// within 2⁹·ε·m (about 10⁻¹³·m, generous for the depth of a lesson) of 0, a result says
  /// nothing but 0 (∂L/∂M = 8.7e−17 for the row maximum a softmax subtracts, which
  /// cancels exactly). A small value computed from small terms keeps its digits.
  public static func isRoundingNoise(_ v: Double, magnitude: Double) -> Bool {
    v != 0 && Swift.abs(v) <= 512 * Double.ulpOfOne / 2 * magnitude
  }

  private static func cleaned(_ t: Tensor, _ magnitude: Tensor?) -> Tensor {
    guard let magnitude, magnitude.shape == t.shape else { return t }
    var out = t
    for k in out.elements.indices
    where isRoundingNoise(out.elements[k], magnitude: magnitude.elements[k]) {
      out.elements[k] = 0
    }
    return out
  }
}

/// Reverse-mode automatic differentiation on vectors and matrices: the shapes are checked
/// first (``ShapeInference``: a mismatch is a located error naming both shapes), then the
/// forward pass in graph order and the backward pass in reverse, each op by its
/// ``TensorRule``; a value used along several edges sums what they send back.
public enum TensorEvaluator {
  /// The forward pass alone: every node's shape and value, or a diagnostic at the first node
  /// whose shapes do not fit or whose value leaves the real numbers. What a numeric check's
  /// L(x ± h) needs, without the two backward passes of ``evaluate(_:inputs:upstream:)``.
  public static func forward(_ graph: Graph, inputs: [String: Tensor]) -> Result<
    (shapes: [Shape], values: [Tensor]), DiagnosticList
  > {
    switch ShapeInference.shapes(graph, inputs: inputs.mapValues(\.shape)) {
    case .success(let shapes): values(graph, inputs: inputs).map { (shapes, $0) }
    case .failure(let list): .failure(list)
    }
  }

  /// Every node's value in graph order, each op by its ``TensorRule``. Pre: the shapes fit.
  private static func values(_ graph: Graph, inputs: [String: Tensor]) -> Result<
    [Tensor], DiagnosticList
  > {
    var values: [Tensor] = []
    values.reserveCapacity(graph.nodes.count)
    for node in graph.nodes {
      let y: Tensor
      switch node.op {
      case .input: y = inputs[node.name ?? ""] ?? Tensor(scalar: .nan)
      case .constant: y = Tensor(scalar: node.parameter)
      default:
        let x = node.inputs.map { values[$0] }
        if let message = node.op.tensorRule.problem?(x, node.parameter) {
          return .failure(DiagnosticList([EngineDiagnostic(message, at: node.location)]))
        }
        y = node.op.tensorRule.forward(x, node.parameter)
      }
      if let bad = y.elements.firstIndex(where: { !$0.isFinite }) {
        return .failure(
          DiagnosticList([EngineDiagnostic(problem(node, values, y, at: bad), at: node.location)]))
      }
      values.append(y)
    }
    return .success(values)
  }

  /// Evaluates `graph` with the given input values.
  ///
  /// - Parameter upstream: ∂L/∂(output), of the output's shape, or a number for every
  ///   element; nil for ones.
  /// - Returns: the evaluation, or a diagnostic at the first node whose shapes do not fit,
  ///   whose value leaves the real numbers, or whose gradient is not finite.
  public static func evaluate(
    _ graph: Graph, inputs: [String: Tensor], upstream: Tensor? = nil
  ) -> Result<TensorEvaluation, DiagnosticList> {
    let shapes: [Shape]
    switch ShapeInference.shapes(graph, inputs: inputs.mapValues(\.shape)) {
    case .success(let s): shapes = s
    case .failure(let list): return .failure(list)
    }
    let outputShape = shapes[graph.output]
    // A number seeds every element of a shaped output (ones by default).
    var seed = upstream ?? Tensor(scalar: 1)
    if seed.shape.isScalar { seed = Tensor(repeating: seed.scalar, outputShape) }
    guard seed.shape == outputShape else {
      return failure(
        "'upstream' has the shape \(seed.shape), but the output \(graph.outputName) has "
          + "\(outputShape)", graph[graph.output])
    }
    let values: [Tensor]
    switch Self.values(graph, inputs: inputs) {
    case .success(let v): values = v
    case .failure(let list): return .failure(list)
    }

    var gradients = shapes.map { Tensor(repeating: 0, $0) }
    var edges = [[Tensor]](repeating: [], count: graph.nodes.count)
    gradients[graph.output] = seed
    // The same pass on absolute values: the size of the terms each gradient sums.
    var magnitudes = gradients
    var edgeMagnitudes = edges
    magnitudes[graph.output] = seed.map(Swift.abs)
    for node in graph.nodes.reversed() where !node.inputs.isEmpty {
      let x = node.inputs.map { values[$0] }
      let sent = node.op.tensorRule.backward(x, values[node.id], gradients[node.id], node.parameter)
      // What a node sends back that is not finite is its own doing: said at the node, with
      // the element and its values (a ^ b with an element of a ≤ 0, at the ^).
      if let i = sent.firstIndex(where: { $0.elements.contains { !$0.isFinite } }) {
        return failure(gradientProblem(node, x, values[node.id], input: i), node)
      }
      edges[node.id] = sent
      let sizes = magnitude(node, x, values[node.id], magnitudes[node.id])
      edgeMagnitudes[node.id] = sizes
      for (i, input) in node.inputs.enumerated() {
        for e in sizes[i].elements.indices {
          magnitudes[input].elements[e] += sizes[i].elements[e]
        }
        var total = gradients[input]
        for e in total.elements.indices { total.elements[e] += sent[i].elements[e] }
        if total.elements.contains(where: { !$0.isFinite }) {
          return failure(
            "the gradient flowing back through this node is not a finite number", graph[input])
        }
        gradients[input] = total
      }
    }
    return .success(
      TensorEvaluation(
        graph: graph, values: values, gradients: gradients, edgeGradients: edges, upstream: seed,
        magnitudes: magnitudes, edgeMagnitudes: edgeMagnitudes))
  }

  /// What a node's backward pass sends along each edge, on sizes: its rule on the absolute
  /// values of x, y and the upstream sizes, which for a product, a sum or a function's local
  /// gradient is the sum of the absolute values of its terms. A rule whose terms cancel by
  /// design (softmax's y ⊙ (g − Σ g·y), whose every |∂yⱼ/∂xᵢ| ≤ 1) gets the upstream sizes'
  /// total at every element instead (``TensorRule/cancels``).
  private static func magnitude(_ node: Node, _ x: [Tensor], _ y: Tensor, _ upstream: Tensor)
    -> [Tensor]
  {
    let rule = node.op.tensorRule
    if rule.cancels {
      let total = upstream.elements.reduce(0, +)
      return x.map { Tensor(repeating: total, $0.shape) }
    }
    return rule.backward(x.map { $0.map(Swift.abs) }, y.map(Swift.abs), upstream, node.parameter)
      .map { $0.map { Swift.abs($0) } }
  }

  /// What to say about a value that left the reals at element `e`: for an op that works
  /// element by element, the scalar message for that element's inputs (`log(-1)`).
  private static func problem(_ node: Node, _ values: [Tensor], _ y: Tensor, at e: Int) -> String {
    let place = y.shape.isScalar ? "" : " (element \(e) of \(y.shape))"
    guard node.op.descriptor.tensor == nil, !node.inputs.isEmpty else {
      return "\(node.op.traceName) gives a value that is not a finite number" + place
    }
    let x = node.inputs.map { values[$0].broadcast(to: y.shape).elements[e] }
    return DomainMessage.value(of: node, inputs: x, result: y.elements[e]) + place
  }

  /// What to say about a node that sends back a gradient that is not finite along input
  /// `i`: for an op that works element by element, the scalar message for the first element
  /// whose local gradient is not finite, and where that element is.
  private static func gradientProblem(_ node: Node, _ x: [Tensor], _ y: Tensor, input i: Int)
    -> String
  {
    let generic = "the gradient this node sends back is not a finite number"
    guard node.op.descriptor.tensor == nil else { return generic }
    let spread = x.map { $0.broadcast(to: y.shape).elements }
    for e in y.elements.indices {
      let inputs = spread.map { $0[e] }
      let local = node.op.descriptor.gradients(inputs, y.elements[e], node.parameter)
      if i < local.count, !local[i].isFinite {
        let place = y.shape.isScalar ? "" : " (element \(e) of \(y.shape))"
        return DomainMessage.localGradient(of: node, input: i, inputs: inputs) + place
      }
    }
    return generic
  }

  private static func failure(_ message: String, _ node: Node) -> Result<
    TensorEvaluation, DiagnosticList
  > {
    .failure(DiagnosticList([EngineDiagnostic(message, at: node.location)]))
  }
}
