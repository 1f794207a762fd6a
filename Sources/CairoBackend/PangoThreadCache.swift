internal import CCairo
internal import CPangoCairo
import Drawing
import Figures
import Foundation
import GraphLayout

/// Pango state for the current thread: one context set up the same way for measuring and for
/// every output format — 72 dpi (so a font size is in points, the figure's unit) and no
/// hinting of metrics (so PDF, PNG and SVG place every glyph identically) — and the layouts
/// shaped on it, kept for reuse: a label is shaped once per thread, however many figures,
/// formats and handout pages draw it.
///
/// Every text is shaped at one reference size and scaled to the size asked for: with metric
/// hinting off, Pango's measures grow exactly in proportion to the size, and Pango 1.50 starts
/// two threads and waits for them for every font size it has not seen (about 120 threads a
/// run when each label size was its own). Scripts' rises and the sizes inside the markup are
/// rewritten for the reference size, so the drawing is what the markup says.
///
/// Pango's font map is per thread, so each thread has its own cache; nothing is shared.
final class PangoThreadCache {
  /// A shaped layout and the factor from its reference size to the size asked for.
  struct Shaped {
    let layout: OpaquePointer
    let scale: Double
  }

  /// The size, in points, every layout is shaped at.
  static let referenceSize = 10.0

  private let surface: OpaquePointer?
  private let cr: OpaquePointer?
  private let context: OpaquePointer
  private var fonts: [Font: OpaquePointer] = [:]
  private var layouts: [String: Shaped] = [:]
  /// The fonts whose faces ``pinFaces(of:)`` keeps open.
  private var pinned: Set<UnsafeMutableRawPointer> = []
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
    // Glyph positions as the font gives them, not rounded to whole points (Pango's default
    // for screens): text is set at one size and scaled, and prints at any size.
    pango_context_set_round_glyph_positions(context, 0)
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
    for shaped in layouts.values { g_object_unref(UnsafeMutableRawPointer(shaped.layout)) }
    layouts.removeAll()
  }

  /// The layout of `markup`, centred line by line (or, with a `width`, wrapped to it and
  /// left-aligned), at the reference size; owned by the cache. nil if Pango could not
  /// allocate one.
  func layout(_ markup: String, font: Font, width: Double? = nil) -> Shaped? {
    let key = (width.map { "\($0)" } ?? "-") + "\u{0}" + font.description + "\u{0}" + markup
    if let cached = layouts[key] { return cached }
    guard let layout = pango_layout_new(context) else { return nil }
    let scale = font.size / Self.referenceSize
    var reference = font
    reference.size = Self.referenceSize
    pango_layout_set_font_description(layout, description(reference))
    if let width {
      pango_layout_set_width(layout, Int32((width / scale * Double(PANGO_SCALE)).rounded(.down)))
      pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
      pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
      pango_layout_set_spacing(layout, Int32(Self.referenceSize * 0.3 * Double(PANGO_SCALE)))
    } else {
      pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
    }
    pango_layout_set_markup(layout, Self.atReferenceSize(markup, scale: scale), -1)
    pinFaces(of: layout)
    if layouts.count >= Self.capacity { clear() }
    let shaped = Shaped(layout: layout, scale: scale)
    layouts[key] = shaped
    return shaped
  }

  /// Keeps the FreeType face of every font `layout` uses open for the rest of the process.
  ///
  /// Cairo shares a font file's FreeType face between threads and, once 10 faces are open,
  /// closes one it finds unlocked to open another; it reads the face's lock count without
  /// the face's own lock, so it can close a face another thread is using (a Korean handout of
  /// a tensor lesson, with 11 faces, crashed in `FT_Get_First_Char` while the figures'
  /// thread measured text: about one run in four). A face locked once and never unlocked is
  /// never chosen. Each font is pinned the first time a layout of this thread uses it.
  private func pinFaces(of layout: OpaquePointer) {
    guard let iterator = pango_layout_get_iter(layout) else { return }
    defer { pango_layout_iter_free(iterator) }
    repeat {
      guard let run = pango_layout_iter_get_run_readonly(iterator),
        let font = run.pointee.item.pointee.analysis.font
      else { continue }
      let key = UnsafeMutableRawPointer(font)
      guard pinned.insert(key).inserted,
        let scaled = pango_cairo_font_get_scaled_font(OpaquePointer(font)),
        cairo_font_face_get_type(cairo_scaled_font_get_font_face(scaled)) == CAIRO_FONT_TYPE_FT
      else { continue }
      _ = cairo_ft_scaled_font_lock_face(scaled)
    } while pango_layout_iter_next_run(iterator) != 0
  }

  /// `markup` with its absolute measures — a span's `rise` (1/1024 pt) and the size ending a
  /// `font_desc` — divided by `scale`, so that scaled up again they are what was written.
  static func atReferenceSize(_ markup: String, scale: Double) -> String {
    guard scale != 1, markup.contains("rise=\"") || markup.contains("font_desc=\"") else {
      return markup
    }
    var out = ""
    var rest = markup[...]
    while let quote = rest.firstIndex(of: "\"") {
      let attribute = rest[..<quote]
      out += rest[...quote]
      rest = rest[rest.index(after: quote)...]
      guard let end = rest.firstIndex(of: "\"") else { break }
      let value = rest[..<end]
      if attribute.hasSuffix("rise="), let units = Double(value) {
        out += String(Int((units / scale).rounded()))
      } else if attribute.hasSuffix("font_desc="), let space = value.lastIndex(of: " "),
        let size = Double(value[value.index(after: space)...])
      {
        out += value[...space] + String((size / scale * 1000).rounded() / 1000)
      } else {
        out += value
      }
      out += "\""
      rest = rest[rest.index(after: end)...]
    }
    return out + rest
  }

  /// The logical rectangle of a layout, in points at the size asked for.
  func logicalRect(_ shaped: Shaped) -> Rect {
    var ink = PangoRectangle()
    var logical = PangoRectangle()
    pango_layout_get_extents(shaped.layout, &ink, &logical)
    let scale = shaped.scale / Double(PANGO_SCALE)
    return Rect(
      x: Double(logical.x) * scale, y: Double(logical.y) * scale,
      width: Double(logical.width) * scale, height: Double(logical.height) * scale)
  }

  /// The distance from the top of a layout's logical box to its first baseline, in points.
  func baseline(_ shaped: Shaped) -> Double {
    Double(pango_layout_get_baseline(shaped.layout)) / Double(PANGO_SCALE) * shaped.scale
  }

  private func description(_ font: Font) -> OpaquePointer? {
    if let cached = fonts[font] { return cached }
    let made = pango_font_description_from_string(font.description)
    fonts[font] = made
    return made
  }
}
