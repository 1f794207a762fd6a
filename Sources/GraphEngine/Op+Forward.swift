extension Op {
  /// The forward value y of a node whose inputs have the values `x`.
  ///
  /// `parameter` is the value of a constant, or the exponent k of `powConst`.
  /// Results outside the reals (log of a negative, 0/0, overflow) come back as NaN or ±∞;
  /// ``Evaluator`` turns them into located errors.
  public func forward(_ x: [Double], parameter: Double) -> Double {
    switch self {
    case .input, .constant: return parameter
    case .add: return x[0] + x[1]
    case .sub: return x[0] - x[1]
    case .mul: return x[0] * x[1]
    case .div: return x[0] / x[1]
    case .recip: return 1 / x[0]
    case .neg: return -x[0]
    case .pow: return Math.pow(x[0], x[1])
    case .powConst: return Math.pow(x[0], parameter)
    case .exp: return Math.exp(x[0])
    case .log: return x[0] > 0 ? Math.log(x[0]) : .nan
    case .sqrt: return Math.sqrt(x[0])
    case .sin: return Math.sin(x[0])
    case .cos: return Math.cos(x[0])
    case .tanh: return Math.tanh(x[0])
    case .sigmoid: return Self.sigmoid(x[0])
    case .relu: return x[0] > 0 ? x[0] : 0
    case .abs: return Swift.abs(x[0])
    case .max: return x[0] >= x[1] ? x[0] : x[1]
    case .min: return x[0] <= x[1] ? x[0] : x[1]
    }
  }

  /// σ(a) = 1/(1 + e⁻ᵃ), computed without overflow for large |a|: for a < 0 it uses the
  /// equal form eᵃ/(1 + eᵃ).
  static func sigmoid(_ a: Double) -> Double {
    if a >= 0 { return 1 / (1 + Math.exp(-a)) }
    let e = Math.exp(a)
    return e / (1 + e)
  }
}
