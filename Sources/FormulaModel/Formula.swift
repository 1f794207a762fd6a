/// A mathematical formula as data: the symbolic local gradients of ops, the labels of
/// diagrams and the equations of explanations are all values of this type.
///
/// In an op's rule, ``operand(_:)`` and ``result`` stand for the node's inputs and output;
/// ``substituting(operands:result:)`` replaces them with the formulas of a concrete node.
public indirect enum Formula: Hashable, Sendable {
  case number(Double)
  /// A named quantity: a variable (`x`, `w_1`) or an intermediate (`q`).
  case symbol(String)
  /// Placeholder for the i-th input of the node an op rule is about.
  case operand(Int)
  /// Placeholder for the output y of the node an op rule is about.
  case result
  /// Placeholder for ∂L/∂y, the gradient arriving at the output of the node an op's
  /// backward formula (``TensorRule/formulas``) is about.
  case upstream
  /// ∂`of`/∂`withRespectTo`, as in ∂L/∂y; the second part is a formula so a node without a
  /// name can still be named by its value, ∂L/∂(1 + exp(−x)).
  case derivative(of: Formula, withRespectTo: Formula)
  case negate(Formula)
  case sum(Formula, Formula)
  case difference(Formula, Formula)
  /// A product of two or more factors (of matrices, the matrix product X·W).
  case product([Formula])
  /// The element-by-element (Hadamard) product a ⊙ b of two arrays of one shape.
  case hadamard(Formula, Formula)
  /// A matrix transposed, Xᵀ.
  case transpose(Formula)
  /// The vector of ones 𝟏 (bold 1), of whatever length its product needs: x·𝟏 sums x.
  case ones
  case quotient(Formula, Formula)
  case power(Formula, Formula)
  /// A function applied to arguments: exp, log, sin, σ, max, … (GraphEngine's
  /// `Formula.call(_:_:)` applies an op).
  case apply(Function, [Formula])
  /// sign a: −1, 0 or 1.
  case sign(Formula)
  /// 1 when the comparison holds, else 0 (Iverson bracket), as in the gradient of relu.
  case indicator(Comparison)
  /// An equation chain `a = b = c`: the walk-through's statements and steps.
  case equation([Formula])
  /// An empty box for the reader to fill in: where an exercise sheet hides a number.
  case blank
  /// A matrix in brackets, row by row; a vector is one row. The walk-through writes a small
  /// value or gradient of a lesson of vectors and matrices this way.
  case matrix([[Formula]])

  /// A comparison inside an ``Formula/indicator(_:)``.
  public enum Comparison: Hashable, Sendable {
    case greater(Formula, Formula)
    case greaterOrEqual(Formula, Formula)
    case less(Formula, Formula)
    case lessOrEqual(Formula, Formula)

    /// The two sides and the relation's sign (`>`, `≥`, `<`, `≤`), for the writers.
    public var parts: (lhs: Formula, sign: String, rhs: Formula) {
      switch self {
      case .greater(let a, let b): (a, ">", b)
      case .greaterOrEqual(let a, let b): (a, "≥", b)
      case .less(let a, let b): (a, "<", b)
      case .lessOrEqual(let a, let b): (a, "≤", b)
      }
    }
  }

  /// Shorthand: a product of the factors (one factor is itself, none is 1).
  public static func times(_ factors: Formula...) -> Formula {
    switch factors.count {
    case 0: .number(1)
    case 1: factors[0]
    default: .product(factors)
    }
  }
}

extension Formula: ExpressibleByIntegerLiteral {
  public init(integerLiteral value: Int) {
    self = .number(Double(value))
  }
}

extension Formula {
  /// Replaces ``operand(_:)`` and ``result`` with the given formulas, and ``upstream``
  /// with `upstream` when it is given.
  public func substituting(
    operands: [Formula], result: Formula, upstream: Formula? = nil
  ) -> Formula {
    map { leaf in
      switch leaf {
      case .operand(let i): operands[i]
      case .result: result
      case .upstream: upstream ?? leaf
      default: leaf
      }
    }
  }

  /// Replaces every ``symbol(_:)`` named in `values`.
  public func substituting(symbols values: [String: Formula]) -> Formula {
    map { leaf in
      if case .symbol(let name) = leaf, let value = values[name] { return value }
      return leaf
    }
  }

  /// Rebuilds the formula bottom-up, passing each leaf through `transform`.
  public func map(_ transform: (Formula) -> Formula) -> Formula {
    switch self {
    case .number, .symbol, .operand, .result, .upstream, .derivative, .ones: transform(self)
    default: mapChildren { $0.map(transform) }
    }
  }
}
