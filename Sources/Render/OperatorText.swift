import GraphEngine

/// The text inside an operation node, per house style.
enum OperatorText {
  /// DLFS: `×`, `+`, `exp`, `/`, `**2`; CS231n: `*`, `+`, `1/x`; both with the minus sign.
  static func symbol(_ node: Node, theme: Theme) -> String {
    let gates = theme.operators == .gates
    switch node.op {
    case .input, .constant: return ""
    case .add: return "+"
    case .sub: return "−"
    case .mul: return gates ? "*" : "×"
    case .div: return "/"
    case .recip: return gates ? "1/x" : "/"
    case .neg: return gates ? "*−1" : "−"
    case .pow: return "**"
    case .powConst: return "**" + constant(node.parameter)
    case .sqrt: return "√"
    case .exp, .log, .sin, .cos, .tanh, .sigmoid, .relu, .abs, .max, .min:
      return node.op.rawValue
    }
  }

  /// A gate with a constant folded in, CS231n's `*-1`, `+1`; nil when the op has no such form.
  static func folded(_ node: Node, constant c: Double, side: Int) -> String? {
    let k = constant(c)
    switch (node.op, side) {
    case (.add, _): return "+" + k
    case (.mul, _): return "*" + k
    case (.sub, 1): return "−" + k
    case (.div, 1): return "/" + k
    case (.max, _): return "max(·, \(k))"
    case (.min, _): return "min(·, \(k))"
    default: return nil
    }
  }

  /// A constant as written in a gate or side input: shortest form, minus sign.
  static func constant(_ v: Double) -> String {
    PangoMarkupDialect.number(NumberFormat.shortest(significantDigits: 6).format(v))
  }
}
