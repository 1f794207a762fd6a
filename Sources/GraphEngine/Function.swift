/// The functions a lesson may call, with their argument counts.
public enum Function: String, CaseIterable, Sendable {
  case exp, log, sqrt, sin, cos, tanh, sigmoid, relu, abs, max, min

  /// How many arguments the function takes.
  public var arity: Int {
    switch self {
    case .max, .min: 2
    default: 1
    }
  }

  /// The graph operation the call becomes.
  public var op: Op {
    switch self {
    case .exp: .exp
    case .log: .log
    case .sqrt: .sqrt
    case .sin: .sin
    case .cos: .cos
    case .tanh: .tanh
    case .sigmoid: .sigmoid
    case .relu: .relu
    case .abs: .abs
    case .max: .max
    case .min: .min
    }
  }
}
