internal import CCairo
internal import CPangoCairo
import GraphLayout

/// Pango text on one Cairo context, set up the same way for measuring and for every output
/// format: 72 dpi (so a font size is in points, the figure's unit) and no hinting of metrics
/// (so PDF, PNG and SVG place every glyph identically).
final class PangoSession {
  private let context: OpaquePointer
  private var fonts: [Font: OpaquePointer] = [:]

  init(cairo cr: OpaquePointer) {
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
    for description in fonts.values { pango_font_description_free(description) }
    g_object_unref(UnsafeMutableRawPointer(context))
  }

  /// A layout of `markup`, centred line by line (or, with a `width`, wrapped to it and
  /// left-aligned), or nil if Pango could not allocate one. The caller releases it with
  /// `g_object_unref`.
  func layout(_ markup: String, font: Font, width: Double? = nil) -> OpaquePointer? {
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
    return layout
  }

  /// The distance from the top of a layout's logical box to its first baseline, in points.
  func baseline(_ layout: OpaquePointer) -> Double {
    Double(pango_layout_get_baseline(layout)) / Double(PANGO_SCALE)
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

  /// Draws `markup` so that its logical box lands on `frame`'s top-left corner (wrapped to
  /// `width` if given).
  func draw(
    _ markup: String, font: Font, at frame: Rect, on cr: OpaquePointer, width: Double? = nil
  ) {
    guard let layout = self.layout(markup, font: font, width: width) else { return }
    defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
    let logical = logicalRect(layout)
    cairo_move_to(cr, frame.x - logical.x, frame.y - logical.y)
    pango_cairo_show_layout(cr, layout)
  }

  /// Draws one line of `markup` with its baseline's left end at `origin`.
  func drawOnBaseline(_ markup: String, font: Font, at origin: Point, on cr: OpaquePointer) {
    guard let layout = self.layout(markup, font: font) else { return }
    defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
    let logical = logicalRect(layout)
    cairo_move_to(cr, origin.x - logical.x, origin.y - baseline(layout))
    pango_cairo_show_layout(cr, layout)
  }

  private func description(_ font: Font) -> OpaquePointer? {
    if let cached = fonts[font] { return cached }
    let made = pango_font_description_from_string(font.description)
    fonts[font] = made
    return made
  }

  /// Whether `markup` is well-formed Pango markup.
  static func isValidMarkup(_ markup: String) -> Bool {
    var error: UnsafeMutablePointer<GError>?
    let ok = pango_parse_markup(markup, -1, 0, nil, nil, nil, &error)
    if let error { g_error_free(error) }
    return ok != 0
  }
}

/// Measures text with Pango on a 1×1 image surface, with the same settings as drawing.
///
/// Pango's font map is per thread: use a measurer on the thread that made it (make one per
/// thread to measure in parallel).
public final class PangoTextMeasurer: TextMeasuring {
  private let surface: OpaquePointer
  private let cr: OpaquePointer
  private let session: PangoSession
  private var cache: [String: Size] = [:]
  private var lineCache: [String: (width: Double, ascent: Double, descent: Double)] = [:]

  public init() {
    surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1)
    cr = cairo_create(surface)
    session = PangoSession(cairo: cr)
  }

  deinit {
    cairo_destroy(cr)
    cairo_surface_destroy(surface)
  }

  public func measure(_ markup: String, font: Font) -> Size {
    let key = font.description + "\u{0}" + markup
    if let size = cache[key] { return size }
    guard let layout = session.layout(markup, font: font) else { return .zero }
    defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
    let rect = session.logicalRect(layout)
    let size = Size(width: rect.width, height: rect.height)
    cache[key] = size
    return size
  }

  /// The size of `markup` wrapped to `width`.
  public func measure(_ markup: String, font: Font, width: Double) -> Size {
    let key = "\(width)\u{0}" + font.description + "\u{0}" + markup
    if let size = cache[key] { return size }
    guard let layout = session.layout(markup, font: font, width: width) else { return .zero }
    defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
    let rect = session.logicalRect(layout)
    let size = Size(width: rect.width, height: rect.height)
    cache[key] = size
    return size
  }

  /// A one-line text's width and its extent above and below the baseline.
  public func measureLine(_ markup: String, font: Font) -> (
    width: Double, ascent: Double, descent: Double
  ) {
    let key = "line\u{0}" + font.description + "\u{0}" + markup
    if let cached = lineCache[key] { return cached }
    guard let layout = session.layout(markup, font: font) else { return (0, 0, 0) }
    defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
    let rect = session.logicalRect(layout)
    let base = session.baseline(layout) - rect.y
    let result = (rect.width, base, rect.height - base)
    lineCache[key] = result
    return result
  }

  /// How many characters of `markup` no installed font has (drawn as boxes); 0 when every
  /// glyph was found, through font fallback if need be (Korean falls back to Nanum).
  public func missingGlyphs(_ markup: String, font: Font) -> Int {
    guard let layout = session.layout(markup, font: font) else { return -1 }
    defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
    return Int(pango_layout_get_unknown_glyphs_count(layout))
  }

  /// Whether `markup` is well-formed Pango markup (for tests).
  public static func isValidMarkup(_ markup: String) -> Bool {
    PangoSession.isValidMarkup(markup)
  }
}
