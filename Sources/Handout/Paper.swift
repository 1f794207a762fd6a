public import GraphLayout

/// Paper sizes, in points.
public enum Paper: String, CaseIterable, Sendable {
  case a4, letter

  public var size: Size {
    switch self {
    case .a4: Size(width: 595.28, height: 841.89)
    case .letter: Size(width: 612, height: 792)
    }
  }
}
