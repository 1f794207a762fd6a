import FormulaWriting
public import GraphEngine

extension Formula {
  /// The value of the formula.
  ///
  /// - Parameters:
  ///   - operands: values for ``operand(_:)``.
  ///   - result: the value for ``result``.
  ///   - symbols: values for ``symbol(_:)`` and ``derivative(of:withRespectTo:)`` (keyed by
  ///     its Unicode text, `∂L/∂y`).
  /// - Returns: the value, or `nil` if a symbol has no value.
  public func evaluate(
    operands: [Double] = [], result: Double? = nil, symbols: [String: Double] = [:]
  ) -> Double? {
    func eval(_ f: Formula) -> Double? {
      switch f {
      case .number(let v): return v
      case .symbol(let name): return symbols[name]
      case .operand(let i): return i < operands.count ? operands[i] : nil
      case .result: return result
      case .blank, .upstream, .ones, .transpose: return nil
      case .hadamard(let a, let b): return both(a, b, *)
      case .derivative(let of, let wrt): return symbols["∂\(of.unicode())/∂\(wrt.unicode())"]
      case .negate(let a): return eval(a).map { -$0 }
      case .sum(let a, let b): return both(a, b, +)
      case .difference(let a, let b): return both(a, b, -)
      case .product(let factors):
        var p = 1.0
        for factor in factors {
          guard let v = eval(factor) else { return nil }
          p *= v
        }
        return p
      case .quotient(let a, let b): return both(a, b, /)
      case .power(let a, let b): return both(a, b, Math.pow)
      case .apply(let function, let args):
        guard let op = Op(function) else { return nil }
        var values: [Double] = []
        for arg in args {
          guard let v = eval(arg) else { return nil }
          values.append(v)
        }
        return op.forward(values, parameter: 0)
      case .sign(let a): return eval(a).map { $0 > 0 ? 1 : ($0 < 0 ? -1 : 0) }
      case .equation(let sides): return sides.last.flatMap(eval)
      case .matrix: return nil
      case .indicator(let comparison):
        switch comparison {
        case .greater(let a, let b): return both(a, b) { $0 > $1 ? 1 : 0 }
        case .greaterOrEqual(let a, let b): return both(a, b) { $0 >= $1 ? 1 : 0 }
        case .less(let a, let b): return both(a, b) { $0 < $1 ? 1 : 0 }
        case .lessOrEqual(let a, let b): return both(a, b) { $0 <= $1 ? 1 : 0 }
        }
      }
    }
    func both(_ a: Formula, _ b: Formula, _ op: (Double, Double) -> Double) -> Double? {
      guard let x = eval(a), let y = eval(b) else { return nil }
      return op(x, y)
    }
    return eval(self)
  }
}
