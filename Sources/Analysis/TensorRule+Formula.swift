public import GraphEngine

extension TensorRule {
  /// Input `i`'s backward formula (``formulas``) for one node: its operands, y and ∂L/∂y
  /// given as the caller names them, tidied; nil where the op has none. `upstreamIsOne` for
  /// the loss's own gradient ∂L/∂L = 1, a factor then not written (∂L/∂L·(−t/y) is −t/y) —
  /// unless the gradient is ∂L/∂L itself, which stays written as it is.
  public func formula(
    input i: Int, _ shapes: GradientShapes, operands: [Formula], result: Formula,
    upstream: Formula, upstreamIsOne: Bool
  ) -> Formula? {
    let all = formulas(shapes)
    guard i < all.count, let rule = all[i] else { return nil }
    let bare = rule == .upstream || rule == .negate(.upstream)
    return rule.substituting(
      operands: operands, result: result, upstream: upstreamIsOne && !bare ? 1 : upstream
    ).tidied()
  }
}
