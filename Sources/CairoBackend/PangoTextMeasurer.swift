internal import CCairo
internal import CPangoCairo
public import Drawing
import Figures
import Foundation
import GraphLayout

/// Measures text as it will be drawn, with the current thread's Pango cache.
///
/// Pango's font map is per thread: use a measurer on the thread that made it (make one per
/// thread to measure in parallel).
public final class PangoTextMeasurer: PageTextMeasuring {
  private let cache = PangoThreadCache.current

  public init() {}

  public func measure(_ markup: String, font: Font) -> Size {
    guard let shaped = cache.layout(markup, font: font) else { return .zero }
    let rect = cache.logicalRect(shaped)
    return Size(width: rect.width, height: rect.height)
  }

  /// The size of `markup` wrapped to `width`.
  public func measure(_ markup: String, font: Font, width: Double) -> Size {
    guard let shaped = cache.layout(markup, font: font, width: width) else { return .zero }
    let rect = cache.logicalRect(shaped)
    return Size(width: rect.width, height: rect.height)
  }

  /// A one-line text's width and its extent above and below the baseline.
  public func measureLine(_ markup: String, font: Font) -> (
    width: Double, ascent: Double, descent: Double
  ) {
    guard let shaped = cache.layout(markup, font: font) else { return (0, 0, 0) }
    let rect = cache.logicalRect(shaped)
    let base = cache.baseline(shaped) - rect.y
    return (rect.width, base, rect.height - base)
  }

  /// Loads `fonts` into this thread's cache — upright and italic, digits and math signs, as
  /// text and math use them — before there is text to measure.
  public func load(_ fonts: [Font]) {
    for font in fonts {
      _ = measure("Ag 0.1 = −<i>x</i> × ∂", font: font)
    }
  }

  /// How many characters of `markup` no installed font has (drawn as boxes); 0 when every
  /// glyph was found, through font fallback if need be (Korean falls back to Nanum).
  public func missingGlyphs(_ markup: String, font: Font) -> Int {
    guard let shaped = cache.layout(markup, font: font) else { return -1 }
    return Int(pango_layout_get_unknown_glyphs_count(shaped.layout))
  }

  /// Whether `markup` is well-formed Pango markup (for tests).
  public static func isValidMarkup(_ markup: String) -> Bool {
    PangoSession.isValidMarkup(markup)
  }
}
