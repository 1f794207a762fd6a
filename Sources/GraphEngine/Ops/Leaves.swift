extension OpDescriptor {
  /// A free variable; its value comes from the lesson's `inputs` (``Evaluator`` reads it).
  static let input = OpDescriptor(
    arity: 0, call: nil, shape: elementwise, forward: { _, k in k }, gradients: { _, _, _ in [] },
    rules: { _ in [] }, value: { _, _ in .symbol("?") }, expansion: nil, valueProblem: generic,
    gradientProblem: genericGradient, symbol: { _ in ("", "") }, folded: notFolded,
    walkthroughName: "input",
    names: .init("input", "입력"))

  /// A number written in the function; the node's parameter is its value.
  static let constant = OpDescriptor(
    arity: 0, call: nil, shape: elementwise, forward: { _, k in k }, gradients: { _, _, _ in [] },
    rules: { _ in [] }, value: { _, k in .number(k) }, expansion: nil, valueProblem: generic,
    gradientProblem: genericGradient, symbol: { _ in ("", "") }, folded: notFolded,
    walkthroughName: "const",
    names: .init("constant", "상수"))
}
