extension Graph {
  /// The graph as DLFS draws its layers apart: the layers expanded (affine into MatMul and +,
  /// Softmax-with-Loss into softmax and the cross-entropy error; sigmoid and tanh stay the
  /// layers they are in DLFS's networks), and where + or − combines a row (D) or (1, D) with a batch
  /// (N, D), a Repeat node that makes the row's N copies first — the batch Affine layer's
  /// bias, whose backward pass is then the Repeat's Sum over axis 0 (DLFS 2 §1.3.4). nil when
  /// the shapes do not fit (the caller has already reported that).
  public func expandingForShapes(_ inputs: [String: Shape]) -> Graph? {
    let expanded = expandingComposites { $0.descriptor.tensor != nil }
    guard case .success(let shapes) = ShapeInference.shapes(expanded, inputs: inputs) else {
      return nil
    }
    var nodes: [Node] = []
    var newID = [Node.ID](repeating: 0, count: expanded.nodes.count)
    for node in expanded.nodes {
      var ids = node.inputs.map { newID[$0] }
      let y = shapes[node.id]
      if node.op == .add || node.op == .sub, y.rank == 2, y.dimensions[0] > 1 {
        for (i, input) in node.inputs.enumerated() {
          let s = shapes[input]
          let row = s.rank == 1 || (s.rank == 2 && s.dimensions[0] == 1)
          guard row, s.dimensions.last == y.dimensions[1] else { continue }
          let id = nodes.count
          nodes.append(
            Node(
              id: id, op: .repeatRows, inputs: [ids[i]], parameter: Double(y.dimensions[0]),
              location: node.location, origin: node.origin ?? node.id))
          ids[i] = id
        }
      }
      var copy = node
      copy.id = nodes.count
      copy.inputs = ids
      nodes.append(copy)
      newID[node.id] = copy.id
    }
    return Graph(
      nodes: nodes, output: newID[expanded.output], outputName: expanded.outputName,
      inputs: expanded.inputs.map { newID[$0] })
  }
}
