import GraphLayout

extension Scene {
  /// The part of the scene inside `window`, moved to the origin: a close-up of a figure (a
  /// step figure printed small shows the rows around its highlighted node). Wires are clipped
  /// at the window's edges (each segment by Liang–Barsky); a text, a shape or a placed
  /// figure is kept when it lies wholly inside, an arrowhead when its tip does, so nothing
  /// is drawn cut in half or outside the window.
  public func cropped(to window: Rect) -> Scene {
    let right = window.x + window.width
    let bottom = window.y + window.height
    func inside(_ p: Point) -> Bool {
      p.x >= window.x && p.x <= right && p.y >= window.y && p.y <= bottom
    }
    func holds(_ r: Rect) -> Bool {
      r.x >= window.x - 0.5 && r.y >= window.y - 0.5 && r.x + r.width <= right + 0.5
        && r.y + r.height <= bottom + 0.5
    }
    func moved(_ p: Point) -> Point { Point(x: p.x - window.x, y: p.y - window.y) }
    func moved(_ r: Rect) -> Rect {
      Rect(x: r.x - window.x, y: r.y - window.y, width: r.width, height: r.height)
    }
    /// The part of segment a–b inside the window, or nil.
    func clip(_ a: Point, _ b: Point) -> (Point, Point)? {
      var t0 = 0.0
      var t1 = 1.0
      let dx = b.x - a.x
      let dy = b.y - a.y
      for (p, q) in [
        (-dx, a.x - window.x), (dx, right - a.x), (-dy, a.y - window.y), (dy, bottom - a.y),
      ] {
        if p == 0 {
          if q < 0 { return nil }
        } else {
          let t = q / p
          if p < 0 { t0 = Swift.max(t0, t) } else { t1 = Swift.min(t1, t) }
          if t0 > t1 { return nil }
        }
      }
      return (
        Point(x: a.x + t0 * dx, y: a.y + t0 * dy), Point(x: a.x + t1 * dx, y: a.y + t1 * dy)
      )
    }
    // A node is shown whole or not at all: its shape and its texts together (colah's
    // ellipse held its formula; a text kept without its ellipse floated).
    var cutNodes: Set<Int> = []
    for element in elements {
      let (frame, owner): (Rect?, SceneOwner?) =
        switch element {
        case .circle(let c, let r, _, let o):
          (Rect(x: c.x - r, y: c.y - r, width: 2 * r, height: 2 * r), o)
        case .ellipse(let rect, _, let o), .roundedRect(let rect, _, _, let o),
          .rectangle(let rect, _, let o):
          (rect, o)
        case .text(let run, let o): (run.frame, o)
        default: (nil, nil)
        }
      if case .node(let id)? = owner, let frame, !holds(frame) { cutNodes.insert(id) }
    }
    // An edge's label box (colah's) goes with its text: a text kept on the bare wire had the
    // line drawn through it.
    var cutBoxes: [(edge: Int, rect: Rect)] = []
    for case .roundedRect(let rect, _, _, .edge(let k)) in elements where !holds(rect) {
      cutBoxes.append((k, rect))
    }
    func inCutBox(_ run: TextRun, _ owner: SceneOwner) -> Bool {
      guard case .edge(let k) = owner else { return false }
      let c = run.frame.center
      return cutBoxes.contains { box in
        box.edge == k && c.x >= box.rect.x && c.x <= box.rect.x + box.rect.width
          && c.y >= box.rect.y && c.y <= box.rect.y + box.rect.height
      }
    }
    // A node left out takes with it the arrowheads pointing into it (a wire into nothing).
    let cutFrames = elements.compactMap { element -> Rect? in
      guard case .node(let id)? = element.owner, cutNodes.contains(id) else { return nil }
      return element.shapeFrame
    }
    var kept: [SceneElement] = []
    for element in elements {
      if case .node(let id)? = element.owner, cutNodes.contains(id) {
        if case .polyline = element {} else { continue }
      }
      switch element {
      case .polyline(let points, let color, let width, let owner):
        // Consecutive clipped segments join into one line; a gap starts another.
        var line: [Point] = []
        for (a, b) in zip(points, points.dropFirst()) {
          guard let (p, q) = clip(a, b) else {
            if line.count > 1 {
              kept.append(.polyline(line, color: color, width: width, owner: owner))
            }
            line = []
            continue
          }
          if let last = line.last, last == moved(p) {
            line.append(moved(q))
          } else {
            if line.count > 1 {
              kept.append(.polyline(line, color: color, width: width, owner: owner))
            }
            line = [moved(p), moved(q)]
          }
        }
        if line.count > 1 { kept.append(.polyline(line, color: color, width: width, owner: owner)) }
      case .circle(let center, let radius, let style, let owner):
        if holds(
          Rect(x: center.x - radius, y: center.y - radius, width: 2 * radius, height: 2 * radius))
        {
          kept.append(.circle(center: moved(center), radius: radius, style: style, owner: owner))
        }
      case .ellipse(let rect, let style, let owner):
        if holds(rect) { kept.append(.ellipse(moved(rect), style: style, owner: owner)) }
      case .roundedRect(let rect, let radius, let style, let owner):
        if holds(rect) {
          kept.append(.roundedRect(moved(rect), radius: radius, style: style, owner: owner))
        }
      case .arrowhead(
        let tip, let direction, let length, let width, let filled, let color, let lineWidth,
        let owner):
        if inside(tip)
          && !cutFrames.contains(where: {
            let r = $0.insetBy(-2)
            return tip.x >= r.x && tip.x <= r.x + r.width && tip.y >= r.y && tip.y <= r.y + r.height
          })
        {
          kept.append(
            .arrowhead(
              tip: moved(tip), direction: direction, length: length, width: width,
              filled: filled, color: color, lineWidth: lineWidth, owner: owner))
        }
      case .text(var run, let owner):
        if holds(run.frame) && !inCutBox(run, owner) {
          run.frame = moved(run.frame)
          kept.append(.text(run, owner: owner))
        }
      case .baselineText(let markup, let font, let color, let origin, let owner):
        if inside(origin) {
          kept.append(
            .baselineText(markup, font: font, color: color, origin: moved(origin), owner: owner))
        }
      case .rectangle(let rect, let fill, let owner):
        if holds(rect) { kept.append(.rectangle(moved(rect), fill: fill, owner: owner)) }
      case .scene(let scene, let frame):
        if holds(frame) { kept.append(.scene(scene, frame: moved(frame))) }
      }
    }
    var part = Scene(
      size: Size(width: window.width, height: window.height), background: background,
      title: title, lineJoin: lineJoin, elements: kept)
    part.focus = focus.map(moved)
    part.focusHoldsGradient = focusHoldsGradient
    return part
  }
}

extension Scene {
  /// The scene without the empty bands above and below what it draws (`room` points of them
  /// kept): a part of a cut figure, or a close-up, holds only some of the figure's rows.
  public func trimmedVertically(room: Double = 4) -> Scene {
    guard let bounds = contentBounds else { return self }
    let top = Swift.max(0, bounds.y - room)
    let height = Swift.min(size.height, bounds.y + bounds.height + room) - top
    guard height < size.height - 1 else { return self }
    return cropped(to: Rect(x: 0, y: top, width: size.width, height: height))
  }

  /// The smallest box holding everything drawn (wires, shapes, texts, marks), nil for an
  /// empty scene: where a close-up may be trimmed to.
  public var contentBounds: Rect? {
    var minX = Double.infinity
    var minY = Double.infinity
    var maxX = -Double.infinity
    var maxY = -Double.infinity
    func include(_ r: Rect) {
      minX = Swift.min(minX, r.x)
      minY = Swift.min(minY, r.y)
      maxX = Swift.max(maxX, r.x + r.width)
      maxY = Swift.max(maxY, r.y + r.height)
    }
    func include(_ p: Point, _ pad: Double = 0) {
      include(Rect(x: p.x - pad, y: p.y - pad, width: 2 * pad, height: 2 * pad))
    }
    for element in elements {
      switch element {
      case .polyline(let points, _, let width, _): points.forEach { include($0, width / 2) }
      case .circle(let center, let radius, _, _): include(center, radius)
      case .ellipse(let rect, _, _), .roundedRect(let rect, _, _, _), .rectangle(let rect, _, _):
        include(rect)
      case .arrowhead(let tip, _, let length, _, _, _, _, _): include(tip, length)
      case .text(let run, _): include(run.frame)
      case .baselineText(_, let font, _, let origin, _): include(origin, font.size)
      case .scene(_, let frame): include(frame)
      }
    }
    guard minX <= maxX, minY <= maxY else { return nil }
    return Rect(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
  }
}

extension SceneElement {
  /// The box of a node's shape (circle, ellipse, box), nil for anything else.
  var shapeFrame: Rect? {
    switch self {
    case .circle(let c, let r, _, _): Rect(x: c.x - r, y: c.y - r, width: 2 * r, height: 2 * r)
    case .ellipse(let rect, _, _), .roundedRect(let rect, _, _, _), .rectangle(let rect, _, _):
      rect
    default: nil
    }
  }

  /// What the element belongs to (nil for a placed figure).
  var owner: SceneOwner? {
    switch self {
    case .circle(_, _, _, let owner), .ellipse(_, _, let owner), .roundedRect(_, _, _, let owner),
      .polyline(_, _, _, let owner), .text(_, let owner), .baselineText(_, _, _, _, let owner),
      .rectangle(_, _, let owner):
      owner
    case .arrowhead(_, _, _, _, _, _, _, let owner): owner
    case .scene: nil
    }
  }
}

extension Scene {
  /// The box around `focus` and the wires that end at it with their labels: what a close-up
  /// of one step must show (the node, what arrives from upstream, what it sends back), nil
  /// when no wire ends there.
  public func neighbourhood(of focus: Rect) -> Rect? {
    let near = focus.insetBy(-6)
    func touches(_ p: Point) -> Bool {
      p.x >= near.x && p.x <= near.x + near.width && p.y >= near.y && p.y <= near.y + near.height
    }
    var wires: Set<Int> = []
    for case .polyline(let points, _, _, .edge(let k)) in elements {
      if let first = points.first, let last = points.last, touches(first) || touches(last) {
        wires.insert(k)
      }
    }
    guard !wires.isEmpty else { return nil }
    let theirs = elements.filter { element in
      if case .edge(let k)? = element.owner { return wires.contains(k) }
      return false
    }
    var part = self
    part.elements = theirs
    guard let bounds = part.contentBounds else { return nil }
    let top = Swift.min(bounds.y, focus.y)
    let bottom = Swift.max(bounds.y + bounds.height, focus.y + focus.height)
    let left = Swift.min(bounds.x, focus.x)
    let right = Swift.max(bounds.x + bounds.width, focus.x + focus.width)
    return Rect(x: left, y: top, width: right - left, height: bottom - top)
  }
}

extension Scene {
  /// The boxes of the nodes' shapes (a node's text aside), for a close-up to cut around.
  public var nodeFrames: [Rect] {
    elements.compactMap { element in
      guard case .node? = element.owner else { return nil }
      return element.shapeFrame
    }
  }

  /// The boxes of the texts (labels, names, marks), for a close-up to cut around.
  public var textFrames: [Rect] {
    elements.compactMap { element in
      guard case .text(let run, _) = element else { return nil }
      return run.frame
    }
  }
}

extension Scene {
  /// The box around `focus` and the labels of the wires that end at it (values, gradients,
  /// names, DLFS's backward arrows, arrowheads) without the wires themselves: what a close-up
  /// of the step must hold whole. A wire from far away is clipped by the close-up, its labels
  /// are not. Without `outgoing`, only the wires into `focus` count. nil when no wire ends at
  /// `focus`.
  public func labelBounds(around focus: Rect, outgoing: Bool = true) -> Rect? {
    let near = focus.insetBy(-6)
    func touches(_ p: Point) -> Bool {
      p.x >= near.x && p.x <= near.x + near.width && p.y >= near.y && p.y <= near.y + near.height
    }
    var wires: Set<Int> = []
    for case .polyline(let points, _, _, .edge(let k)) in elements {
      if let first = points.first, let last = points.last,
        (outgoing && touches(first)) || touches(last)
      {
        wires.insert(k)
      }
    }
    guard !wires.isEmpty else { return nil }
    var part = self
    part.elements = elements.filter { element in
      guard case .edge(let k)? = element.owner, wires.contains(k) else { return false }
      switch element {
      case .text, .baselineText, .arrowhead: return true
      case .polyline(_, _, let width, _): return width > 1.5
      default: return false
      }
    }
    guard let labels = part.contentBounds else { return focus }
    let left = Swift.min(labels.x, focus.x)
    let top = Swift.min(labels.y, focus.y)
    let right = Swift.max(labels.x + labels.width, focus.x + focus.width)
    let bottom = Swift.max(labels.y + labels.height, focus.y + focus.height)
    return Rect(x: left, y: top, width: right - left, height: bottom - top)
  }
}

extension Scene {
  /// How far right the labels of the wires leaving `focus` rightwards reach (the value
  /// above, the gradient from upstream below, its arrow): what a close-up of
  /// the step at `focus` must show of what arrives from upstream. nil when no wire leaves it
  /// to the right.
  public func outgoingRight(of focus: Rect) -> Double? {
    let near = focus.insetBy(-6)
    var wires: Set<Int> = []
    var reach: Double?
    for case .polyline(let points, _, _, .edge(let k)) in elements {
      guard points.count >= 2, let first = points.first,
        first.x >= near.x, first.x <= near.x + near.width, first.y >= near.y,
        first.y <= near.y + near.height, points[1].x > first.x
      else { continue }
      wires.insert(k)
      reach = Swift.max(reach ?? 0, first.x)
    }
    guard var right = reach else { return nil }
    for element in elements {
      guard case .edge(let k)? = element.owner, wires.contains(k) else { continue }
      switch element {
      case .text(let run, _): right = Swift.max(right, run.frame.x + run.frame.width)
      case .arrowhead(let tip, _, let length, _, _, _, _, _):
        right = Swift.max(right, tip.x + length)
      // DLFS's backward arrow under the wire (the wire itself starts at the node): whole, or
      // the cut through it drew a continuation mark as thick as the arrow.
      case .polyline(let points, _, let width, _) where width > 1.5:
        right = Swift.max(right, points.map(\.x).max() ?? right)
      default: break
      }
    }
    return right
  }
}

extension Scene {
  /// Where the first node right of `x` begins (the left edge of the next column of nodes, or
  /// a branch point's dot), nil when there is none.
  public func nodesLeft(after x: Double) -> Double? {
    var least: Double?
    for element in elements {
      let left: Double
      switch element {
      case .circle(let center, let radius, let style, .node) where style.fill != nil:
        left = center.x - radius
      case .ellipse(let rect, let style, .node) where style.fill != nil: left = rect.x
      case .roundedRect(let rect, _, let style, .node) where style.fill != nil: left = rect.x
      default: continue
      }
      if left > x + 1 { least = Swift.min(least ?? left, left) }
    }
    return least
  }
}
