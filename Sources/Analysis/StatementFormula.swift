import ExpressionLanguage
public import GraphEngine

/// One statement of the lesson's function (`u = x * w`), as the walk-through shows it.
public struct StatementFormula: Sendable {
  /// The name it defines.
  public let name: String
  /// How many expressions it has (its size in the program's arena).
  public let size: Int
  /// Its right-hand side as a formula; nil when it has more than ``readable`` expressions or
  /// is nested deeper than ``Limits/formulaDepth``.
  public let formula: Formula?

  /// The most expressions a statement may have to be written out.
  public static let readable = 120

  /// The statements of `program`; only those in `shown` get their formula.
  static func all(_ program: Program, shown: (Int, Int) -> Bool) -> [StatementFormula] {
    var start = 0
    var statements: [StatementFormula] = []
    let count = program.statements.count
    for (k, statement) in program.statements.enumerated() {
      // A statement's expressions are a range of the arena ending at its root.
      let size = statement.root - start + 1
      start = statement.root + 1
      let formula = size <= readable && shown(k, count) ? program.formula(of: statement.root) : nil
      statements.append(StatementFormula(name: statement.name, size: size, formula: formula))
    }
    return statements
  }
}
