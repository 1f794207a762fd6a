import GraphLayout

extension Scene {
  /// The radius of a continuation mark's circle.
  static let markRadius = 6.5
  /// How much a part grows at each cut: room for two continuation marks side by side (wires
  /// close together get theirs staggered).
  public static let continuationPad = 4 * markRadius + 8

  /// The figure cut at `cuts` (x positions, each one of ``cuts``) into parts, left to right,
  /// each a scene of its own, for a figure too wide to print readably in one piece. A wire
  /// that crosses a cut ends there in a continuation mark — a letter in a circle, as a
  /// circuit diagram continues a line on its next sheet — and starts again from the same
  /// mark at the left of the next part. Everything else goes to the part its centre is in.
  /// The marks are set in the figure's own label font and colour.
  public func split(at cuts: [Double]) -> [Scene] {
    let cuts = cuts.sorted().filter { $0 > 0 && $0 < size.width }
    guard !cuts.isEmpty else { return [self] }
    var markFont = Font(family: "DejaVu Sans", size: 9)
    var markColor = Color.black
    for case .text(let run, _) in elements where run.font.size == smallestTextSize {
      (markFont, markColor) = (run.font, run.color)
      break
    }
    let bounds = [0] + cuts + [size.width]
    func part(_ x: Double) -> Int {
      var k = 0
      while k < cuts.count && x >= cuts[k] { k += 1 }
      return k
    }
    var pieces = [[SceneElement]](repeating: [], count: bounds.count - 1)
    // The crossings of each cut: (y, colour, line width), one mark each, lettered in order.
    var crossings = [[(y: Double, color: Color, width: Double)]](repeating: [], count: cuts.count)

    for element in elements {
      switch element {
      case .polyline(let points, let color, let width, let owner):
        var current: [Point] = []
        var k = points.first.map { part($0.x) } ?? 0
        for (a, b) in zip(points, points.dropFirst()) {
          if current.isEmpty { current = [a] }
          var from = a
          // Each cut between a and b ends the piece in part k and starts one in the next.
          while true {
            let toward = b.x > from.x ? k : k - 1
            guard toward >= 0, toward < cuts.count else { break }
            let c = cuts[toward]
            let crosses = b.x > from.x ? (from.x < c && b.x >= c) : (from.x >= c && b.x < c)
            guard crosses, b.x != from.x else { break }
            let t = (c - from.x) / (b.x - from.x)
            let at = Point(x: c, y: from.y + t * (b.y - from.y))
            current.append(at)
            if current.count > 1 {
              pieces[k].append(.polyline(current, color: color, width: width, owner: owner))
            }
            if !crossings[toward].contains(where: { Swift.abs($0.y - at.y) < 0.5 }) {
              crossings[toward].append((at.y, color, width))
            }
            k = b.x > from.x ? k + 1 : k - 1
            current = [at]
            from = at
          }
          if current.last != b { current.append(b) }
        }
        if current.count > 1 {
          pieces[k].append(.polyline(current, color: color, width: width, owner: owner))
        }
      case .arrowhead(let tip, let direction, let length, _, _, _, _, _):
        // By the head's middle: its tip may touch the next column.
        pieces[part(tip.x - direction.x * length / 2)].append(element)
      case .text(let run, _):
        pieces[part(run.frame.center.x)].append(element)
      case .circle(let center, _, _, _):
        pieces[part(center.x)].append(element)
      case .ellipse(let rect, _, _), .roundedRect(let rect, _, _, _), .rectangle(let rect, _, _):
        pieces[part(rect.center.x)].append(element)
      case .baselineText(_, _, _, let origin, _):
        pieces[part(origin.x)].append(element)
      case .scene(_, let frame):
        pieces[part(frame.center.x)].append(element)
      }
    }

    // Continuation marks: at the right end of the wire in one part, again at the left of the
    // next. Wires closer than a mark's width get their marks staggered along the wire (the
    // least column free of a mark within reach), the wire drawn on under the nearer marks to
    // its own; every extension first, then the marks over them.
    var letter = 0
    let step = 2 * Self.markRadius + 4
    var extensions = [[SceneElement]](repeating: [], count: pieces.count)
    var marks = [[SceneElement]](repeating: [], count: pieces.count)
    var deepest = 0
    for (k, list) in crossings.enumerated() {
      var placed: [(y: Double, level: Int)] = []
      for crossing in list.sorted(by: { $0.y < $1.y }) {
        let taken = Set(placed.filter { crossing.y - $0.y < step }.map(\.level))
        let level = (0...).first { !taken.contains($0) } ?? 0
        placed.append((crossing.y, level))
        deepest = Swift.max(deepest, level)
        let name = Self.markName(letter)
        letter += 1
        let offset = Self.markRadius + 1 + Double(level) * step
        for (side, x) in [(k, cuts[k] + offset), (k + 1, cuts[k] - offset)] {
          let center = Point(x: x, y: crossing.y)
          if level > 0 {
            let near = x > cuts[k] ? x - Self.markRadius : x + Self.markRadius
            extensions[side].append(
              .polyline(
                [Point(x: cuts[k], y: crossing.y), Point(x: near, y: crossing.y)],
                color: crossing.color, width: crossing.width, owner: .page))
          }
          marks[side].append(
            .circle(
              center: center, radius: Self.markRadius,
              style: ShapeStyle(
                fill: background, stroke: crossing.color, lineWidth: crossing.width),
              owner: .page))
          let box = Size(width: Self.markRadius * 1.4, height: Self.markRadius * 1.6)
          marks[side].append(
            .text(
              TextRun(
                markup: name, font: markFont, color: markColor,
                frame: Rect(center: center, size: box)),
              owner: .page))
        }
      }
    }
    for k in pieces.indices { pieces[k] += extensions[k] + marks[k] }
    let pad = Swift.max(Self.continuationPad, Double(deepest + 1) * step + 6)

    return pieces.indices.map { k in
      let left = k == 0 ? 0 : bounds[k] - pad
      var right = k == pieces.count - 1 ? size.width : bounds[k + 1] + pad
      // A legend line longer than the first part widens it.
      for case .text(let run, _) in pieces[k] { right = Swift.max(right, run.frame.maxX + 4) }
      var scene = Scene(
        size: Size(width: right - left, height: size.height), background: background,
        title: "\(title) (\(k + 1)/\(pieces.count))", lineJoin: lineJoin)
      scene.elements = pieces[k].map { $0.shifted(by: -left) }
      // The step's node, in the part that holds its middle.
      if let focus, part(focus.x + focus.width / 2) == k {
        scene.focus = Rect(x: focus.x - left, y: focus.y, width: focus.width, height: focus.height)
        scene.focusHoldsGradient = focusHoldsGradient
      }
      return scene
    }
  }

  /// The scene without the letters of its continuation marks (a close-up of one part shows
  /// no other part for a letter to lead to): each circle stays, empty, where its wire goes on.
  public var withoutMarkLetters: Scene {
    let circles = elements.compactMap { element -> Point? in
      guard case .circle(let center, let radius, _, .page) = element,
        radius == Self.markRadius
      else { return nil }
      return center
    }
    var scene = self
    scene.elements = elements.filter { element in
      guard case .text(let run, .page) = element else { return true }
      let c = run.frame.center
      return !circles.contains {
        abs($0.x - c.x) < 0.01 && abs($0.y - c.y) < 0.01
      }
    }
    return scene
  }

  /// A, B, …, Z, AA, AB, …, without L and N, which the figures use for the loss and a
  /// batch's rows (a mark "targets—Ⓛ" read as the loss).
  static func markName(_ n: Int) -> String {
    let letters = Array("ABCDEFGHIJKMOPQRSTUVWXYZ")
    let count = letters.count
    return n < count
      ? String(letters[n]) : markName(n / count - 1) + String(letters[n % count])
  }
}

extension SceneElement {
  /// The element moved by `dx` along x.
  func shifted(by dx: Double) -> SceneElement { moved { Point(x: $0.x + dx, y: $0.y) } }

  /// The element with every point it is placed by moved by `f` (a box by its corner, its
  /// size kept): a part of a cut figure shifted sideways, a band closed up.
  func moved(_ f: (Point) -> Point) -> SceneElement {
    func r(_ q: Rect) -> Rect {
      let corner = f(Point(x: q.x, y: q.y))
      return Rect(x: corner.x, y: corner.y, width: q.width, height: q.height)
    }
    switch self {
    case .circle(let center, let radius, let style, let owner):
      return .circle(center: f(center), radius: radius, style: style, owner: owner)
    case .ellipse(let rect, let style, let owner):
      return .ellipse(r(rect), style: style, owner: owner)
    case .roundedRect(let rect, let radius, let style, let owner):
      return .roundedRect(r(rect), radius: radius, style: style, owner: owner)
    case .polyline(let points, let color, let width, let owner):
      return .polyline(points.map(f), color: color, width: width, owner: owner)
    case .arrowhead(
      let tip, let direction, let length, let width, let filled, let color, let lineWidth, let owner
    ):
      return .arrowhead(
        tip: f(tip), direction: direction, length: length, width: width, filled: filled,
        color: color,
        lineWidth: lineWidth, owner: owner)
    case .text(var run, let owner):
      run.frame = r(run.frame)
      return .text(run, owner: owner)
    case .baselineText(let text, let font, let color, let origin, let owner):
      return .baselineText(text, font: font, color: color, origin: f(origin), owner: owner)
    case .rectangle(let rect, let fill, let owner):
      return .rectangle(r(rect), fill: fill, owner: owner)
    case .scene(let scene, let frame): return .scene(scene, frame: r(frame))
    }
  }
}
