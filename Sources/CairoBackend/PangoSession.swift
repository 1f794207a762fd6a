internal import CCairo
internal import CPangoCairo
import Drawing
import Figures
import Foundation
import GraphLayout

/// Draws Pango text on one Cairo context, with the current thread's shaped layouts.
final class PangoSession {
  private let cache = PangoThreadCache.current

  /// Draws `markup` so that its logical box lands on `frame`'s top-left corner (wrapped to
  /// `width` if given).
  func draw(
    _ markup: String, font: Font, at frame: Rect, on cr: OpaquePointer, width: Double? = nil
  ) {
    guard let shaped = cache.layout(markup, font: font, width: width) else { return }
    let logical = cache.logicalRect(shaped)
    show(shaped, at: Point(x: frame.x - logical.x, y: frame.y - logical.y), on: cr)
  }

  /// Draws one line of `markup` with its baseline's left end at `origin`.
  func drawOnBaseline(_ markup: String, font: Font, at origin: Point, on cr: OpaquePointer) {
    guard let shaped = cache.layout(markup, font: font) else { return }
    let logical = cache.logicalRect(shaped)
    show(shaped, at: Point(x: origin.x - logical.x, y: origin.y - cache.baseline(shaped)), on: cr)
  }

  /// Shows a layout with its origin at `point`, scaled from the reference size.
  private func show(_ shaped: PangoThreadCache.Shaped, at point: Point, on cr: OpaquePointer) {
    cairo_save(cr)
    cairo_translate(cr, point.x, point.y)
    cairo_scale(cr, shaped.scale, shaped.scale)
    cairo_move_to(cr, 0, 0)
    pango_cairo_show_layout(cr, shaped.layout)
    cairo_restore(cr)
  }

  /// Whether `markup` is well-formed Pango markup.
  static func isValidMarkup(_ markup: String) -> Bool {
    var error: UnsafeMutablePointer<GError>?
    let ok = pango_parse_markup(markup, -1, 0, nil, nil, nil, &error)
    if let error { g_error_free(error) }
    return ok != 0
  }
}
