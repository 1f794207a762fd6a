/// The figures lessongen draws for a lesson (the lesson key `figures`, see docs/LESSONS.md).
public enum FigureKind: String, CaseIterable, Sendable {
  /// The graph as written, with values and gradients.
  case graph
  /// Composite nodes (`sigmoid`, `tanh`) expanded into primitives, values and gradients.
  case expanded
  /// The backward pass step by step: one figure per node processed, that node highlighted,
  /// the gradients filled in so far (on the expanded graph when there are composites).
  case steps
  /// Values only, before the backward pass.
  case forward
  /// The function of the lesson's one input and its derivative over a range, the lesson's
  /// point marked with its tangent.
  case plot
}

/// One figure of a lesson, as the stages pass it on: the walk-through places it, the
/// composer draws it, the writers name its files after ``fileStem``.
public indirect enum FigureID: Hashable, Sendable {
  case graph
  case forward
  case expanded
  /// The backward pass after `step` of `count` nodes (1-based).
  case step(Int, of: Int)
  /// A figure of an exercise sheet: the figure with empty boxes where the gradients (and,
  /// with ``Blanks/valuesAndGradients``, the forward values) go.
  case exercise(FigureID)
  /// The function and its derivative.
  case plot
  /// A lesson of vectors' Softmax-with-Loss drawn out class by class, as in DLFS's
  /// Appendix A: exp, +, /, ×, log and ×(−1) nodes on numbers.
  case classes

  /// The file name stem: `graph`, `forward`, `expanded`, `step-01` (as many digits as the
  /// last step needs, at least two).
  public var fileStem: String {
    switch self {
    case .graph: return "graph"
    case .forward: return "forward"
    case .expanded: return "expanded"
    case .step(let k, let count):
      let width = Swift.max(2, String(count).count)
      let number = String(k)
      return "step-" + String(repeating: "0", count: width - number.count) + number
    case .exercise(let figure): return figure.fileStem + "-exercise"
    case .plot: return "plot"
    case .classes: return "classes"
    }
  }

  /// Whether this is one of the backward steps.
  public var isStep: Bool {
    if case .step = self { return true }
    return false
  }
}

/// Which evaluation a figure draws.
public enum FigureSource: Sendable {
  /// The graph as written.
  case written
  /// The graph with its composites expanded into primitives.
  case expanded
}

/// Figures drawn together: one whole figure, or the backward steps, which share one layout.
public struct FigureGroup: Sendable {
  public let kind: FigureKind
  public let source: FigureSource
  /// The figures, in order (one, or every step).
  public let ids: [FigureID]
}

/// What an exercise sheet leaves for the reader to fill in.
public enum Blanks: String, Sendable, CaseIterable {
  /// Nothing: the lesson as it is.
  case none
  /// Every gradient of the backward pass (the seed ∂L/∂y is given).
  case gradients
  /// The forward values too (the inputs are given).
  case forward

  /// Whether gradients are blanked.
  public var gradients: Bool { self != .none }
  /// Whether forward values (other than the inputs) are blanked.
  public var values: Bool { self == .forward }
}
