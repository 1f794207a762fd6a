import GraphEngine

/// A figure the lesson would have had but that is not drawn, and why: the walk-through says
/// so where the figure would stand, and the command line warns.
public struct OmittedFigure: Sendable, Equatable {
  public enum Reason: Sendable, Equatable {
    /// The figure's graph has more than ``Limits/drawnNodes`` nodes.
    case tooLarge(nodes: Int)
    /// More backward steps than ``Limits/stepFigures``.
    case tooManySteps(Int)
    /// The expanded graph cannot be evaluated at these inputs (an overflow in a primitive
    /// the composite hides, such as exp(1000) inside σ(−1000)); the message says where.
    case notEvaluable(String)
    /// A plot draws a function of one input; the lesson has this many.
    case notOneInput(Int)
  }

  /// Which figure (for `steps`, all of them).
  public var kind: FigureKind
  public var reason: Reason

  public init(_ kind: FigureKind, reason: Reason) {
    self.kind = kind
    self.reason = reason
  }

  /// The figure's name in messages: `graph`, `expanded`, `forward`, `steps`.
  public var name: String { kind.rawValue }

  /// The warning printed on stderr.
  public var warning: String {
    switch reason {
    case .tooLarge(let nodes):
      "the \(name) figure is left out: its graph has \(nodes) nodes, more than the "
        + "\(Limits.drawnNodes) lessongen draws"
    case .tooManySteps(let count):
      "the step figures are left out: the backward pass has \(count) steps, more than the "
        + "\(Limits.stepFigures) lessongen draws one by one"
    case .notEvaluable(let message):
      "the \(name) figure is left out: the expanded graph cannot be evaluated at these "
        + "inputs (\(message))"
    case .notOneInput(let count):
      "the plot is left out: it draws a function of one input, and the lesson has \(count)"
    }
  }
}
