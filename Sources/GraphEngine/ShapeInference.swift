/// Every node's shape, from the inputs' shapes through each op's ``OpDescriptor/shape`` rule,
/// in graph order; the first op whose inputs do not fit is a located error naming the shapes.
///
/// Today every value is a number, so every shape is `()`; this pass is where shaped inputs
/// (vectors and matrices in `inputs:`) will be checked before anything is evaluated.
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
      case .success(let shape): shapes.append(shape)
      case .failure(let mismatch):
        let name = node.op.descriptor.call?.name ?? node.op.descriptor.walkthroughName
        return .failure(
          DiagnosticList([EngineDiagnostic(name + ": " + mismatch.message, at: node.location)]))
      }
    }
    return .success(shapes)
  }
}
