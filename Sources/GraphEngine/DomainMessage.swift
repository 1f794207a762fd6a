/// What to tell the author when a value or gradient leaves the real numbers.
enum DomainMessage {
  static func number(_ v: Double) -> String {
    NumberFormat.shortest(significantDigits: 6).format(v)
  }

  /// A forward value that is NaN or infinite.
  static func value(of node: Node, inputs x: [Double], result y: Double) -> String {
    let a = x.first.map(number) ?? ""
    switch node.op {
    case .input:
      return "input '\(node.name ?? "")' has no finite value"
    case .log where x[0] <= 0:
      return "log needs a positive argument, but here it is \(a)"
    case .sqrt where x[0] < 0:
      return "sqrt needs a non-negative argument, but here it is \(a)"
    case .div where x[1] == 0:
      return x[0] == 0 ? "0/0 is undefined" : "division by zero: \(a)/0"
    case .recip where x[0] == 0:
      return "division by zero: 1/0"
    case .pow where y.isNaN:
      return "\(a)^\(number(x[1])) is not a real number"
    case .powConst where y.isNaN:
      return "\(a)^\(number(node.parameter)) is not a real number"
    case .powConst where x[0] == 0:
      return "0^\(number(node.parameter)) is infinite"
    default:
      let args = x.map(number).joined(separator: ", ")
      let what = y.isNaN ? "is not a number" : "overflows to \(y > 0 ? "" : "-")infinity"
      return "\(node.op.traceName)(\(args)) \(what)"
    }
  }

  /// A local gradient that is NaN or infinite although the value is finite.
  static func localGradient(of node: Node, input i: Int, inputs x: [Double]) -> String {
    let a = x.first.map(number) ?? ""
    switch node.op {
    case .pow where i == 1:
      return "the gradient of a^b with respect to b is a^b·ln a, which needs a > 0, "
        + "but here a = \(a)"
    case .sqrt:
      return "the gradient of sqrt is 1/(2·sqrt(a)), which is infinite at a = \(a)"
    case .powConst:
      return "the gradient of a^\(number(node.parameter)) is infinite at a = \(a)"
    default:
      let args = x.map(number).joined(separator: ", ")
      return "the local gradient of \(node.op.traceName) is not finite at (\(args))"
    }
  }
}
