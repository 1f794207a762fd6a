internal import CCairo
internal import CPangoCairo
import Foundation
import GraphLayout

/// Pango state for the current thread: one context set up the same way for measuring and for
/// every output format — 72 dpi (so a font size is in points, the figure's unit) and no
/// hinting of metrics (so PDF, PNG and SVG place every glyph identically) — and the layouts
/// shaped on it, kept for reuse: a label is shaped once per thread, however many figures,
/// formats and handout pages draw it.
///
/// Pango's font map is per thread, so each thread has its own cache; nothing is shared.
final class PangoThreadCache {
  private let surface: OpaquePointer?
  private let cr: OpaquePointer?
  private let context: OpaquePointer
  private var fonts: [Font: OpaquePointer] = [:]
  private var layouts: [String: OpaquePointer] = [:]
  /// The cache is emptied when it grows past this many layouts.
  private static let capacity = 4000

  /// The current thread's cache.
  static var current: PangoThreadCache {
    let key = "lessongen.pango"
    if let cache = Thread.current.threadDictionary[key] as? PangoThreadCache { return cache }
    let cache = PangoThreadCache()
    Thread.current.threadDictionary[key] = cache
    return cache
  }

  private init() {
    _ = FontConfiguration.installed
    surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1)
    cr = cairo_create(surface)
    context = pango_cairo_create_context(cr)
    pango_cairo_context_set_resolution(context, 72)
    let options = cairo_font_options_create()
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
    cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
    pango_cairo_context_set_font_options(context, options)
    cairo_font_options_destroy(options)
  }

  deinit {
    clear()
    for description in fonts.values { pango_font_description_free(description) }
    g_object_unref(UnsafeMutableRawPointer(context))
    cairo_destroy(cr)
    cairo_surface_destroy(surface)
  }

  private func clear() {
    for layout in layouts.values { g_object_unref(UnsafeMutableRawPointer(layout)) }
    layouts.removeAll()
  }

  /// The layout of `markup`, centred line by line (or, with a `width`, wrapped to it and
  /// left-aligned); owned by the cache. nil if Pango could not allocate one.
  func layout(_ markup: String, font: Font, width: Double? = nil) -> OpaquePointer? {
    let key = (width.map { "\($0)" } ?? "-") + "\u{0}" + font.description + "\u{0}" + markup
    if let cached = layouts[key] { return cached }
    guard let layout = pango_layout_new(context) else { return nil }
    pango_layout_set_font_description(layout, description(font))
    if let width {
      pango_layout_set_width(layout, Int32(width * Double(PANGO_SCALE)))
      pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
      pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
      pango_layout_set_spacing(layout, Int32(font.size * 0.3 * Double(PANGO_SCALE)))
    } else {
      pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
    }
    pango_layout_set_markup(layout, markup, -1)
    if layouts.count >= Self.capacity { clear() }
    layouts[key] = layout
    return layout
  }

  /// The logical rectangle of a layout, in points.
  func logicalRect(_ layout: OpaquePointer) -> Rect {
    var ink = PangoRectangle()
    var logical = PangoRectangle()
    pango_layout_get_extents(layout, &ink, &logical)
    let scale = Double(PANGO_SCALE)
    return Rect(
      x: Double(logical.x) / scale, y: Double(logical.y) / scale,
      width: Double(logical.width) / scale, height: Double(logical.height) / scale)
  }

  /// The distance from the top of a layout's logical box to its first baseline, in points.
  func baseline(_ layout: OpaquePointer) -> Double {
    Double(pango_layout_get_baseline(layout)) / Double(PANGO_SCALE)
  }

  private func description(_ font: Font) -> OpaquePointer? {
    if let cached = fonts[font] { return cached }
    let made = pango_font_description_from_string(font.description)
    fonts[font] = made
    return made
  }
}

/// Draws Pango text on one Cairo context, with the current thread's shaped layouts.
final class PangoSession {
  private let cache = PangoThreadCache.current

  /// Draws `markup` so that its logical box lands on `frame`'s top-left corner (wrapped to
  /// `width` if given).
  func draw(
    _ markup: String, font: Font, at frame: Rect, on cr: OpaquePointer, width: Double? = nil
  ) {
    guard let layout = cache.layout(markup, font: font, width: width) else { return }
    let logical = cache.logicalRect(layout)
    cairo_move_to(cr, frame.x - logical.x, frame.y - logical.y)
    pango_cairo_show_layout(cr, layout)
  }

  /// Draws one line of `markup` with its baseline's left end at `origin`.
  func drawOnBaseline(_ markup: String, font: Font, at origin: Point, on cr: OpaquePointer) {
    guard let layout = cache.layout(markup, font: font) else { return }
    let logical = cache.logicalRect(layout)
    cairo_move_to(cr, origin.x - logical.x, origin.y - cache.baseline(layout))
    pango_cairo_show_layout(cr, layout)
  }

  /// Whether `markup` is well-formed Pango markup.
  static func isValidMarkup(_ markup: String) -> Bool {
    var error: UnsafeMutablePointer<GError>?
    let ok = pango_parse_markup(markup, -1, 0, nil, nil, nil, &error)
    if let error { g_error_free(error) }
    return ok != 0
  }
}

/// Measures text as it will be drawn, with the current thread's Pango cache.
///
/// Pango's font map is per thread: use a measurer on the thread that made it (make one per
/// thread to measure in parallel).
public final class PangoTextMeasurer: TextMeasuring {
  private let cache = PangoThreadCache.current

  public init() {}

  public func measure(_ markup: String, font: Font) -> Size {
    guard let layout = cache.layout(markup, font: font) else { return .zero }
    let rect = cache.logicalRect(layout)
    return Size(width: rect.width, height: rect.height)
  }

  /// The size of `markup` wrapped to `width`.
  public func measure(_ markup: String, font: Font, width: Double) -> Size {
    guard let layout = cache.layout(markup, font: font, width: width) else { return .zero }
    let rect = cache.logicalRect(layout)
    return Size(width: rect.width, height: rect.height)
  }

  /// A one-line text's width and its extent above and below the baseline.
  public func measureLine(_ markup: String, font: Font) -> (
    width: Double, ascent: Double, descent: Double
  ) {
    guard let layout = cache.layout(markup, font: font) else { return (0, 0, 0) }
    let rect = cache.logicalRect(layout)
    let base = cache.baseline(layout) - rect.y
    return (rect.width, base, rect.height - base)
  }

  /// How many characters of `markup` no installed font has (drawn as boxes); 0 when every
  /// glyph was found, through font fallback if need be (Korean falls back to Nanum).
  public func missingGlyphs(_ markup: String, font: Font) -> Int {
    guard let layout = cache.layout(markup, font: font) else { return -1 }
    return Int(pango_layout_get_unknown_glyphs_count(layout))
  }

  /// Whether `markup` is well-formed Pango markup (for tests).
  public static func isValidMarkup(_ markup: String) -> Bool {
    PangoSession.isValidMarkup(markup)
  }
}
