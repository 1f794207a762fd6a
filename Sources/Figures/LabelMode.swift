/// How edge labels are written.
public enum LabelMode: String, CaseIterable, Sendable {
  /// Numbers: 0.367879 (DLFS), 0.37 (CS231n).
  case numeric
  /// Formulas: exp(−x) above, −∂L/∂y·y² below.
  case symbolic
  /// The formula with its number under it.
  case both
}
