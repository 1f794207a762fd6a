/// A symbolic local gradient ∂y/∂xᵢ, in the textbooks' two forms.
public struct LocalGradientFormula: Hashable, Sendable {
  /// In terms of the node's inputs (``Formula/operand(_:)``): −1/x² for `1/x`.
  public var inOperands: Formula
  /// The same in terms of the node's output y (``Formula/result``) where the textbooks
  /// prefer it: −y² for `1/x`, y(1−y) for σ, 1−y² for tanh. `nil` when there is none.
  public var inResult: Formula?

  public init(_ inOperands: Formula, orInResult inResult: Formula? = nil) {
    self.inOperands = inOperands
    self.inResult = inResult
  }

  /// The form the textbooks write in labels: the result form where there is one.
  public var preferred: Formula { inResult ?? inOperands }
}

extension Op {
  /// The symbolic local gradients ∂y/∂xᵢ, one per input, with `a` = operand 0,
  /// `b` = operand 1, `y` = the result and `k` = `parameter` (the constant exponent).
  /// They agree with ``localGradients(_:output:parameter:)`` wherever both are defined.
  public func symbolicLocalGradients(parameter k: Double) -> [LocalGradientFormula] {
    rules(parameter: k).map {
      LocalGradientFormula($0.inOperands.tidied(), orInResult: $0.inResult?.tidied())
    }
  }

  /// The rules as written, before tidying (`k·a^(k−1)` with k filled in).
  private func rules(parameter k: Double) -> [LocalGradientFormula] {
    let a = Formula.operand(0)
    let b = Formula.operand(1)
    let y = Formula.result
    switch self {
    case .input, .constant:
      return []
    case .add:
      return [.init(1), .init(1)]
    case .sub:
      return [.init(1), .init(.number(-1))]
    case .mul:
      return [.init(b), .init(a)]
    case .div:
      return [
        .init(.quotient(1, b)),
        .init(.negate(.quotient(a, .power(b, 2))), orInResult: .negate(.quotient(y, b))),
      ]
    case .recip:
      return [.init(.negate(.quotient(1, .power(a, 2))), orInResult: .negate(.power(y, 2)))]
    case .neg:
      return [.init(.number(-1))]
    case .pow:
      return [
        .init(.product([b, .power(a, .difference(b, 1))])),
        .init(
          .product([.power(a, b), .call(.log, [a])]), orInResult: .product([y, .call(.log, [a])])),
      ]
    case .powConst:
      return [.init(.product([.number(k), .power(a, .number(k - 1))]))]
    case .exp:
      return [.init(.call(.exp, [a]), orInResult: y)]
    case .log:
      return [.init(.quotient(1, a))]
    case .sqrt:
      return [
        .init(
          .quotient(1, .product([2, .call(.sqrt, [a])])),
          orInResult: .quotient(1, .product([2, y])))
      ]
    case .sin:
      return [.init(.call(.cos, [a]))]
    case .cos:
      return [.init(.negate(.call(.sin, [a])))]
    case .tanh:
      return [
        .init(
          .difference(1, .power(.call(.tanh, [a]), 2)), orInResult: .difference(1, .power(y, 2)))
      ]
    case .sigmoid:
      let s = Formula.call(.sigmoid, [a])
      return [
        .init(.product([s, .difference(1, s)]), orInResult: .product([y, .difference(1, y)]))
      ]
    case .relu:
      return [.init(.indicator(.greater(a, 0)))]
    case .abs:
      return [.init(.sign(a))]
    case .max:
      return [.init(.indicator(.greaterOrEqual(a, b))), .init(.indicator(.less(a, b)))]
    case .min:
      return [.init(.indicator(.lessOrEqual(a, b))), .init(.indicator(.greater(a, b)))]
    }
  }
}
