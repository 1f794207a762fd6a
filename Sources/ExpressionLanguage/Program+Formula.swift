public import GraphEngine

extension Program {
  /// The formula a statement's expression writes, built bottom-up over the arena (no
  /// recursion on the expression's size). Signs on numbers fold (`-1` is the number −1).
  ///
  /// Returns nil when the formula would be more than `maximumDepth` levels deep (a long
  /// chain `x + x + … + x` is as deep as it has terms): formulas are written and typeset by
  /// recursion, so a deeper one is never built.
  public func formula(of root: Expression.ID, maximumDepth: Int = Limits.formulaDepth)
    -> Formula?
  {
    var built = [Int: Formula]()
    var depth = [Int: Int]()
    // The arena is in post-order: every operand before its user.
    var first = root
    var pending = [root]
    while let e = pending.popLast() {
      first = Swift.min(first, e)
      switch self[e].kind {
      case .unary(_, let a): pending.append(a)
      case .binary(_, let a, let b): pending.append(contentsOf: [a, b])
      case .call(_, let args): pending.append(contentsOf: args)
      case .number, .variable: break
      }
    }
    for e in first...root {
      let operands: [Expression.ID]
      switch self[e].kind {
      case .unary(_, let a): operands = [a]
      case .binary(_, let a, let b): operands = [a, b]
      case .call(_, let args): operands = args
      case .number, .variable: operands = []
      }
      let level = 1 + operands.reduce(0) { Swift.max($0, depth[$1] ?? 0) }
      if level > maximumDepth { return nil }
      depth[e] = level
      let f: Formula
      switch self[e].kind {
      case .number(let v): f = .number(v)
      case .variable(let name): f = .symbol(name)
      case .unary(.plus, let a): f = built[a] ?? 0
      case .unary(.negate, let a):
        if case .number(let v)? = built[a] { f = .number(-v) } else { f = .negate(built[a] ?? 0) }
      case .binary(let op, let a, let b):
        let (x, y) = (built[a] ?? 0, built[b] ?? 0)
        switch op {
        case .add: f = .sum(x, y)
        case .subtract: f = .difference(x, y)
        case .multiply: f = .product([x, y])
        case .divide: f = .quotient(x, y)
        case .power: f = .power(x, y)
        case .matrixProduct: f = .call(op.op, [x, y])
        }
      case .call(let function, let args):
        // keepdims=true: the parser's mark after the axis (``Parser``).
        let written = args.enumerated().map { i, a in
          i > function.arity ? Formula.symbol("keepdims") : built[a] ?? 0
        }
        f = .call(function, written)
      }
      built[e] = f
    }
    return built[root] ?? 0
  }
}
