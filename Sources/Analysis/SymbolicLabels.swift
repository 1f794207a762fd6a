import FormulaWriting
public import GraphEngine

/// The textbooks' symbolic labels of a graph (DLFS Fig. 5-20): each node's value as a
/// formula of the inputs (`x`, `−x`, `exp(−x)`, `1 + exp(−x)`, `y`) and each edge's gradient
/// as upstream × local, lightly tidied (`∂L/∂y`, `−∂L/∂y·y²`, `∂L/∂y·y²exp(−x)`).
///
/// Named nodes are labelled by their name. A value formula longer than
/// ``maximumLength`` characters is replaced by a fresh name (`u1`, `u2`, …) that then labels
/// that node's edges; a gradient formula that long is written ∂L/∂(label of the node).
public struct SymbolicLabels: Sendable {
  /// Longest formula (in Unicode characters) written out in a label.
  public static let maximumLength = 24

  /// The value label of every node.
  public var values: [Formula]
  /// ∂L/∂(node) for every node, as written on its outgoing edges' sum.
  public var gradients: [Formula]
  /// The gradient label of each input edge: `edges[node][i]` for the node's i-th input.
  public var edges: [[Formula]]
  /// The seed: ∂L/∂(output).
  public var seed: Formula
  /// The fresh names given to values too long to write out, with what each stands for
  /// (`u1` = `exp(−(w0·x0 + w1·x1 + w2))`), in order: the legend a figure that uses them
  /// needs.
  public var abbreviations: [(name: Formula, value: Formula)] = []

  /// - Parameters:
  ///   - loss: the name of what is differentiated (`L`; colah writes the output's name).
  ///   - seed: the gradient at the output; `∂loss/∂(output)` unless given (a seed of 1 gives
  ///     the local gradients' product itself, `y²exp(−x)`).
  ///   - longest: the longest value formula written out (``maximumLength`` unless given;
  ///     colah names every longer intermediate, as its article names c = a + b).
  ///   - names: labels whose short names these must agree with (the walk-through's, when a
  ///     figure names more values than it does): no node gets one of their names but, when
  ///     they label this very graph (`sameGraph`), a node they gave that short name.
  public init(
    _ graph: Graph, loss: String = "L", seed given: Formula? = nil,
    longest: Int = SymbolicLabels.maximumLength, agreeingWith names: SymbolicLabels? = nil,
    sameGraph: Bool = false
  ) {
    var used = Set(graph.nodes.compactMap(\.name))
    let named = names?.abbreviations.map(\.name) ?? []
    for case .symbol(let name) in named { used.insert(name) }
    let sameGraph = sameGraph && names?.values.count == graph.nodes.count
    var fresh = 0
    func freshName() -> Formula {
      repeat { fresh += 1 } while used.contains("u\(fresh)")
      used.insert("u\(fresh)")
      return .symbol("u\(fresh)")
    }

    var values: [Formula] = []
    var abbreviations: [(name: Formula, value: Formula)] = []
    for node in graph.nodes {
      let a = node.inputs.map { values[$0] }
      let formula: Formula
      if let name = node.name {
        formula = .symbol(name)
      } else {
        formula = Self.value(of: node, operands: a).tidied()
      }
      if formula.unicode().count > longest {
        let kept = sameGraph ? names?.values[node.id] : nil
        let name = kept.flatMap { named.contains($0) ? $0 : nil } ?? freshName()
        abbreviations.append((name, formula))
        values.append(name)
      } else {
        values.append(formula)
      }
    }

    let seed = given ?? Formula.derivative(of: .symbol(loss), withRespectTo: values[graph.output])
    var gradients = [Formula](repeating: 0, count: graph.nodes.count)
    var edges = graph.nodes.map { [Formula](repeating: 0, count: $0.inputs.count) }
    var terms = [[Formula]](repeating: [], count: graph.nodes.count)
    gradients[graph.output] = seed
    for node in graph.nodes.reversed() {
      if node.id != graph.output {
        let parts = terms[node.id]
        // Eight terms or more cannot fit in the label (each is at least one character, with
        // " + " between): a wide fan-out is never summed into a formula as deep as it is wide.
        var g = Formula.derivative(of: .symbol(loss), withRespectTo: values[node.id])
        if let first = parts.first, parts.count < 8 {
          let sum = parts.dropFirst().reduce(first) { Formula.sum($0, $1) }.tidied()
          if sum.unicode().count <= Self.maximumLength { g = sum }
        }
        gradients[node.id] = g
      }
      let operands = node.inputs.map { values[$0] }
      for (i, local) in node.op.symbolicLocalGradients(parameter: node.parameter).enumerated() {
        var label = Formula.product([gradients[node.id], local.preferred])
          .substituting(operands: operands, result: values[node.id]).tidied()
        if label.unicode().count > Self.maximumLength + 8 {
          label = .derivative(of: .symbol(loss), withRespectTo: values[node.inputs[i]])
        }
        edges[node.id][i] = label
        terms[node.inputs[i]].append(label)
      }
    }
    self.values = values
    self.abbreviations = abbreviations
    self.gradients = gradients
    self.edges = edges
    self.seed = seed
  }

  /// The value of a node as a formula of its operands' labels.
  public static func value(of node: Node, operands a: [Formula]) -> Formula {
    node.op == .input
      ? .symbol(node.name ?? "?") : node.op.descriptor.value(a, node.parameter)
  }
}
