// GraphEngine states its ops' rules as formulas, so every user of the engine uses the formula
// model: it comes with the engine.
@_exported import FormulaModel

extension Formula {
  /// `op` applied to `arguments`: exp(x), σ(x), max(x, 0).
  public static func call(_ op: Op, _ arguments: [Formula]) -> Formula {
    .apply(op.function, arguments)
  }
}
