import GraphLayout

extension Scene {
  /// The scene with each empty horizontal band taller than `least` closed up to `room`: a
  /// part of a cut figure holds only some columns of the graph, and where the rows of the
  /// other columns were, nothing is left (a lone input at the top of a part, a fifth of its
  /// height empty under it). A band is empty when no element reaches into it — a wire
  /// running down across it keeps it. Everything under a band moves up by what was taken
  /// out; nothing changes its x.
  public func closingEmptyBands(least: Double = 36, room: Double = 14) -> Scene {
    // Each element's vertical extent (a polyline's, segment by segment: a wire running
    // across the band at one height does not fill the band around it).
    var spans: [(top: Double, bottom: Double)] = []
    func include(_ top: Double, _ bottom: Double) { spans.append((top, bottom)) }
    for element in elements {
      switch element {
      case .polyline(let points, _, let width, _):
        for (a, b) in zip(points, points.dropFirst()) {
          include(Swift.min(a.y, b.y) - width / 2, Swift.max(a.y, b.y) + width / 2)
        }
        if points.count == 1 { include(points[0].y - width / 2, points[0].y + width / 2) }
      case .circle(let center, let radius, _, _): include(center.y - radius, center.y + radius)
      case .ellipse(let rect, _, _), .roundedRect(let rect, _, _, _), .rectangle(let rect, _, _):
        include(rect.y, rect.y + rect.height)
      case .arrowhead(let tip, _, let length, _, _, _, _, _):
        include(tip.y - length, tip.y + length)
      case .text(let run, _): include(run.frame.y, run.frame.y + run.frame.height)
      case .baselineText(_, let font, _, let origin, _):
        include(origin.y - font.size, origin.y + font.size / 2)
      case .scene(_, let frame): include(frame.y, frame.y + frame.height)
      }
    }
    spans.sort { $0.top < $1.top }
    // The gaps between the merged spans, and how much of each is taken out.
    var cuts: [(at: Double, removed: Double)] = []
    var reach = -Double.infinity
    for span in spans {
      if reach > -Double.infinity, span.top - reach > least {
        cuts.append((reach + room / 2, span.top - reach - room))
      }
      reach = Swift.max(reach, span.bottom)
    }
    guard !cuts.isEmpty else { return self }
    func shift(_ y: Double) -> Double {
      y - cuts.reduce(0) { $0 + ($1.at < y ? $1.removed : 0) }
    }
    func moved(_ p: Point) -> Point { Point(x: p.x, y: shift(p.y)) }
    var closed = self
    closed.elements = elements.map { $0.moved(moved) }
    closed.size.height = size.height - cuts.reduce(0) { $0 + $1.removed }
    closed.focus = focus.map { r in
      Rect(x: r.x, y: shift(r.y), width: r.width, height: r.height)
    }
    // Where things were is no longer where they are.
    closed.geometry = nil
    return closed
  }
}

extension Scene {
  /// The scene with each thin wire that an edge of it cuts, and whose labels are all outside,
  /// cut back to `length` points beyond the node at its end inside, or beyond its first bend
  /// (a tick saying that another input arrives there); such a wire with both ends outside is
  /// left out. A close-up of some rows of a graph showed a wire from a row left out as a
  /// long stub running into the caption under it.
  public func shorteningCutWires(length: Double = 12) -> Scene {
    func cut(_ p: Point) -> Bool {
      p.y <= 0.5 || p.y >= size.height - 0.5 || p.x <= 0.5 || p.x >= size.width - 0.5
    }
    // The edges that still have a label here: a text, or DLFS's thick backward arrow.
    var labelled: Set<Int> = []
    for element in elements {
      switch element {
      case .text(_, .edge(let k)): labelled.insert(k)
      case .polyline(_, _, let width, .edge(let k)) where width > 1.5: labelled.insert(k)
      default: break
      }
    }
    let nodes = elements.compactMap { element -> Rect? in
      guard case .node? = element.owner else { return nil }
      return element.shapeFrame
    }
    var shortened = self
    shortened.elements = elements.compactMap { element in
      guard case .polyline(let points, let color, let width, .edge(let k)) = element,
        width <= 1.5, !labelled.contains(k), let first = points.first, let last = points.last,
        cut(first) || cut(last)
      else { return element }
      if cut(first) && cut(last) { return nil }
      // From the end inside, `length` along the wire beyond the node it starts under.
      let path = cut(first) ? Array(points.reversed()) : points
      var kept = [path[0]]
      var left = length + distanceInsideNode(along: path, from: nodes)
      // Wires into a node share their last straight run to it: the tick starts at the bend.
      if path.count > 2 {
        left = Swift.max(left, distance(path[0], path[1]) + length)
      }
      for (a, b) in zip(path, path.dropFirst()) {
        let d = distance(a, b)
        if d >= left {
          let t = left / d
          kept.append(Point(x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y)))
          break
        }
        kept.append(b)
        left -= d
      }
      return .polyline(kept, color: color, width: width, owner: .edge(k))
    }
    return shortened
  }
}

/// How far along `path` (from its first point) it runs inside the node frame holding its
/// first point, to the nearest half point (sampled: a few steps across a node); 0 when no
/// frame holds it.
private func distanceInsideNode(along path: [Point], from frames: [Rect]) -> Double {
  func inside(_ p: Point, _ r: Rect) -> Bool {
    p.x >= r.x && p.x <= r.x + r.width && p.y >= r.y && p.y <= r.y + r.height
  }
  guard let start = path.first, let frame = frames.first(where: { inside(start, $0) }) else {
    return 0
  }
  var travelled = 0.0
  for (a, b) in zip(path, path.dropFirst()) {
    let d = distance(a, b)
    var s = 0.0
    while s < d {
      let t = s / d
      if !inside(Point(x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y)), frame) {
        return travelled + s
      }
      s += 0.5
    }
    travelled += d
  }
  return travelled
}

/// The length of segment a–b.
private func distance(_ a: Point, _ b: Point) -> Double {
  ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot()
}
