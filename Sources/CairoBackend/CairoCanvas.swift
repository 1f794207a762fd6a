internal import CCairo
import Drawing
import Figures
import Foundation
import GraphLayout

/// Draws a ``Scene`` on a Cairo context — a figure, or a handout page with figures inside it.
/// The only place scene elements meet Cairo calls.
final class CairoCanvas {
  private let cr: OpaquePointer
  private let text: PangoSession
  /// The context's line join: Cairo's default until a scene asks for another.
  private var lineJoin = LineJoin.miter

  init(_ cr: OpaquePointer) {
    self.cr = cr
    self.text = PangoSession()
  }

  /// Paints the scene's background and draws its elements.
  func draw(_ scene: Scene) {
    setColor(scene.background)
    cairo_paint(cr)
    drawElements(scene)
  }

  /// The scene's elements without its background.
  private func drawElements(_ scene: Scene) {
    setLineJoin(scene.lineJoin)
    for element in scene.elements { draw(element) }
  }

  /// Sets the line join unless the context has it already: the PDF gets no operator it does
  /// not need, and the same scenes give the same bytes.
  private func setLineJoin(_ join: LineJoin) {
    guard join != lineJoin else { return }
    cairo_set_line_join(cr, join == .round ? CAIRO_LINE_JOIN_ROUND : CAIRO_LINE_JOIN_MITER)
    lineJoin = join
  }

  private func setColor(_ c: Color) {
    cairo_set_source_rgb(cr, c.red, c.green, c.blue)
  }

  /// Strokes the line through `points` in the current colour, with square-cut ends.
  private func stroke(_ points: [Point], width: Double) {
    guard let first = points.first else { return }
    cairo_move_to(cr, first.x, first.y)
    for p in points.dropFirst() { cairo_line_to(cr, p.x, p.y) }
    cairo_set_line_width(cr, width)
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
    cairo_stroke(cr)
  }

  private func paint(_ style: ShapeStyle) {
    if let fill = style.fill {
      setColor(fill)
      cairo_fill_preserve(cr)
    }
    if let stroke = style.stroke {
      setColor(stroke)
      cairo_set_line_width(cr, style.lineWidth)
      cairo_stroke(cr)
    }
    cairo_new_path(cr)
  }

  private func draw(_ element: SceneElement) {
    switch element {
    case .circle(let center, let radius, let style, _):
      cairo_new_sub_path(cr)
      cairo_arc(cr, center.x, center.y, radius, 0, 2 * Double.pi)
      paint(style)
    case .ellipse(let rect, let style, _):
      cairo_save(cr)
      cairo_translate(cr, rect.center.x, rect.center.y)
      cairo_scale(cr, rect.width / 2, rect.height / 2)
      cairo_new_sub_path(cr)
      cairo_arc(cr, 0, 0, 1, 0, 2 * Double.pi)
      cairo_restore(cr)
      paint(style)
    case .roundedRect(let rect, let radius, let style, _):
      let r = Swift.min(radius, rect.width / 2, rect.height / 2)
      cairo_new_sub_path(cr)
      cairo_arc(cr, rect.maxX - r, rect.minY + r, r, -Double.pi / 2, 0)
      cairo_arc(cr, rect.maxX - r, rect.maxY - r, r, 0, Double.pi / 2)
      cairo_arc(cr, rect.minX + r, rect.maxY - r, r, Double.pi / 2, Double.pi)
      cairo_arc(cr, rect.minX + r, rect.minY + r, r, Double.pi, 1.5 * Double.pi)
      cairo_close_path(cr)
      paint(style)
    case .polyline(let points, let color, let width, _):
      setColor(color)
      stroke(points, width: width)
    case .arrowhead(let tip, let d, let length, let width, let filled, let color, let lineWidth, _):
      let base = Point(x: tip.x - d.x * length, y: tip.y - d.y * length)
      let n = Point(x: -d.y * width / 2, y: d.x * width / 2)
      setColor(color)
      cairo_move_to(cr, base.x + n.x, base.y + n.y)
      cairo_line_to(cr, tip.x, tip.y)
      cairo_line_to(cr, base.x - n.x, base.y - n.y)
      if filled {
        cairo_close_path(cr)
        cairo_fill(cr)
      } else {
        cairo_set_line_width(cr, lineWidth)
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND)
        cairo_stroke(cr)
      }
    case .text(let run, _):
      setColor(run.color)
      text.draw(run.markup, font: run.font, at: run.frame, on: cr, width: run.wrapWidth)
    case .baselineText(let markup, let font, let color, let origin, _):
      setColor(color)
      text.drawOnBaseline(markup, font: font, at: origin, on: cr)
    case .rectangle(let rect, let fill, _):
      setColor(fill)
      cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
      cairo_fill(cr)
    case .scene(let scene, let frame):
      let outer = lineJoin
      cairo_save(cr)
      cairo_translate(cr, frame.x, frame.y)
      cairo_scale(cr, frame.width / scene.size.width, frame.height / scene.size.height)
      drawElements(scene)
      cairo_restore(cr)
      // Restoring the context brought its line join back.
      lineJoin = outer
    }
  }
}
