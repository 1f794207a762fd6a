public import GraphEngine

/// Turns a parsed ``Program`` into a ``Graph``, checking the names.
///
/// The expression arena is in post-order (every operand before its user), so one forward
/// sweep per statement builds the nodes without recursion. Folding is limited to what the
/// textbooks draw as one thing: a signed number (`-1`) is one constant, a constant exponent
/// makes `x^2` a unary `powConst` node, and `1/e` is the unary reciprocal node `/`.
public struct GraphBuilder {
  /// A name given under `inputs`, with where it was written.
  public struct InputName: Sendable {
    public var name: String
    public var location: SourceLocation

    public init(_ name: String, at location: SourceLocation) {
      self.name = name
      self.location = location
    }
  }

  private let program: Program
  private let inputNames: [InputName]
  private var nodes: [Node] = []
  private var nodeOf: [Int?]
  private var diagnostics: [EngineDiagnostic] = []
  /// Where the graph passed ``Limits/nodes``: the node that was one too many.
  private var overflow: SourceLocation?

  public static func build(_ program: Program, inputs: [InputName]) -> Result<
    Graph, DiagnosticList
  > {
    var builder = GraphBuilder(program: program, inputs: inputs)
    return builder.run()
  }

  private init(program: Program, inputs: [InputName]) {
    self.program = program
    self.inputNames = inputs
    self.nodeOf = Array(repeating: nil, count: program.expressions.count)
  }

  private mutating func run() -> Result<Graph, DiagnosticList> {
    let literal = literalValues()
    let absorbed = absorbedExpressions(literal)
    var assigned: [String: (node: Node.ID, at: SourceLocation)] = [:]
    var firstAssignment: [String: SourceLocation] = [:]
    for statement in program.statements where firstAssignment[statement.name] == nil {
      firstAssignment[statement.name] = statement.nameRange.start
    }
    let inputLocation = Dictionary(
      inputNames.map { ($0.name, $0.location) }, uniquingKeysWith: { a, _ in a })
    var inputNode: [String: Node.ID] = [:]
    var inputOrder: [Node.ID] = []
    var reportedNames: Set<String> = []
    // Names whose statement had an error: uses of them are not reported again.
    var broken: Set<String> = []

    var start = 0
    for statement in program.statements {
      for e in start...statement.root where !absorbed[e] {
        // Past the node limit: stop building (the memory and the time stay bounded).
        if overflow != nil { break }
        let expression = program[e]
        let at = expression.range.start
        if let value = literal[e], isSignedNumber(e) {
          nodeOf[e] = add(.constant, [], parameter: value, at: at)
          continue
        }
        switch expression.kind {
        case .number(let value):
          nodeOf[e] = add(.constant, [], parameter: value, at: at)
        case .variable(let name):
          if let binding = assigned[name] {
            nodeOf[e] = binding.node
          } else if broken.contains(name) {
            continue
          } else if let later = firstAssignment[name] {
            if reportedNames.insert(name).inserted {
              let message =
                name == statement.name
                ? "'\(name)' refers to itself; a statement can use only inputs and names "
                  + "assigned before it"
                : "'\(name)' is used before it is assigned (at line \(later.line))"
              diagnostics.append(EngineDiagnostic(message, at: at))
            }
          } else if inputLocation[name] != nil {
            if let id = inputNode[name] {
              nodeOf[e] = id
            } else {
              let id = add(.input, [], name: name, at: at)
              inputNode[name] = id
              inputOrder.append(id)
              nodeOf[e] = id
            }
          } else if reportedNames.insert(name).inserted {
            diagnostics.append(
              EngineDiagnostic(
                "'\(name)' has no value: give it one under 'inputs' or assign it first", at: at))
          }
        case .unary(.plus, let a):
          nodeOf[e] = nodeOf[a]
        case .unary(.negate, let a):
          nodeOf[e] = unary(.neg, a, at: at)
        case .binary(let op, let a, let b):
          switch op {
          case .add, .subtract, .matrixProduct, .multiply: nodeOf[e] = binary(op.op, a, b, at: at)
          case .divide:
            nodeOf[e] = absorbed[a] ? unary(.recip, b, at: at) : binary(.div, a, b, at: at)
          case .power:
            if let k = literal[b] {
              nodeOf[e] = unary(.powConst, a, parameter: k, at: at)
            } else {
              nodeOf[e] = binary(.pow, a, b, at: at)
            }
          }
        case .call(let function, let args) where args.count > function.arity:
          // sum(x, k), repeat(x, n): the argument after x is the node's parameter; a third,
          // the parser's mark of keepdims=true (``Parser``).
          guard let k = parameter(function, args, literal) else { continue }
          if let x = nodeOf[args[0]] { nodeOf[e] = add(function, [x], parameter: k, at: at) }
        case .call(let function, let args):
          let ids = args.compactMap { nodeOf[$0] }
          if ids.count == args.count {
            // softmax(x): the last axis; logsumexp(x): every axis.
            let k = function.descriptor.axis?.absent ?? 0
            nodeOf[e] = add(function, ids, parameter: k, at: at)
          }
        }
      }
      start = statement.root + 1
      let at = statement.nameRange.start
      if let previous = assigned[statement.name] {
        diagnostics.append(
          EngineDiagnostic(
            "'\(statement.name)' is assigned twice (first at line \(previous.at.line))", at: at))
        continue
      }
      if let location = inputLocation[statement.name] {
        diagnostics.append(
          EngineDiagnostic(
            "'\(statement.name)' is computed here, so it cannot also be given under 'inputs' "
              + "(line \(location.line))", at: at))
      }
      if let id = nodeOf[statement.root] {
        assigned[statement.name] = (id, at)
        if nodes[id].name == nil { nodes[id].name = statement.name }
      } else {
        broken.insert(statement.name)
      }
    }

    if let at = overflow {
      diagnostics.append(
        EngineDiagnostic(
          "the graph has more than \(Limits.nodes) nodes here, lessongen's limit for one "
            + "lesson; split the function into several lessons", at: at))
      return .failure(DiagnosticList(diagnostics.sorted { $0.location < $1.location }))
    }
    for input in inputNames where inputNode[input.name] == nil && assigned[input.name] == nil {
      if firstAssignment[input.name] == nil {
        diagnostics.append(
          EngineDiagnostic(
            "input '\(input.name)' is never used by the function", at: input.location))
      }
    }

    guard diagnostics.isEmpty, let last = program.statements.last,
      let output = nodeOf[last.root]
    else {
      return .failure(DiagnosticList(diagnostics.sorted { $0.location < $1.location }))
    }
    checkUnused(assigned: assigned, output: output, outputName: last.name)
    if !diagnostics.isEmpty {
      return .failure(DiagnosticList(diagnostics.sorted { $0.location < $1.location }))
    }
    return .success(Graph(nodes: nodes, output: output, outputName: last.name, inputs: inputOrder))
  }

  /// Every intermediate must feed the output.
  private mutating func checkUnused(
    assigned: [String: (node: Node.ID, at: SourceLocation)], output: Node.ID, outputName: String
  ) {
    var reachable = [Bool](repeating: false, count: nodes.count)
    reachable[output] = true
    for id in stride(from: output, through: 0, by: -1) where reachable[id] {
      for input in nodes[id].inputs { reachable[input] = true }
    }
    for (name, binding) in assigned where !reachable[binding.node] {
      diagnostics.append(
        EngineDiagnostic(
          "'\(name)' is assigned but never used; the output is '\(outputName)', "
            + "assigned by the last statement", at: binding.at))
    }
    diagnostics.sort { $0.location < $1.location }
  }

  // MARK: Folding

  /// The value of every expression made only of numbers and arithmetic, as a
  /// constant exponent may be (`x^(1/2)`, `x^-1`).
  private func literalValues() -> [Double?] {
    var value = [Double?](repeating: nil, count: program.expressions.count)
    for (e, expression) in program.expressions.enumerated() {
      switch expression.kind {
      case .number(let v): value[e] = v
      case .unary(.plus, let a): value[e] = value[a]
      case .unary(.negate, let a): value[e] = value[a].map { -$0 }
      case .binary(let op, let a, let b):
        guard let x = value[a], let y = value[b] else { continue }
        let v: Double
        switch op {
        case .add: v = x + y
        case .subtract: v = x - y
        case .multiply: v = x * y
        case .divide: v = x / y
        case .power: v = Math.pow(x, y)
        case .matrixProduct: continue
        }
        value[e] = v.isFinite ? v : nil
      case .variable, .call: continue
      }
    }
    return value
  }

  /// A number with any signs in front: `3`, `-1`, `- -2`.
  private func isSignedNumber(_ e: Int) -> Bool {
    var e = e
    while true {
      switch program[e].kind {
      case .number: return true
      case .unary(_, let a): e = a
      default: return false
      }
    }
  }

  /// Expressions that become no node of their own: the parts of a signed number, a
  /// constant exponent, and the `1` of `1/e`. Parents come after children in the arena,
  /// so one backward sweep marks whole subtrees.
  private func absorbedExpressions(_ literal: [Double?]) -> [Bool] {
    var absorbed = [Bool](repeating: false, count: program.expressions.count)
    for e in program.expressions.indices.reversed() {
      switch program[e].kind {
      case .unary(_, let a):
        if absorbed[e] || isSignedNumber(e) { absorbed[a] = true }
      case .binary(let op, let a, let b):
        if absorbed[e] {
          absorbed[a] = true
          absorbed[b] = true
        } else if op == .power, literal[b] != nil {
          absorbed[b] = true
        } else if op == .divide, literal[a] == 1, isSignedNumber(a), literal[b] == nil {
          absorbed[a] = true
        }
      case .call(let function, let args):
        if absorbed[e] {
          for a in args { absorbed[a] = true }
        } else if args.count > function.arity {
          for a in args[function.arity...] where literal[a] != nil { absorbed[a] = true }
        }
      case .number, .variable:
        continue
      }
    }
    return absorbed
  }

  /// The parameter of a call written with one, `sum(x, k)` or `repeat(x, n)` (with
  /// keepdims=true, `args` ends with the parser's mark): a number written in the call, and
  /// for an axis a whole number below ``AxisParameter/largestAxis``; nil after reporting
  /// why not.
  private mutating func parameter(_ function: Op, _ args: [Int], _ literal: [Double?]) -> Double? {
    let written = args[function.arity]
    let at = program[written].range.start
    guard let k = literal[written] else {
      diagnostics.append(
        EngineDiagnostic(
          "the last argument of \(function.descriptor.walkthroughName.lowercased()) "
            + "must be a number written here (an axis or a count)", at: at))
      return nil
    }
    guard function.descriptor.axis != nil else { return k }
    guard k == k.rounded(), Swift.abs(k) < Double(AxisParameter.largestAxis) else {
      diagnostics.append(
        EngineDiagnostic(
          "\(NumberFormat.shortest(significantDigits: 6).format(k)) is not an axis: an axis is a "
            + "whole number, 0 for the rows, 1 for the columns, -1 for the last", at: at))
      return nil
    }
    return AxisParameter(axis: Int(k), keepsDims: args.count > function.arity + 1).parameter
  }

  // MARK: Nodes

  private mutating func add(
    _ op: Op, _ inputs: [Node.ID], parameter: Double = 0, name: String? = nil,
    at location: SourceLocation
  ) -> Node.ID {
    let id = nodes.count
    if id == Limits.nodes { overflow = location }
    nodes.append(
      Node(id: id, op: op, inputs: inputs, parameter: parameter, name: name, location: location))
    return id
  }

  private mutating func unary(
    _ op: Op, _ a: Int, parameter: Double = 0, at location: SourceLocation
  ) -> Node.ID? {
    guard let x = nodeOf[a] else { return nil }
    return add(op, [x], parameter: parameter, at: location)
  }

  private mutating func binary(_ op: Op, _ a: Int, _ b: Int, at location: SourceLocation)
    -> Node.ID?
  {
    guard let x = nodeOf[a], let y = nodeOf[b] else { return nil }
    return add(op, [x, y], at: location)
  }
}
