public import GraphLayout

/// Measures text as it will be drawn.
public protocol TextMeasuring {
  /// The logical size of Pango `markup` in `font`, its lines centred on one another.
  func measure(_ markup: String, font: Font) -> Size
}
