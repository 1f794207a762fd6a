extension Op {
  /// The local gradients ∂y/∂xᵢ, one per input, at input values `x` and output `y`.
  ///
  /// | op | ∂y/∂x₀ | ∂y/∂x₁ |
  /// |---|---|---|
  /// | a + b | 1 | 1 |
  /// | a − b | 1 | −1 |
  /// | a · b | b | a |
  /// | a / b | 1/b | −a/b² |
  /// | 1/a | −1/a² = −y² | |
  /// | −a | −1 | |
  /// | aᵇ | b·aᵇ⁻¹ | aᵇ·ln a (needs a > 0) |
  /// | aᵏ | k·aᵏ⁻¹ | |
  /// | exp a | eᵃ = y | |
  /// | log a | 1/a | |
  /// | √a | 1/(2√a) = 1/(2y) | |
  /// | sin a | cos a | |
  /// | cos a | −sin a | |
  /// | tanh a | 1 − y² | |
  /// | σ(a) | y(1 − y) | |
  /// | relu a | 1 if a > 0, else 0 (0 at a = 0) | |
  /// | abs a | sign a (0 at a = 0) | |
  /// | max(a, b) | 1 if a ≥ b, else 0 | 1 if a < b, else 0 |
  /// | min(a, b) | 1 if a ≤ b, else 0 | 1 if a > b, else 0 |
  ///
  /// At a tie, `max` and `min` send the whole gradient to their first input.
  public func localGradients(_ x: [Double], output y: Double, parameter: Double) -> [Double] {
    switch self {
    case .input, .constant: return []
    case .add: return [1, 1]
    case .sub: return [1, -1]
    case .mul: return [x[1], x[0]]
    case .div: return [1 / x[1], -x[0] / (x[1] * x[1])]
    case .recip: return [-(y * y)]
    case .neg: return [-1]
    case .pow:
      // b·a^(b−1) is 0 for b = 0 (a^0 is constant), where pow(0, −1) would give 0·∞; and
      // a^b·ln a is 0 at a = 0 for b > 0 (0^b is constant), where ln 0 would give 0·(−∞).
      let da = x[1] == 0 ? 0 : x[1] * Math.pow(x[0], x[1] - 1)
      let db = x[0] > 0 ? y * Math.log(x[0]) : (x[0] == 0 && x[1] > 0 ? 0 : .nan)
      return [da, db]
    case .powConst: return [parameter == 0 ? 0 : parameter * Math.pow(x[0], parameter - 1)]
    case .exp: return [y]
    case .log: return [1 / x[0]]
    case .sqrt: return [1 / (2 * y)]
    case .sin: return [Math.cos(x[0])]
    case .cos: return [-Math.sin(x[0])]
    case .tanh: return [1 - y * y]
    case .sigmoid: return [y * (1 - y)]
    case .relu: return [x[0] > 0 ? 1 : 0]
    case .abs: return [x[0] > 0 ? 1 : (x[0] < 0 ? -1 : 0)]
    case .max: return x[0] >= x[1] ? [1, 0] : [0, 1]
    case .min: return x[0] <= x[1] ? [1, 0] : [0, 1]
    }
  }
}
