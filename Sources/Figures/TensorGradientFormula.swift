import Analysis
import FormulaWriting
import GraphEngine

/// The gradient an op sends back to one of its inputs, written as DLFS writes it beside its
/// Affine layer (Fig. 5-25): ∂L/∂X = ∂L/∂Y·Wᵀ, ∂L/∂W = Xᵀ·∂L/∂Y, the bias's
/// sum(∂L/∂Y, 0), Softmax-with-Loss's (softmax(a) − t)/N.
///
/// The formula is the op's own (``GraphEngine/TensorRule/formulas``, the walk-through writes
/// the same one), set in the figure's names as Pango markup: each operand by its name on the
/// wire (or its formula, two levels deep), ∂L/∂Y by the node's name, a batch's rows as N.
/// The loss's own gradient ∂L/∂L is 1, a factor not written. Nil where the op has no short
/// formula (softmax's own backward pass, a sum over another axis) or it grows longer than
/// ``longest``: the label then gives the gradient's name alone.
struct TensorGradientFormula {
  let graph: Graph
  /// Each node's value's shape.
  let shapes: [Shape]
  /// A node's name on the figure (its name, a constant's number, a short formula of its
  /// operands' names), or nil.
  let name: (Node.ID) -> Formula?
  /// The nodes whose rows are a batch (``TensorFigure/batchRows(_:shapes:)``): their row
  /// count is written N.
  var batch: Set<Node.ID> = []
  /// How the count each mean divides by is written (``TensorFigure/Builder/counts``): n, or
  /// a batch's N; a node not here writes its number.
  var counts: [Node.ID: Formula] = [:]

  /// The longest formula written, in characters of its plain text.
  static let longest = 30

  /// The gradient `node` sends to its input `i`, as markup. Pre: the node has a name on the
  /// figure (its upstream gradient is written ∂L/∂ of it).
  func text(_ node: Node, input i: Int) -> String? {
    let inputs = node.inputs
    var context = GradientShapes(
      inputs: inputs.map { shapes[$0] }, output: shapes[node.id], k: node.parameter,
      rows: inputs.map(rowCount))
    context.count = counts[node.id]
    guard let own = name(node.id),
      let written = node.op.tensorRule.formula(
        input: i, context, operands: inputs.map { value($0) }, result: value(node.id),
        upstream: .derivative(of: .symbol("L"), withRespectTo: own),
        upstreamIsOne: own == .symbol("L"))
    else { return nil }
    let markup = LinearFormulaWriter<PangoMarkupDialect>(
      numbers: .shortest(significantDigits: 6)
    ).write(written)
    return PangoMarkupDialect.plainText(markup).count <= Self.longest ? markup : nil
  }

  /// A node as a formula: its name on the figure, a constant's number, else its op's formula
  /// of its operands' (two levels deep, then `…`, which the length limit drops).
  private func value(_ id: Node.ID, depth: Int = 0) -> Formula {
    let node = graph[id]
    if node.op == .constant { return .number(node.parameter) }
    if let name = name(id) { return name }
    guard depth < 2 else { return .symbol(String(repeating: "…", count: Self.longest)) }
    return graph.valueFormula(
      id, operands: node.inputs.map { value($0, depth: depth + 1) }, shapes: shapes)
  }

  /// How many rows a value has: N for a batch's, 1 for a vector.
  private func rowCount(_ id: Node.ID) -> Formula {
    guard shapes[id].rank == 2 else { return 1 }
    return batch.contains(id) ? .symbol("N") : .number(Double(shapes[id].dimensions[0]))
  }
}
