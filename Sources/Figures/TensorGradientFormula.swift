import FormulaWriting
import GraphEngine

/// The gradient an op sends back to one of its inputs, written as DLFS writes it beside its
/// Affine layer (Fig. 5-25): ∂L/∂X = ∂L/∂Y·Wᵀ, ∂L/∂W = Xᵀ·∂L/∂Y, the bias's
/// sum(∂L/∂Y, 0), Softmax-with-Loss's y − t. The formulas are the vector–Jacobian products
/// of ``GraphEngine/TensorRule``, in the lesson's names, as Pango markup:
///
/// - `X @ W`: ∂L/∂X = G·Wᵀ, ∂L/∂W = Xᵀ·G (G = ∂L/∂Y, the node's upstream gradient); a
///   matrix times a vector, `W @ v`: G·vᵀ and Wᵀ·G;
/// - an element-by-element op: G ⊙ ∂y/∂xᵢ (the Hadamard product; `·` when one side is a
///   number), from the op's scalar rule in the form the textbooks prefer (y(1 − y) for σ);
/// - a broadcast input (the bias): that, summed over the stretched axes, `sum(G, 0)`;
/// - `sum(x)`: G·𝟏, every element; `sum(X, 0)`: repeat(G, N); `repeat(x, N)`: sum(G, 0);
///   `mean(x)`: G·𝟏/n;
/// - `cross_entropy(y, t)`: −t/(N·y); `softmax_with_loss(a, t)`: (softmax(a) − t)/N;
///   `affine(X, W, b)`: G·Wᵀ, Xᵀ·G and the bias's sum.
///
/// Nil where no short formula says it (softmax's own backward pass, a sum over another axis,
/// an operand with no short name): the label then gives the gradient's name alone.
struct TensorGradientFormula {
  let graph: Graph
  /// Each node's value's shape.
  let shapes: [Shape]
  /// A node's name on the figure as markup (its name, a constant's number, a short formula
  /// of its operands' names), or nil.
  let name: (Node.ID) -> String?
  /// The nodes whose rows are a batch (``TensorFigure/batchRows(_:shapes:)``): their row
  /// count is written N.
  var batch: Set<Node.ID> = []

  /// ∂L/∂L, the loss's own gradient (1), as markup.
  static let lossGradient = "∂<i>L</i>/∂<i>L</i>"

  /// The longest formula written, in characters of its plain text.
  static let longest = 30

  /// The gradient `node` sends to its input `i`, given its upstream gradient's name `g`
  /// (markup, `∂<i>L</i>/∂<i>Y</i>`).
  func text(_ node: Node, input i: Int, upstream g: String) -> String? {
    guard var written = formula(node, input: i, upstream: g) else { return nil }
    // The loss's own gradient ∂L/∂L is 1: a factor not written.
    let one = Self.lossGradient
    written = written.replacing(one + "·", with: "").replacing(one + " ⊙ ", with: "")
    return PangoMarkupDialect.plainText(written).count <= Self.longest ? written : nil
  }

  private func formula(_ node: Node, input i: Int, upstream g: String) -> String? {
    let inputs = node.inputs
    let out = shapes[node.id]
    func shape(_ k: Int) -> Shape { shapes[inputs[k]] }
    switch node.op {
    case .matmul, .affine:
      if node.op == .affine && i == 2 { return reduced(g, from: out, to: shape(2)) }
      guard let a = factor(inputs[0]), let b = factor(inputs[1]) else { return nil }
      let (left, right) = (shape(0), shape(1))
      if left.rank == 1 && right.rank == 1 {
        return i == 0 ? g + "·" + b : g + "·" + a  // A dot product: y is a number.
      }
      // The same for a matrix times a vector (G·vᵀ is then an outer product).
      return i == 0 ? g + "·" + b + "ᵀ" : a + "ᵀ·" + g
    case .sum:
      return g + "·<b>1</b>"
    case .sumAxis:
      let axis = Int(node.parameter)
      if shape(0).rank == 1 { return g + "·<b>1</b>" }
      guard axis == 0 else { return nil }
      return "repeat(" + g + ", " + rowCount(inputs[0]) + ")"
    case .mean:
      return g + "·<b>1</b>/\(shape(0).count)"
    case .repeatRows:
      return reduced(g, from: out, to: Shape([out.dimensions.last ?? 1]))
    case .crossEntropy:
      guard i == 0, let y = factor(inputs[0]), let plain = name(inputs[0]),
        let t = factor(inputs[1])
      else { return nil }
      let rows = rowCount(inputs[0])
      // −t/(N·y): a sum or difference in parentheses, a call (softmax(a)) as it is.
      let call = !PangoMarkupDialect.plainText(plain).contains(" ")
      let scaled = rows == "1" ? y : "(" + rows + "·" + (call ? plain : y) + ")"
      let local = "−" + t + "/" + scaled
      return g == Self.lossGradient ? local : g + "·(" + local + ")"
    case .softmaxWithLoss:
      guard i == 0, let a = name(inputs[0]), let t = factor(inputs[1]) else { return nil }
      let rows = rowCount(inputs[0])
      let difference = "softmax(" + a + ") − " + t
      let local = rows == "1" ? difference : "(" + difference + ")/" + rows
      return g + "·" + local
    case _ where node.op.descriptor.tensor != nil:
      return nil
    default:
      return elementwise(node, input: i, upstream: g)
    }
  }

  /// G ⊙ ∂y/∂xᵢ from the op's scalar rule, summed over the axes broadcasting stretched.
  private func elementwise(_ node: Node, input i: Int, upstream g: String) -> String? {
    let rules = node.op.descriptor.rules(node.parameter)
    guard i < rules.count else { return nil }
    let local = rules[i].preferred
    // The operands and the result the rule uses, by their names or formulas (the length
    // limit drops what grows too long).
    let written = local.substituting(
      operands: node.inputs.map { value($0) }, result: value(node.id)
    ).tidied()
    let gradient: String
    switch written {
    case .number(1): gradient = g
    case .number(-1): gradient = "−" + g
    default:
      var text = LinearFormulaWriter<PangoMarkupDialect>(
        numbers: .shortest(significantDigits: 6)
      ).write(written)
      switch written {
      case .sum, .difference, .negate: text = "(" + text + ")"
      default: break
      }
      let tensors = !shapes[node.id].isScalar && !isScalar(written)
      gradient = g + (tensors ? " ⊙ " : "·") + text
    }
    return reduced(gradient, from: shapes[node.id], to: shapes[node.inputs[i]])
  }

  /// A node's value as a formula: its name, a constant's number, else its op's formula of
  /// its operands' (two levels deep, then `…`, which the length limit drops).
  private func value(_ id: Node.ID, depth: Int = 0) -> Formula {
    let node = graph[id]
    if node.op == .constant { return .number(node.parameter) }
    if let name = node.name { return .symbol(name) }
    guard depth < 2 else { return .symbol(String(repeating: "…", count: Self.longest)) }
    return node.op.descriptor.value(node.inputs.map { value($0, depth: depth + 1) }, node.parameter)
  }

  /// Whether a local gradient is the same at every element: a number, or a formula of inputs
  /// that are numbers.
  private func isScalar(_ f: Formula) -> Bool {
    var scalar = true
    _ = f.map { leaf in
      if case .symbol(let symbol) = leaf,
        let id = graph.nodes.first(where: { $0.name == symbol })?.id,
        !shapes[id].isScalar
      {
        scalar = false
      }
      return leaf
    }
    return scalar
  }

  /// `text` summed over the axes along which `input` was stretched to `output`'s shape
  /// (numpy's broadcasting: missing leading axes and axes of size 1).
  private func reduced(_ text: String, from output: Shape, to input: Shape) -> String {
    guard output != input else { return text }
    if input.isScalar { return "sum(" + text + ")" }
    let lead = output.rank - input.rank
    var axes = Array(0..<max(0, lead))
    for (k, size) in input.dimensions.enumerated()
    where size == 1 && output.dimensions[lead + k] != 1 {
      axes.append(lead + k)
    }
    let written =
      axes.count == 1 ? "\(axes[0])" : "(" + axes.map(String.init).joined(separator: ", ") + ")"
    return "sum(" + text + ", " + written + ")"
  }

  /// How many rows a value has: N for a batch's, 1 for a vector.
  private func rowCount(_ id: Node.ID) -> String {
    guard shapes[id].rank == 2 else { return "1" }
    return batch.contains(id) ? "<i>N</i>" : String(shapes[id].dimensions[0])
  }

  /// A node's name as a factor of a product: a formula in parentheses.
  private func factor(_ id: Node.ID) -> String? {
    guard let written = name(id) else { return nil }
    let node = graph[id]
    return node.name != nil || node.op == .constant || node.op == .input
      ? written : "(" + written + ")"
  }
}
