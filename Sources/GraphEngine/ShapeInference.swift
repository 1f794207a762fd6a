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
    for node in graph.nodes {
      if node.op == .input {
        shapes.append(inputs[node.name ?? ""] ?? .scalar)
        continue
      }
      switch node.op.descriptor.shape(node.inputs.map { shapes[$0] }, node.parameter) {
      case .success(let shape) where shape.count > Limits.tensorElements:
        return .failure(
          DiagnosticList([
            EngineDiagnostic(
              "this value would be \(shape), \(shape.count) elements, more than lessongen's limit of "
                + "\(Limits.tensorElements)", at: node.location)
          ]))
      case .success(let shape): shapes.append(shape)
      case .failure(let mismatch):
        // `X @ W: (3, 2) @ (3, 4): inner sizes 2 and 3 differ`: the operands by name where
        // they have one.
        let operands = node.inputs.map { graph[$0].name ?? "(…)" }
        let name =
          node.op == .matmul
          ? operands.joined(separator: " @ ")
          : node.op.descriptor.call?.name ?? node.op.descriptor.walkthroughName
        return .failure(
          DiagnosticList([EngineDiagnostic(name + ": " + mismatch.message, at: node.location)]))
      }
    }
    return .success(shapes)
  }
}
