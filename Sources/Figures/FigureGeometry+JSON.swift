import Analysis
public import Drawing
import GraphLayout

/// A figure's geometry as the JSON `lessongen layout` prints (docs/LAYOUT.md): points to
/// two decimals, boxes by their top-left corner, y downward, texts plain.
public enum LayoutJSON {
  public static func write(_ g: FigureGeometry) -> String {
    var out = "{\n"
    out += "  \"width\": \(number(g.size.width)), \"height\": \(number(g.size.height)),\n"
    out += "  \"direction\": \(TraceJSON.string(g.direction.rawValue)),\n"
    out += "  \"nodes\": [" + list(g.nodes.map(node)) + "],\n"
    out += "  \"edges\": [" + list(g.edges.map(edge)) + "],\n"
    out += "  \"labels\": [" + list(g.labels.map(label)) + "]\n"
    return out + "}\n"
  }

  private static func list(_ items: [String]) -> String {
    items.isEmpty ? "" : "\n    " + items.joined(separator: ",\n    ") + "\n  "
  }

  private static func node(_ n: FigureGeometry.Node) -> String {
    "{ \"id\": \(TraceJSON.string(n.id)), \"kind\": \(TraceJSON.string(n.kind.rawValue)), "
      + "\"label\": \(TraceJSON.string(n.label)), \(box(n.frame)) }"
  }

  private static func edge(_ e: FigureGeometry.Edge) -> String {
    "{ \"from\": \(TraceJSON.string(e.from)), \"to\": \(TraceJSON.string(e.to)), \"points\": ["
      + e.points.map { "[\(number($0.x)), \(number($0.y))]" }.joined(separator: ", ") + "] }"
  }

  private static func label(_ l: FigureGeometry.Label) -> String {
    "{ \"text\": \(TraceJSON.string(l.text)), \(box(l.frame)) }"
  }

  private static func box(_ r: Rect) -> String {
    "\"x\": \(number(r.x)), \"y\": \(number(r.y)), \"width\": \(number(r.width)), "
      + "\"height\": \(number(r.height))"
  }

  /// Two decimals (a hundredth of a point), without trailing zeros; never `-0`.
  static func number(_ v: Double) -> String {
    let rounded = (v * 100).rounded() / 100
    return TraceJSON.number(rounded == 0 ? 0 : rounded)
  }
}
