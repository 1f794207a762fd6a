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
}

/// How edge labels are written.
public enum LabelMode: String, CaseIterable, Sendable {
  /// Numbers: 0.367879 (DLFS), 0.37 (CS231n).
  case numeric
  /// Formulas: exp(−x) above, −∂L/∂y·y² below.
  case symbolic
  /// The formula with its number under it.
  case both
}
