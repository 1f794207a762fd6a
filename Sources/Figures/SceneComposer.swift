import Drawing
import FormulaWriting
import GraphEngine
import GraphLayout

/// Measures a ``Diagram``, lays it out and turns it into a ``Scene``.
///
/// A left-to-right label slot stacks, top to bottom: the value, a gap, the wire, the
/// backward arrow (DLFS), the gradient. Its width fits the wider label and a least arrow
/// length. Bottom to top (colah), the slot is the derivative box centred on the wire.
struct SceneComposer {
  let theme: Theme
  let measurer: any TextMeasuring
  /// Whether each scene records its ``FigureGeometry`` (for `lessongen layout`): every
  /// wire's whole polyline, which for a wide fan-out is as long as the graph is deep, so only
  /// when asked.
  var recordsGeometry = false

  /// Space beside a layer's name inside its rounded rectangle, and its corners' radius.
  static let layerPadding = 9.0
  /// How far outside the highlighted node its second ring is drawn.
  static let highlightRing = 2.5
  /// Space between a label and the wire.
  static let labelGap = 3.0
  /// Least length of the straight part of a labelled wire.
  static let minimumWire = 40.0
  /// Space beside labels inside a slot.
  static let slotPadding = 6.0
  /// The diameter of a branch point's dot.
  static let branchDot = 5.0
  /// The figure's margin around the legend (the layout's own margin).
  static let legendMargin = 16.0
  /// Space between the graph and its legend.
  static let legendGap = 10.0

  private struct Slot {
    var size: Size
    var lineOffset: Double
    var above: Size
    var below: Size
    /// The operand mark's size, at the slot's end above the wire (zero for none).
    var mark: Size = .zero
  }

  func compose(_ diagram: Diagram) -> Scene {
    compose(sequence: [diagram])[0]
  }

  /// Scenes for diagrams that differ only in what they show (the steps of a backward pass):
  /// laid out once, so every figure has the same geometry, with each node and label slot as
  /// large as the largest text it holds in any of them (a colah node gains a gradient line
  /// once the backward pass reaches it).
  func compose(sequence diagrams: [Diagram]) -> [Scene] {
    guard let diagram = diagrams.first else { return [] }
    let horizontal = theme.direction == .leftToRight
    let textSizes = diagrams.map { diagram in
      diagram.boxes.map { box in box.text.map { measurer.measure($0.markup, font: $0.font) } }
    }
    let boxSizes = diagram.boxes.indices.map { i in
      diagrams.indices.map { d in boxSize(diagrams[d].boxes[i], textSizes[d][i]) }
        .reduce(Size.zero) {
          Size(width: Swift.max($0.width, $1.width), height: Swift.max($0.height, $1.height))
        }
    }
    let slots = diagrams.map { $0.edges.map(slot) }
    let layoutSlots = diagram.edges.indices.map { i in
      merged(slots.map { $0[i] }, horizontal: horizontal)
    }
    var spacing = Spacing()
    if !horizontal {
      spacing.columnGap = 22
      spacing.between = 18
    }
    let request = LayoutRequest(
      nodes: zip(diagram.boxes, boxSizes).map { box, size in
        LayoutNode(size: size, stub: box.kind == .constant)
      },
      edges: zip(diagram.edges, layoutSlots).map { edge, slot in
        LayoutEdge(
          from: edge.from, to: edge.to, label: slot.size, lineOffset: slot.lineOffset,
          weight: edge.weight)
      },
      direction: theme.direction, spacing: spacing)
    let layout = LayeredLayout.layout(request)

    // The legend under the graph, left-aligned at the margin, a line per short name.
    // The first diagram's legend, the same for every figure of the sequence.
    let legend = diagram.legend
    let legendSizes = legend.map { measurer.measure($0.markup, font: $0.font) }
    var size = layout.size
    var legendFrames: [Rect] = []
    if !legendSizes.isEmpty {
      var top = layout.size.height - Self.legendMargin + Self.legendGap
      for s in legendSizes {
        legendFrames.append(Rect(x: Self.legendMargin, y: top, width: s.width, height: s.height))
        top += s.height + 2
      }
      size.height = top - 2 + Self.legendMargin
      size.width = Swift.max(
        size.width, (legendSizes.map(\.width).max() ?? 0) + 2 * Self.legendMargin)
    }

    return diagrams.enumerated().map { d, diagram in
      var scene = Scene(
        size: size, background: theme.background, title: diagram.title,
        lineJoin: theme.lineJoin)
      scene.cuts = layout.cuts
      var geometry = FigureGeometry(size: layout.size, direction: horizontal ? .right : .up)
      for (index, edge) in diagram.edges.enumerated() {
        drawEdge(
          edge, index: index, route: layout.edges[index], slot: slots[d][index], into: &scene,
          labels: &geometry.labels)
        // A branch point is not a node of the graph: its stem and each branch are one edge.
        guard recordsGeometry, diagram.boxes[edge.to].kind != .branch else { continue }
        var from = edge.from
        var points = layout.edges[index].points
        if diagram.boxes[from].kind == .branch,
          let stem = diagram.edges.indices.first(where: { diagram.edges[$0].to == from })
        {
          points = layout.edges[stem].points + points.dropFirst()
          from = diagram.edges[stem].from
        }
        geometry.edges.append(
          .init(from: diagram.boxes[from].id, to: diagram.boxes[edge.to].id, points: points))
      }
      for (index, box) in diagram.boxes.enumerated() {
        drawBox(
          box, index: index, frame: layout.nodes[index], textSize: textSizes[d][index],
          into: &scene)
        guard recordsGeometry, box.kind != .branch else { continue }
        geometry.nodes.append(
          .init(
            id: box.id, kind: box.role,
            label: box.text.map { PangoMarkupDialect.plainText($0.markup) } ?? "",
            frame: layout.nodes[index]))
      }
      for (line, frame) in zip(legend, legendFrames) {
        scene.elements.append(.text(run(line, frame), owner: .legend))
        if recordsGeometry {
          geometry.labels.append(
            .init(text: PangoMarkupDialect.plainText(line.markup), frame: frame))
        }
      }
      geometry.size = size
      if recordsGeometry { scene.geometry = geometry }
      return scene
    }
  }

  /// One slot with room for each of `slots` (the same edge in each diagram of a sequence):
  /// across the flow, the largest part on each side of the line (`lineOffset` measures the
  /// side before it), along the flow the longest.
  private func merged(_ slots: [Slot], horizontal: Bool) -> Slot {
    guard var out = slots.first else {
      return Slot(size: .zero, lineOffset: 0, above: .zero, below: .zero)
    }
    for slot in slots.dropFirst() {
      let across = { (s: Slot) in horizontal ? s.size.height : s.size.width }
      let after = Swift.max(across(out) - out.lineOffset, across(slot) - slot.lineOffset)
      out.lineOffset = Swift.max(out.lineOffset, slot.lineOffset)
      if horizontal {
        out.size.height = out.lineOffset + after
        out.size.width = Swift.max(out.size.width, slot.size.width)
      } else {
        out.size.width = out.lineOffset + after
        out.size.height = Swift.max(out.size.height, slot.size.height)
      }
    }
    return out
  }

  // MARK: Measuring

  private func boxSize(_ box: Diagram.Box, _ text: Size?) -> Size {
    let t = text ?? .zero
    switch box.kind {
    case .sink: return .zero
    case .branch: return Size(width: Self.branchDot, height: Self.branchDot)
    case .input, .constant: return Size(width: t.width + 4, height: t.height + 2)
    case .operation where box.layer:
      return Size(
        width: t.width + 2 * Self.layerPadding,
        height: Swift.max(2 * theme.nodeRadius, t.height + 12))
    case .operation:
      switch theme.shape {
      case .circle:
        let d = Swift.max(2 * theme.nodeRadius, Swift.max(t.width, t.height) + 10)
        return Size(width: d, height: d)
      case .ellipse:
        // An ellipse around a text block: its corners stay inside with this margin. Never
        // narrower than tall: a one-glyph operator (`/`, 11 pt wide against 27 pt tall)
        // made a thin upright ellipse; colah's nodes are round or wide.
        let height = t.height * 1.45 + 10
        return Size(width: Swift.max(t.width * 1.3 + 14, height), height: height)
      }
    }
  }

  private func measure(_ text: Diagram.Text?) -> Size {
    text.map { measurer.measure($0.markup, font: $0.font) } ?? .zero
  }

  /// Between a value and its operand mark.
  static let markGap = 7.0

  private func slot(_ edge: Diagram.Edge) -> Slot {
    if let box = edge.box {
      let t = measure(box)
      let p = theme.edgeBox?.padding ?? 4
      let size = Size(width: t.width + 2 * p, height: t.height + 2 * p)
      // The wire runs through the box's middle, measured across the flow.
      let across = theme.direction == .leftToRight ? size.height : size.width
      return Slot(size: size, lineOffset: across / 2, above: t, below: .zero)
    }
    let above = measure(edge.above)
    let below = measure(edge.below)
    let mark = measure(edge.mark)
    if edge.above == nil && edge.below == nil && edge.mark == nil {
      return Slot(size: .zero, lineOffset: 0, above: .zero, below: .zero)
    }
    let lineOffset = Swift.max(above.height + edge.aboveGap, mark.height) + Self.labelGap
    var height = lineOffset + belowOffset() + below.height
    if below.height == 0 { height = lineOffset + Self.labelGap }
    // The mark stands after the value, so the slot grows by its width on that row.
    let markRoom = mark.width > 0 ? mark.width + Self.markGap : 0
    let width =
      Swift.max(Self.minimumWire, above.width + 2 * markRoom, below.width) + 2 * Self.slotPadding
    return Slot(
      size: Size(width: width, height: height), lineOffset: lineOffset, above: above, below: below,
      mark: mark)
  }

  /// From the wire down to the top of the gradient label.
  private func belowOffset() -> Double {
    if let back = theme.backwardArrow { return back.offset + 6.5 + Self.labelGap }
    return Self.labelGap
  }

  // MARK: Drawing

  private func drawEdge(
    _ edge: Diagram.Edge, index: Int, route: EdgeRoute, slot: Slot, into scene: inout Scene,
    labels: inout [FigureGeometry.Label]
  ) {
    func label(_ text: Diagram.Text, _ frame: Rect) {
      if let grid = text.grid {
        blankGrid(text, grid, frame, owner: .edge(index), into: &scene)
        if recordsGeometry { labels.append(.init(text: "", frame: frame)) }
        return
      }
      if text.blank {
        // The box to write the answer in, where the answer's text would stand.
        scene.elements.append(
          .roundedRect(
            Rect(
              x: frame.x - 2, y: frame.y - 1, width: frame.width + 4, height: frame.height + 2),
            radius: 2, style: ShapeStyle(fill: .white, stroke: text.color, lineWidth: 0.8),
            owner: .edge(index)))
        if recordsGeometry { labels.append(.init(text: "", frame: frame)) }
        return
      }
      scene.elements.append(.text(run(text, frame), owner: .edge(index)))
      if recordsGeometry {
        labels.append(.init(text: PangoMarkupDialect.plainText(text.markup), frame: frame))
      }
    }
    let owner = SceneOwner.edge(index)
    // From where it leaves the trunk it shares with a longer edge, which draws the trunk.
    var points = Array(
      route.points[Swift.min(route.branch, Swift.max(0, route.points.count - 2))...])
    guard points.count >= 2 else { return }
    let tip = points[points.count - 1]
    let before = points[points.count - 2]
    let d = unit(from: before, to: tip)
    if !theme.openArrowheads && edge.arrowhead {
      // The wire stops inside the filled head instead of poking through its tip.
      points[points.count - 1] = Point(
        x: tip.x - d.x * theme.arrowheadLength * 0.6, y: tip.y - d.y * theme.arrowheadLength * 0.6)
    }
    scene.elements.append(
      .polyline(points, color: theme.edgeColor, width: theme.edgeWidth, owner: owner))
    if edge.arrowhead {
      scene.elements.append(
        .arrowhead(
          tip: tip, direction: d, length: theme.arrowheadLength, width: theme.arrowheadWidth,
          filled: !theme.openArrowheads, color: theme.edgeColor, lineWidth: theme.edgeWidth,
          owner: owner))
    }

    let (start, end) = route.labelLine
    let mid = Point(x: (start.x + end.x) / 2, y: (start.y + end.y) / 2)
    if let box = edge.box, let style = theme.edgeBox {
      scene.elements.append(
        .roundedRect(
          route.label, radius: 4, style: ShapeStyle(fill: style.fill, stroke: nil, lineWidth: 0),
          owner: owner))
      label(box, Rect(center: mid, size: slot.above))
      return
    }
    if let above = edge.above {
      let frame = Rect(
        x: mid.x - slot.above.width / 2,
        y: mid.y - Self.labelGap - edge.aboveGap - slot.above.height,
        width: slot.above.width, height: slot.above.height)
      label(above, frame)
    }
    if let mark = edge.mark {
      // At the end of the slot, by the arrowhead, on the value's row.
      let frame = Rect(
        x: Swift.max(start.x, end.x) - Self.slotPadding / 2 - slot.mark.width,
        y: mid.y - Self.labelGap - slot.mark.height,
        width: slot.mark.width, height: slot.mark.height)
      label(mark, frame)
    }
    guard edge.showBelow, let below = edge.below else { return }
    if let back = theme.backwardArrow {
      let y = mid.y + back.offset
      let head = 10.0
      scene.elements.append(
        .polyline(
          [Point(x: end.x, y: y), Point(x: start.x + head * 0.7, y: y)], color: back.color,
          width: back.width, owner: owner))
      scene.elements.append(
        .arrowhead(
          tip: Point(x: start.x, y: y), direction: Point(x: -1, y: 0), length: head, width: 13,
          filled: true, color: back.color, lineWidth: 0, owner: owner))
    }
    let frame = Rect(
      x: mid.x - slot.below.width / 2, y: mid.y + belowOffset(), width: slot.below.width,
      height: slot.below.height)
    label(below, frame)
  }

  private func drawBox(
    _ box: Diagram.Box, index: Int, frame: Rect, textSize: Size?, into scene: inout Scene
  ) {
    let owner = SceneOwner.node(index)
    if box.kind == .branch {
      scene.elements.append(
        .circle(
          center: frame.center, radius: frame.width / 2,
          style: ShapeStyle(fill: theme.edgeColor, stroke: nil, lineWidth: 0), owner: owner))
    }
    if box.kind == .operation {
      if box.highlighted {
        scene.focus = frame
        scene.focusHoldsGradient = theme.placement == .inNodes
      }
      let style = ShapeStyle(
        fill: box.highlighted ? theme.highlightFill : theme.nodeFill,
        stroke: box.highlighted ? theme.highlightStroke : theme.nodeStroke,
        lineWidth: box.highlighted ? theme.nodeStrokeWidth + 0.6 : theme.nodeStrokeWidth)
      if box.highlighted {
        // The step's node is marked by a second ring too, not by its colours alone: on a grey
        // printout its fill is hardly lighter than the others'.
        let ring = ShapeStyle(fill: nil, stroke: theme.highlightStroke, lineWidth: 1)
        let halo = frame.insetBy(-Self.highlightRing)
        switch theme.shape {
        case _ where box.layer:
          scene.elements.append(
            .roundedRect(
              halo, radius: Self.layerPadding + Self.highlightRing, style: ring, owner: owner))
        case .circle:
          scene.elements.append(
            .circle(center: frame.center, radius: halo.width / 2, style: ring, owner: owner))
        case .ellipse:
          scene.elements.append(.ellipse(halo, style: ring, owner: owner))
        }
      }
      switch theme.shape {
      case _ where box.layer:
        scene.elements.append(
          .roundedRect(frame, radius: Self.layerPadding, style: style, owner: owner))
      case .circle:
        scene.elements.append(
          .circle(center: frame.center, radius: frame.width / 2, style: style, owner: owner))
      case .ellipse:
        scene.elements.append(.ellipse(frame, style: style, owner: owner))
      }
    }
    if let text = box.text, let size = textSize {
      scene.elements.append(.text(run(text, Rect(center: frame.center, size: size)), owner: owner))
    }
  }

  /// An exercise's blank matrix in `frame`: its heading on top, then a box per element in
  /// the rows and columns the placeholder lines took (a heading line is about 1.15 of the
  /// monospaced lines' height).
  private func blankGrid(
    _ text: Diagram.Text, _ grid: Diagram.Text.Grid, _ frame: Rect, owner: SceneOwner,
    into scene: inout Scene
  ) {
    // The heading's own height; the placeholder's lines fill the rest.
    var heading = text
    heading.markup = String(text.markup.prefix { $0 != "\n" })
    let headingSize = measurer.measure(heading.markup, font: heading.font)
    let headingHeight = heading.markup.isEmpty ? 0 : Swift.min(headingSize.height, frame.height / 2)
    // Centred over the boxes, as a label's lines are on one another.
    let width = headingSize.width
    scene.elements.append(
      .text(
        run(
          heading,
          Rect(
            x: frame.x + (frame.width - width) / 2, y: frame.y, width: width,
            height: headingHeight)), owner: owner))
    let top = frame.y + headingHeight + 1
    let cellWidth = frame.width / Double(grid.columns)
    let cellHeight = (frame.y + frame.height - top) / Double(grid.rows)
    for row in 0..<grid.rows {
      for column in 0..<grid.columns {
        scene.elements.append(
          .roundedRect(
            Rect(
              x: frame.x + Double(column) * cellWidth + 2, y: top + Double(row) * cellHeight + 2,
              width: cellWidth - 4, height: cellHeight - 4),
            radius: 2, style: ShapeStyle(fill: .white, stroke: text.color, lineWidth: 0.8),
            owner: owner))
      }
    }
  }

  private func run(_ text: Diagram.Text, _ frame: Rect) -> TextRun {
    TextRun(markup: text.markup, font: text.font, color: text.color, frame: frame)
  }

  private func unit(from a: Point, to b: Point) -> Point {
    let dx = b.x - a.x
    let dy = b.y - a.y
    let n = (dx * dx + dy * dy).squareRoot()
    return n > 0 ? Point(x: dx / n, y: dy / n) : Point(x: 1, y: 0)
  }
}
