import FormulaWriting
import GraphEngine

/// The text inside an operation node, per house style.
enum OperatorText {
  /// DLFS: `×`, `+`, `exp`, `/`, `**2`; CS231n: `*`, `+`, `1/x`; both with the minus sign.
  static func symbol(_ node: Node, theme: Theme) -> String {
    let symbol = node.op.descriptor.symbol(constant(node.parameter))
    return theme.operators == .gates ? symbol.gate : symbol.textbook
  }

  /// A gate with a constant folded in, CS231n's `*-1`, `+1`; nil when the op has no such form.
  static func folded(_ node: Node, constant c: Double, side: Int) -> String? {
    node.op.descriptor.folded(constant(c), side)
  }

  /// A constant as written in a gate or side input: shortest form, minus sign.
  static func constant(_ v: Double) -> String {
    PangoMarkupDialect.number(NumberFormat.shortest(significantDigits: 6).format(v))
  }
}
