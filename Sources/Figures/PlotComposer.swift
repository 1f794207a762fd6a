import Analysis
import Drawing
import FormulaWriting
import GraphEngine
import GraphLayout

/// Draws a ``FunctionPlot``: the function (solid, in the style's value colour) and its
/// derivative (dashed, in its gradient colour) over the input's range, axes framed on the
/// left and below with ticks at 1, 2, 2.5 or 5 times a power of ten, a light grid and the
/// zero lines, the lesson's point on the function with its tangent (slope: the gradient) and
/// the derivative's value there, and a legend naming both curves.
///
/// The value range is the curves' from their 2nd to their 98th percentile, so a pole (1/x at
/// 0) does not flatten the rest; it always holds the lesson's point, and 0 when 0 is near.
/// Curves are cut where they leave it and broken where the function is undefined.
struct PlotComposer {
  let theme: Theme
  let measurer: any TextMeasuring

  /// The plot area's size in points: about the text width of a page, at a 5 : 3 ratio.
  static let plotWidth = 360.0
  static let plotHeight = 216.0

  /// Where the plot's data goes on the figure: the ranges and the plot area.
  struct Frame {
    var from: Double
    var to: Double
    var lo: Double
    var hi: Double
    var xTicks: [Double]
    var yTicks: [Double]
    var area: Rect

    func sx(_ v: Double) -> Double { area.x + (v - from) / (to - from) * area.width }
    func sy(_ v: Double) -> Double { area.y + (hi - v) / (hi - lo) * area.height }
    /// A point of the figure back in the data's coordinates.
    func data(_ p: Point) -> (x: Double, y: Double) {
      (
        from + (p.x - area.x) / area.width * (to - from),
        hi - (p.y - area.y) / area.height * (hi - lo)
      )
    }
  }

  /// The value range (see the type's comment) and its ticks.
  static func range(_ plot: FunctionPlot) -> (lo: Double, hi: Double, step: Double) {
    var values = plot.samples.flatMap { [$0.y, $0.slope] }.compactMap { $0 }.filter(\.isFinite)
    values.sort()
    var lo = values.first ?? -1
    var hi = values.last ?? 1
    if values.count >= 20 {
      lo = values[values.count * 2 / 100]
      hi = values[values.count * 98 / 100]
    }
    for v in [plot.point.y, plot.point.slope].compactMap({ $0 }) {
      lo = Swift.min(lo, v)
      hi = Swift.max(hi, v)
    }
    if lo > 0 && lo < hi - lo { lo = 0 }
    if hi < 0 && -hi < hi - lo { hi = 0 }
    if hi - lo < 1e-12 {
      lo -= 1
      hi += 1
    }
    let step = niceStep((hi - lo) / 5)
    let bottom = (lo / step).rounded(.down) * step
    var top = (hi / step).rounded(.up) * step
    // A curve reaching the top (tanh′'s peak of 1) gets room above it for its label.
    if let highest = values.last, highest > top - 0.02 * (top - bottom) {
      top += 0.12 * (top - bottom)
    }
    return (bottom, top, step)
  }

  func compose(_ plot: FunctionPlot, function: Formula?, title: String) -> Scene {
    framed(plot, function: function, title: title).scene
  }

  /// The scene, and where its data stands on it (for tests that read the curves back).
  func framed(_ plot: FunctionPlot, function: Formula?, title: String) -> (
    scene: Scene, frame: Frame
  ) {
    let font = Font(family: theme.labelFont.family, size: theme.labelFont.size)
    let small = Font(family: theme.labelFont.family, size: theme.labelFont.size * 0.9)
    let ink = Color(hex: 0x333333)
    let (lo, hi, yStep) = Self.range(plot)
    let xStep = Self.niceStep((plot.to - plot.from) / 6)

    // Tick labels, to size the margins.
    func tickText(_ v: Double) -> String {
      let text = NumberFormat.shortest(significantDigits: 4).format(abs(v) < 1e-12 ? 0 : v)
      return PangoMarkupDialect.number(text)
    }
    let yTicks = Self.ticks(lo, hi, yStep)
    let xTicks = Self.ticks(plot.from, plot.to, xStep)
    let yLabelWidth = yTicks.map { measurer.measure(tickText($0), font: small).width }.max() ?? 0
    let tickHeight = measurer.measure("0", font: small).height

    // The legend: a sample of each line and its name.
    let x = PangoMarkupDialect.symbol(plot.input)
    let y = PangoMarkupDialect.symbol(plot.output)
    let writer = LinearFormulaWriter<PangoMarkupDialect>(numbers: .shortest(significantDigits: 6))
    let functionName = function.map { y + " = " + writer.write($0) } ?? y
    let slopeSymbol = "d" + y + "/d" + x
    var slopeName = slopeSymbol
    if let closed = plot.closedForm { slopeName += " = " + writer.write(closed) }
    let legend = [functionName, slopeName].map { measurer.measure($0, font: font) }
    let legendHeight = (legend.map(\.height).max() ?? 0) + 10

    let left = 12 + yLabelWidth + 8
    let top = 10 + legendHeight
    let width = Self.plotWidth
    let height = Self.plotHeight
    let frame = Frame(
      from: plot.from, to: plot.to, lo: lo, hi: hi, xTicks: xTicks, yTicks: yTicks,
      area: Rect(x: left, y: top, width: width, height: height))
    let xLabel = measurer.measure(x, font: font)
    let size = Size(
      width: left + width + 14 + xLabel.width, height: top + height + 8 + tickHeight + 10)
    var scene = Scene(size: size, background: theme.background, title: title, lineJoin: .round)

    func sx(_ v: Double) -> Double { frame.sx(v) }
    func sy(_ v: Double) -> Double { frame.sy(v) }
    func line(_ points: [Point], _ color: Color, _ w: Double) {
      scene.elements.append(.polyline(points, color: color, width: w, owner: .legend))
    }
    func label(_ markup: String, _ f: Font, _ color: Color, _ frame: Rect) {
      scene.elements.append(
        .text(TextRun(markup: markup, font: f, color: color, frame: frame), owner: .legend))
    }
    /// A label over the curves, on a patch of the background so grid and curves do not run
    /// through it.
    func marked(_ markup: String, _ f: Font, _ color: Color, _ frame: Rect) {
      scene.elements.append(
        .roundedRect(
          Rect(x: frame.x - 2, y: frame.y, width: frame.width + 4, height: frame.height),
          radius: 2, style: ShapeStyle(fill: theme.background, stroke: nil, lineWidth: 0),
          owner: .legend))
      label(markup, f, color, frame)
    }

    // Grid, zero lines, frame and ticks.
    let grid = Color(hex: 0xE4E4E4)
    for t in xTicks {
      line([Point(x: sx(t), y: top), Point(x: sx(t), y: top + height)], grid, 0.5)
    }
    for t in yTicks {
      line([Point(x: left, y: sy(t)), Point(x: left + width, y: sy(t))], grid, 0.5)
    }
    let zero = Color(hex: 0x9A9A9A)
    if lo < 0 && hi > 0 {
      line([Point(x: left, y: sy(0)), Point(x: left + width, y: sy(0))], zero, 0.8)
    }
    if plot.from < 0 && plot.to > 0 {
      line([Point(x: sx(0), y: top), Point(x: sx(0), y: top + height)], zero, 0.8)
    }
    line(
      [
        Point(x: left, y: top), Point(x: left, y: top + height),
        Point(x: left + width, y: top + height),
      ],
      ink, 0.9)
    for t in xTicks {
      line([Point(x: sx(t), y: top + height), Point(x: sx(t), y: top + height + 4)], ink, 0.9)
      let s = measurer.measure(tickText(t), font: small)
      label(
        tickText(t), small, ink,
        Rect(x: sx(t) - s.width / 2, y: top + height + 6, width: s.width, height: s.height))
    }
    for t in yTicks {
      line([Point(x: left - 4, y: sy(t)), Point(x: left, y: sy(t))], ink, 0.9)
      let s = measurer.measure(tickText(t), font: small)
      label(
        tickText(t), small, ink,
        Rect(x: left - 7 - s.width, y: sy(t) - s.height / 2, width: s.width, height: s.height))
    }
    label(
      x, font, ink,
      Rect(
        x: left + width + 10, y: top + height - xLabel.height / 2, width: xLabel.width,
        height: xLabel.height))

    // The curves.
    let function = Self.clipped(plot.samples.map { ($0.x, $0.y) }, lo: lo, hi: hi)
    let slope = Self.clipped(plot.samples.map { ($0.x, $0.slope) }, lo: lo, hi: hi)
    let fColor = theme.valueColor
    let gColor = theme.gradientColor
    // The derivative over the function: where both are 0 (relu left of 0) its dashes show.
    for run in function { line(run.map { Point(x: sx($0.0), y: sy($0.1)) }, fColor, 1.8) }
    for run in slope {
      for dash in Self.dashes(run.map { Point(x: sx($0.0), y: sy($0.1)) }, on: 5, off: 3.5) {
        line(dash, gColor, 1.4)
      }
    }

    // The lesson's point, its tangent, and the derivative there.
    if let y0 = plot.point.y, let s = plot.point.slope, y0 >= lo, y0 <= hi {
      let p = Point(x: sx(plot.point.x), y: sy(y0))
      // The tangent, 120 pt long on the page, inside the frame.
      let dx = 1.0
      let dy = -s * height / (hi - lo) / (width / (plot.to - plot.from))
      let n = (dx * dx + dy * dy).squareRoot()
      let half = 60.0
      var a = Point(x: p.x - dx / n * half, y: p.y - dy / n * half)
      var b = Point(x: p.x + dx / n * half, y: p.y + dy / n * half)
      (a, b) = Self.clip(a, b, to: Rect(x: left, y: top, width: width, height: height), around: p)
      line([a, b], theme.secondaryColor, 1)
      scene.elements.append(
        .circle(
          center: p, radius: 3.2, style: ShapeStyle(fill: fColor, stroke: .white, lineWidth: 0.8),
          owner: .legend))
      // What a label must not cover: both curves, the tangent, the other label.
      var obstacles: [Point] = []
      for run in function + slope {
        obstacles += run.map { Point(x: sx($0.0), y: sy($0.1)) }
      }
      for k in 0...24 {
        let t = Double(k) / 24
        obstacles.append(Point(x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t))
      }
      // The zero lines: a label on one reads as struck through.
      if plot.from < 0 && plot.to > 0 {
        obstacles += stride(from: top, through: top + height, by: 4).map { Point(x: sx(0), y: $0) }
      }
      if lo < 0 && hi > 0 {
        obstacles += stride(from: left, through: left + width, by: 4).map { Point(x: $0, y: sy(0)) }
      }
      let area = Rect(x: left, y: top, width: width, height: height)
      var taken: [Rect] = []
      /// The first of the four places around `c` (above left, above right, below right, below
      /// left; `preferRight` swaps the first two) where a box of `size` covers the fewest
      /// obstacles and stays in the plot area.
      func place(_ size: Size, at c: Point, gap: Double, preferRight: Bool) -> Rect {
        let left = Rect(
          x: c.x - gap - size.width, y: c.y - gap - size.height, width: size.width,
          height: size.height)
        let right = Rect(
          x: c.x + gap, y: c.y - gap - size.height, width: size.width, height: size.height)
        let candidates = [
          preferRight ? right : left, preferRight ? left : right,
          Rect(x: c.x + gap, y: c.y + gap, width: size.width, height: size.height),
          Rect(x: c.x - gap - size.width, y: c.y + gap, width: size.width, height: size.height),
        ]
        func cost(_ r: Rect) -> Int {
          // Never over a label already placed.
          let covers = taken.count {
            r.x < $0.maxX && $0.x < r.maxX && r.y < $0.maxY && $0.y < r.maxY
          }
          let outside =
            r.x < area.x || r.maxX > area.maxX + 12 || r.y < area.y - 4 || r.maxY > area.maxY
          return (outside ? 1000 : 0) + 500 * covers
            + obstacles.count {
              $0.x >= r.x - 2 && $0.x <= r.maxX + 2 && $0.y >= r.y - 2 && $0.y <= r.maxY + 2
            }
        }
        return candidates.min { cost($0) < cost($1) } ?? candidates[0]
      }
      let text =
        "(" + PangoMarkupDialect.number(theme.numbers.format(plot.point.x)) + ", "
        + PangoMarkupDialect.number(theme.numbers.format(y0)) + ")"
      let t = measurer.measure(text, font: small)
      // By default above the point, on the side away from the tangent's rise.
      let pointLabel = place(t, at: p, gap: 6, preferRight: s <= 0)
      marked(text, small, fColor, pointLabel)
      taken.append(pointLabel)
      for k in 0...6 {
        for j in 0...2 {
          obstacles.append(
            Point(
              x: pointLabel.x + pointLabel.width * Double(k) / 6,
              y: pointLabel.y + pointLabel.height * Double(j) / 2))
        }
      }
      if s >= lo, s <= hi {
        let q = Point(x: p.x, y: sy(s))
        scene.elements.append(
          .circle(
            center: q, radius: 2.8, style: ShapeStyle(fill: gColor, stroke: .white, lineWidth: 0.8),
            owner: .legend))
        var u = PangoMarkupDialect.number(theme.numbers.format(s))
        // On the function's own point (both 0, as relu's left of its kink): say which it is.
        if abs(q.y - p.y) < 8 { u = slopeSymbol + " = " + u }
        let m = measurer.measure(u, font: small)
        // By default above the derivative's curve, on the side where it falls away.
        let k = plot.samples.firstIndex { $0.x >= plot.point.x } ?? 0
        let before = plot.samples[Swift.max(0, k - 1)].slope ?? s
        let after = plot.samples[Swift.min(plot.samples.count - 1, k + 1)].slope ?? s
        let slopeLabel = place(m, at: q, gap: 5, preferRight: after <= before)
        marked(u, small, gColor, slopeLabel)
        taken.append(slopeLabel)
        obstacles += [
          Point(x: slopeLabel.x, y: slopeLabel.y), Point(x: slopeLabel.maxX, y: slopeLabel.maxY),
        ]
      }
      // The derivative's turning points (σ′'s peak of 0.25 at 0), each with its value, where
      // they are not at the lesson's point.
      for turn in plot.turningPoints
      where abs(turn.x - plot.point.x) > (plot.to - plot.from) / 20 {
        guard let v = turn.slope, v >= lo, v <= hi else { continue }
        let c = Point(x: sx(turn.x), y: sy(v))
        scene.elements.append(
          .circle(
            center: c, radius: 2.2, style: ShapeStyle(fill: .white, stroke: gColor, lineWidth: 1),
            owner: .legend))
        let u = PangoMarkupDialect.number(theme.numbers.format(v))
        let m = measurer.measure(u, font: small)
        let k = plot.samples.firstIndex { $0.x >= turn.x } ?? 0
        let isPeak = (plot.samples[k].slope ?? v) <= v
        // Centred over a peak (under a trough) unless something is there, or it would leave
        // the frame; then where the fewest things are.
        var r = Rect(
          x: c.x - m.width / 2, y: isPeak ? c.y - 5 - m.height : c.y + 5, width: m.width,
          height: m.height)
        let crowded =
          obstacles.contains {
            $0.x >= r.x - 2 && $0.x <= r.maxX + 2 && $0.y >= r.y - 2 && $0.y <= r.maxY + 2
          }
          || taken.contains { r.x < $0.maxX && $0.x < r.maxX && r.y < $0.maxY && $0.y < r.maxY }
        if crowded || r.y < area.y || r.maxY > area.maxY {
          r = place(m, at: c, gap: 4, preferRight: true)
        }
        marked(u, small, gColor, r)
      }
    }

    // The legend, across the top.
    var lx = left
    for (k, name) in [functionName, slopeName].enumerated() {
      let ly = 10 + legend[k].height / 2
      if k == 0 {
        line([Point(x: lx, y: ly), Point(x: lx + 24, y: ly)], fColor, 1.8)
      } else {
        for dash in Self.dashes([Point(x: lx, y: ly), Point(x: lx + 24, y: ly)], on: 5, off: 3.5) {
          line(dash, gColor, 1.4)
        }
      }
      label(
        name, font, ink,
        Rect(x: lx + 30, y: 10, width: legend[k].width, height: legend[k].height))
      lx += 30 + legend[k].width + 22
    }
    if lx > size.width { scene.size.width = lx }
    return (scene, frame)
  }

  /// 1, 2, 2.5 or 5 times a power of ten, the first at least `raw`.
  static func niceStep(_ raw: Double) -> Double {
    guard raw > 0, raw.isFinite else { return 1 }
    // The power of ten at or below `raw` (no Foundation here: by steps).
    var power = 1.0
    while power * 10 <= raw { power *= 10 }
    while power > raw { power /= 10 }
    for m in [1.0, 2, 2.5, 5, 10] where m * power >= raw * (1 - 1e-9) { return m * power }
    return 10 * power
  }

  /// The multiples of `step` from `lo` to `hi`.
  static func ticks(_ lo: Double, _ hi: Double, _ step: Double) -> [Double] {
    let first = (lo / step - 1e-9).rounded(.up)
    let last = (hi / step + 1e-9).rounded(.down)
    guard first <= last, last - first < 1000 else { return [] }
    return stride(from: first, through: last, by: 1).map { $0 * step }
  }

  /// The runs of a sampled curve inside [lo, hi]: a run ends at a missing sample, or where the
  /// curve leaves the range (at the crossing point), and starts again where it comes back.
  static func clipped(_ samples: [(Double, Double?)], lo: Double, hi: Double)
    -> [[(Double, Double)]]
  {
    var runs: [[(Double, Double)]] = []
    var current: [(Double, Double)] = []
    func close() {
      if current.count >= 2 { runs.append(current) }
      current = []
    }
    for k in samples.indices {
      guard let y = samples[k].1, y.isFinite else {
        close()
        continue
      }
      let x = samples[k].0
      let inside = y >= lo && y <= hi
      if k > 0, let py = samples[k - 1].1, py.isFinite {
        let px = samples[k - 1].0
        let wasInside = py >= lo && py <= hi
        if wasInside != inside || (!inside && (py < lo) != (y < lo)) {
          // Where the segment crosses each bound it meets, in order along it.
          var crossings: [(Double, Double)] = []
          for bound in [lo, hi] where (py - bound) * (y - bound) < 0 {
            let t = (bound - py) / (y - py)
            crossings.append((px + t * (x - px), bound))
          }
          crossings.sort { abs($0.0 - px) < abs($1.0 - px) }
          for c in crossings {
            if current.isEmpty {
              current = [c]
            } else {
              current.append(c)
              close()
            }
          }
        }
      }
      if inside {
        current.append((x, y))
      } else {
        close()
      }
    }
    close()
    return runs
  }

  /// A polyline cut into dashes `on` long with gaps `off` long, along its length.
  static func dashes(_ points: [Point], on: Double, off: Double) -> [[Point]] {
    var out: [[Point]] = []
    var dash: [Point] = []
    var drawing = true
    var left = on
    guard var a = points.first else { return [] }
    dash = [a]
    for b in points.dropFirst() {
      var segment = ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot()
      var start = a
      while segment > left {
        let t = left / segment
        let p = Point(x: start.x + (b.x - start.x) * t, y: start.y + (b.y - start.y) * t)
        if drawing {
          dash.append(p)
          out.append(dash)
        } else {
          dash = [p]
        }
        drawing.toggle()
        segment -= left
        start = p
        left = drawing ? on : off
      }
      left -= segment
      if drawing { dash.append(b) }
      a = b
    }
    if drawing && dash.count >= 2 { out.append(dash) }
    return out
  }

  /// The segment a–b cut to `rect` (it passes through `p`, inside).
  static func clip(_ a: Point, _ b: Point, to rect: Rect, around p: Point) -> (Point, Point) {
    func cut(_ q: Point) -> Point {
      var t = 1.0
      let dx = q.x - p.x
      let dy = q.y - p.y
      if dx > 0 { t = Swift.min(t, (rect.maxX - p.x) / dx) }
      if dx < 0 { t = Swift.min(t, (rect.x - p.x) / dx) }
      if dy > 0 { t = Swift.min(t, (rect.maxY - p.y) / dy) }
      if dy < 0 { t = Swift.min(t, (rect.y - p.y) / dy) }
      t = Swift.max(0, t)
      return Point(x: p.x + dx * t, y: p.y + dy * t)
    }
    return (cut(a), cut(b))
  }
}
