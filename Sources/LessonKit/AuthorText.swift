public import ExpressionLanguage
public import GraphEngine

/// What an author wrote for a lesson in one language.
public struct AuthorText: Sendable {
  public var title: String?
  public var summary: String?
  /// `introduction:` — paragraphs before the walk-through (blank lines separate them).
  public var introduction: String?
  /// `notes:` — a paragraph attached to a node, by the node's name.
  public var notes: [String: String] = [:]
  /// Where each note's name is written, to report a name no node has.
  public var noteLocations: [String: SourceLocation] = [:]
  /// The explanations of the derivation's steps, in order (nil where a step has none).
  public var steps: [String?] = []

  public init() {}
}

/// `derivation:` — equation steps the handout typesets, each checked by evaluating both
/// sides at several points: the first must equal the gradient of the output with respect to
/// `variable`, every other the step before it.
public struct Derivation: Sendable {
  public var variable: Located<String>
  public var steps: [Step]

  /// One side of the chain `∂y/∂x = step₁ = step₂ = …`.
  public struct Step: Sendable {
    public var formula: Formula
    /// The parsed expression, to evaluate.
    public var program: Program
    public var root: Expression.ID
    /// Where the step's math is written.
    public var location: SourceLocation
  }
}
