/// Whose derivatives a figure's symbolic gradient labels are written as.
public enum LabelConvention: Sendable {
  /// ∂L/∂x, L standing for whatever is finally differentiated (DLFS, CS231n).
  case loss
  /// ∂e/∂c, derivatives of the output e itself, whose seed ∂e/∂e is written as its number
  /// (colah).
  case output
}
