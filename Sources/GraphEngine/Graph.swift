/// A computational graph: nodes in topological order (every node after its inputs).
public struct Graph: Sendable {
  public var nodes: [Node]
  /// The node whose value is the function's output.
  public var output: Node.ID
  /// The output's name (the name assigned by the last statement).
  public var outputName: String
  /// The free variables, in the order they were first used.
  public var inputs: [Node.ID]

  public init(nodes: [Node], output: Node.ID, outputName: String, inputs: [Node.ID]) {
    self.nodes = nodes
    self.output = output
    self.outputName = outputName
    self.inputs = inputs
  }

  public subscript(id: Node.ID) -> Node { nodes[id] }

  /// For each node, the ids of the nodes that use it, in graph order.
  public var consumers: [[Node.ID]] {
    var result = [[Node.ID]](repeating: [], count: nodes.count)
    for node in nodes {
      for input in node.inputs where result[input].last != node.id {
        result[input].append(node.id)
      }
    }
    return result
  }

  /// A unique, stable id for the trace JSON: the node's name, or `#n` for an unnamed node
  /// (`#` cannot start a name, so the two never collide).
  public func traceID(_ id: Node.ID) -> String {
    nodes[id].name ?? "#\(id)"
  }
}

/// One operation in a ``Graph``.
public struct Node: Sendable {
  public typealias ID = Int

  public var id: ID
  public var op: Op
  public var inputs: [ID]
  /// The value of a constant, or the exponent k of `powConst`; 0 otherwise.
  public var parameter: Double
  /// The variable's name, or the statement name the node's value was assigned to.
  public var name: String?
  /// Where the node comes from in the lesson: the operator, call or name.
  public var location: SourceLocation
  /// For a node made by expanding a composite, the id of that composite in the graph it
  /// was expanded from.
  public var origin: ID?

  public init(
    id: ID, op: Op, inputs: [ID], parameter: Double = 0, name: String? = nil,
    location: SourceLocation, origin: ID? = nil
  ) {
    self.id = id
    self.op = op
    self.inputs = inputs
    self.parameter = parameter
    self.name = name
    self.location = location
    self.origin = origin
  }
}
