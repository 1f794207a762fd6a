/// What to tell the author when a value or gradient leaves the real numbers.
enum DomainMessage {
  static func number(_ v: Double) -> String {
    NumberFormat.shortest(significantDigits: 6).format(v)
  }

  /// `v` in six significant digits, or in full where six would show another number: the
  /// base of a power that overflows is 1.0000001, not 1 ("1^10000000000 overflows" would
  /// make no sense).
  static func exact(_ v: Double) -> String {
    let short = number(v)
    guard v.isFinite, let back = Double(short), back != v else { return short }
    return NumberFormat.full.format(v)
  }

  /// A forward value that is NaN or infinite.
  static func value(of node: Node, inputs x: [Double], result y: Double) -> String {
    if node.op == .input { return "input '\(node.name ?? "")' has no finite value" }
    if let message = node.op.descriptor.valueProblem(x, y, node.parameter) { return message }
    let args = x.map(number).joined(separator: ", ")
    let what = y.isNaN ? "is not a number" : "overflows to \(y > 0 ? "" : "-")infinity"
    return "\(node.op.traceName)(\(args)) \(what)"
  }

  /// A local gradient that is NaN or infinite although the value is finite.
  static func localGradient(of node: Node, input i: Int, inputs x: [Double]) -> String {
    if let message = node.op.descriptor.gradientProblem(i, x, node.parameter) { return message }
    let args = x.map(number).joined(separator: ", ")
    return "the local gradient of \(node.op.traceName) is not finite at (\(args))"
  }
}
