public import GraphLayout

/// Measures text as it will be drawn.
public protocol TextMeasuring {
  /// The logical size of Pango `markup` in `font`, its lines centred on one another.
  func measure(_ markup: String, font: Font) -> Size
}

/// Measures text for pages: wrapped to a width, and single lines with their baseline, as the
/// handout's paragraphs and math need. Pango implements it (``PangoTextMeasurer``); tests can
/// lay a handout out with an estimate instead.
public protocol PageTextMeasuring: TextMeasuring {
  /// The size of `markup` wrapped to `width`.
  func measure(_ markup: String, font: Font, width: Double) -> Size
  /// A one-line text's width and its extent above and below the baseline.
  func measureLine(_ markup: String, font: Font) -> (
    width: Double, ascent: Double, descent: Double
  )
}
