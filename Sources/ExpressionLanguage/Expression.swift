public import GraphEngine

/// The parsed function of a lesson: statements over an arena of expression nodes.
///
/// Expressions live in one flat array and refer to their operands by index, so a very long
/// chain (`a + a + … + a`) is neither built nor released by recursion.
public struct Program: Sendable {
  public var expressions: [Expression] = []
  public var statements: [Statement] = []

  public init() {}

  /// The expression at `index`.
  public subscript(index: Expression.ID) -> Expression { expressions[index] }

  mutating func append(_ kind: Expression.Kind, _ range: SourceRange) -> Expression.ID {
    expressions.append(Expression(kind: kind, range: range))
    return expressions.count - 1
  }
}

/// `name = expression`: one line of a lesson's function.
public struct Statement: Sendable {
  public var name: String
  public var nameRange: SourceRange
  public var root: Expression.ID

  public init(name: String, nameRange: SourceRange, root: Expression.ID) {
    self.name = name
    self.nameRange = nameRange
    self.root = root
  }
}

/// One node of the expression syntax tree.
public struct Expression: Sendable {
  public typealias ID = Int

  /// The unary operators of the grammar.
  public enum UnaryOperator: Sendable { case negate, plus }

  /// The binary operators of the grammar (`**` is read as `^`).
  public enum BinaryOperator: String, Sendable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case power = "^"
    /// numpy's matrix product.
    case matrixProduct = "@"

    /// The op the operator builds (a division by a literal 1 and a power with a literal
    /// exponent become `recip` and `powConst` in ``GraphBuilder``).
    public var op: Op {
      switch self {
      case .add: .add
      case .subtract: .sub
      case .multiply: .mul
      case .divide: .div
      case .power: .pow
      case .matrixProduct: .matmul
      }
    }
  }

  public enum Kind: Sendable {
    case number(Double)
    case variable(String)
    case unary(UnaryOperator, ID)
    case binary(BinaryOperator, ID, ID)
    case call(Op, [ID])
  }

  public var kind: Kind
  /// The whole text of the expression; `range.start` is its first character, or for an
  /// operator node, the operator itself.
  public var range: SourceRange
}
