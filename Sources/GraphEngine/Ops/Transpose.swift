/// Transpose, numpy's `W.T` and `transpose(W)`: (m, n) → (n, m), yᵢⱼ = xⱼᵢ; a vector or a
/// number is its own transpose (numpy's `.T` of a 1-D array). Each output element is one
/// input element, so the backward pass only moves the gradients back: ∂L/∂X = (∂L/∂Y)ᵀ.
/// On a number it is y = x, ∂y/∂x = 1.
extension OpDescriptor {
  static let transpose = OpDescriptor(
    arity: 1, call: function("transpose", latex: "\\operatorname{transpose}"),
    shape: { shapes, _ in
      let x = shapes[0]
      return .success(x.rank == 2 ? Shape([x.dimensions[1], x.dimensions[0]]) : x)
    },
    forward: { x, _ in x[0] }, gradients: { _, _, _ in [1] }, rules: { _ in [.init(1)] },
    value: { o, _ in .transpose(o[0]) }, expansion: nil, valueProblem: generic,
    gradientProblem: genericGradient, symbol: { _ in ("Transpose", ".T") }, folded: notFolded,
    walkthroughName: "Transpose", names: .init("transpose", "전치"),
    tensor: TensorRule(
      forward: { x, _ in x[0].transposed },
      backward: { x, _, g, _ in [g.transposed.reshaped(x[0].shape)] },
      formulas: { _ in [.transpose(.upstream)] }, role: .rearrangement))
}
