public import GraphLayout

/// Measures text as it will be drawn.
public protocol TextMeasuring {
  /// The logical size of Pango `markup` in `font`, lines centred if `centered`.
  func measure(_ markup: String, font: Font) -> Size
}
