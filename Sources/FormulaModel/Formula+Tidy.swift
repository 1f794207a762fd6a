extension Formula {
  /// Light algebraic tidying, the kind a textbook does without comment:
  /// −(−a) = a, 1·a = a, 0·a = 0, a + 0 = a, a − (−b) = a + b, a¹ = a, a⁰ = 1, numeric
  /// factors multiplied together and put first (after a leading upstream gradient), signs of
  /// factors pulled out front, and
  /// nested products flattened, 1 ⊙ a = a·1 = a, (Aᵀ)ᵀ = A. It never expands, reorders
  /// symbols or cancels terms.
  public func tidied() -> Formula {
    switch self {
    case .number, .symbol, .operand, .result, .upstream, .derivative, .blank, .ones:
      return self
    case .hadamard(let a, let b):
      let (x, y) = (a.tidied(), b.tidied())
      if x == 1 { return y }
      if y == 1 { return x }
      return .hadamard(x, y)
    case .transpose(let a):
      let x = a.tidied()
      if case .transpose(let inner) = x { return inner }
      return .transpose(x)
    case .negate(let a):
      return Self.negated(a.tidied())
    case .product(let factors):
      return Self.tidyProduct(factors.map { $0.tidied() })
    case .sum(let a, let b):
      let (x, y) = (a.tidied(), b.tidied())
      if x == 0 { return y }
      if y == 0 { return x }
      if case .negate(let z) = y { return .difference(x, z) }
      if case .number(let v) = y, v < 0 { return .difference(x, .number(-v)) }
      return .sum(x, y)
    case .difference(let a, let b):
      let (x, y) = (a.tidied(), b.tidied())
      if y == 0 { return x }
      if x == 0 { return Self.negated(y) }
      if case .negate(let z) = y { return .sum(x, z) }
      if case .number(let v) = y, v < 0 { return .sum(x, .number(-v)) }
      return .difference(x, y)
    case .quotient(let a, let b):
      let (x, y) = (a.tidied(), b.tidied())
      if y == 1 { return x }
      if x == 0 { return 0 }
      if case .negate(let n) = x { return Self.negated(.quotient(n, y)) }
      return .quotient(x, y)
    case .power(let a, let b):
      let (x, y) = (a.tidied(), b.tidied())
      if y == 1 { return x }
      if y == 0 { return 1 }
      return .power(x, y)
    case .apply, .sign, .indicator, .equation, .matrix:
      return mapChildren { $0.tidied() }
    }
  }

  private static func negated(_ x: Formula) -> Formula {
    switch x {
    case .negate(let inner): inner
    case .number(let v): .number(-v)
    default: .negate(x)
    }
  }

  private static func tidyProduct(_ factors: [Formula]) -> Formula {
    var negative = false
    var coefficient = 1.0
    var rest: [Formula] = []
    var pending = factors[...]
    var stack: [ArraySlice<Formula>] = []
    while true {
      guard let factor = pending.popFirst() else {
        guard let outer = stack.popLast() else { break }
        pending = outer
        continue
      }
      switch factor {
      case .product(let inner):
        stack.append(pending)
        pending = inner[...]
      case .negate(let inner):
        negative.toggle()
        stack.append(pending)
        pending = [inner][...]
      case .number(let v):
        if v < 0 { negative.toggle() }
        coefficient *= Swift.abs(v)
      default:
        rest.append(factor)
      }
    }
    if coefficient == 0 { return 0 }
    // Upstream first, as in upstream × local: ∂L/∂z·2t, not 2∂L/∂z·t.
    let upstream = rest.prefix { if case .derivative = $0 { true } else { false } }.count
    if coefficient != 1 || rest.isEmpty { rest.insert(.number(coefficient), at: upstream) }
    let magnitude = rest.count == 1 ? rest[0] : .product(rest)
    return negative ? negated(magnitude) : magnitude
  }

  /// Rebuilds the formula with `transform` applied to each direct child.
  func mapChildren(_ transform: (Formula) -> Formula) -> Formula {
    switch self {
    case .number, .symbol, .operand, .result, .upstream, .derivative, .blank, .ones:
      return self
    case .negate(let a): return .negate(transform(a))
    case .hadamard(let a, let b): return .hadamard(transform(a), transform(b))
    case .transpose(let a): return .transpose(transform(a))
    case .sum(let a, let b): return .sum(transform(a), transform(b))
    case .difference(let a, let b): return .difference(transform(a), transform(b))
    case .product(let factors): return .product(factors.map(transform))
    case .quotient(let a, let b): return .quotient(transform(a), transform(b))
    case .power(let a, let b): return .power(transform(a), transform(b))
    case .apply(let f, let args): return .apply(f, args.map(transform))
    case .sign(let a): return .sign(transform(a))
    case .equation(let sides): return .equation(sides.map(transform))
    case .matrix(let rows): return .matrix(rows.map { $0.map(transform) })
    case .indicator(let c):
      switch c {
      case .greater(let a, let b): return .indicator(.greater(transform(a), transform(b)))
      case .greaterOrEqual(let a, let b):
        return .indicator(.greaterOrEqual(transform(a), transform(b)))
      case .less(let a, let b): return .indicator(.less(transform(a), transform(b)))
      case .lessOrEqual(let a, let b): return .indicator(.lessOrEqual(transform(a), transform(b)))
      }
    }
  }
}
