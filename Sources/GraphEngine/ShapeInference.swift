/// Every node's shape, from the inputs' shapes through each op's ``OpDescriptor/shape`` rule,
/// in graph order; the first op whose inputs do not fit is a located error naming the shapes.
///
/// ``TensorEvaluator`` runs it before anything is evaluated.
public enum ShapeInference {
  public static func shapes(_ graph: Graph, inputs: [String: Shape] = [:]) -> Result<
    [Shape], DiagnosticList
  > {
    var shapes: [Shape] = []
    shapes.reserveCapacity(graph.nodes.count)
    // The work the lesson asks for, added up node by node: checked here, from the shapes
    // alone, so a lesson over the budget is refused before a number is computed.
    var held = 0
    var multiplyAdds = 0
    func refuse(_ message: String, _ node: Node) -> Result<[Shape], DiagnosticList> {
      .failure(DiagnosticList([EngineDiagnostic(message, at: node.location)]))
    }
    for node in graph.nodes {
      if node.op == .input {
        let shape = inputs[node.name ?? ""] ?? .scalar
        shapes.append(shape)
        held += shape.count
        continue
      }
      let operands = node.inputs.map { shapes[$0] }
      if node.op.multipliesMatrices, operands.count >= 2, operands[0].rank >= 1,
        operands[0].dimensions.last == operands[1].dimensions.first, operands[1].count > 0
      {
        // m·k·n = (m·k)·(k·n)/k; forward once, backward twice.
        let k = Swift.max(operands[1].dimensions[0], 1)
        let cost = operands[0].count.multipliedReportingOverflow(by: operands[1].count / k)
        multiplyAdds += cost.overflow ? Int.max / 4 : Swift.min(3 * cost.partialValue, Int.max / 4)
        if multiplyAdds > Limits.tensorMultiplyAdds {
          let names = node.inputs.map { graph[$0].name ?? "(…)" }.joined(separator: " @ ")
          return refuse(
            "\(names): \(operands[0]) @ \(operands[1]) brings the lesson's matrix products to "
              + "\(grouped(multiplyAdds)) multiply-adds forward and backward; lessongen's limit "
              + "is \(grouped(Limits.tensorMultiplyAdds)) (use smaller matrices: a lesson "
              + "shows the rule on a few numbers)", node)
        }
      }
      switch node.op.descriptor.shape(operands, node.parameter) {
      case .success(let shape) where shape.count > Limits.tensorElements:
        return .failure(
          DiagnosticList([
            EngineDiagnostic(
              "this value would be \(shape), \(shape.count) elements, more than lessongen's limit of "
                + "\(Limits.tensorElements)", at: node.location)
          ]))
      case .success(let shape):
        shapes.append(shape)
        // Its value, and what it sends back along each input (an input's shape each): a
        // value summed 300 times sends 300 gradients of its size back, all kept and traced.
        held += shape.count + operands.reduce(0) { $0 + $1.count }
        if held > Limits.tensorElementsInAll {
          return refuse(
            "this node, \(shape) from \(operands.map(\.description).joined(separator: ", ")), "
              + "brings the numbers the lesson holds (every value and what each node sends "
              + "back) to \(grouped(held)); lessongen's limit is "
              + "\(grouped(Limits.tensorElementsInAll)) (use smaller vectors and matrices)", node)
        }
      case .failure(let mismatch):
        // `X @ W: (3, 2) @ (3, 4): inner sizes 2 and 3 differ`: the operands by name where
        // they have one.
        let operands = node.inputs.map { graph[$0].name ?? "(…)" }
        // An operator's operands around its sign (`X @ W`), a function by its name.
        let descriptor = node.op.descriptor
        let name =
          descriptor.call == nil && node.op.multipliesMatrices
          ? operands.joined(separator: " " + descriptor.symbol("").gate + " ")
          : descriptor.call?.name ?? descriptor.walkthroughName
        return .failure(
          DiagnosticList([EngineDiagnostic(name + ": " + mismatch.message, at: node.location)]))
      }
    }
    return .success(shapes)
  }
}

/// `1234567` as `1,234,567`.
private func grouped(_ n: Int) -> String {
  let digits = Array(String(n))
  var text = ""
  for (i, d) in digits.enumerated() {
    if i > 0 && (digits.count - i) % 3 == 0 { text += "," }
    text.append(d)
  }
  return text
}
