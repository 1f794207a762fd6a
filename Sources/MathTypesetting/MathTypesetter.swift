public import Drawing
import FormulaWriting
public import GraphEngine
import GraphLayout

/// Typesets formulas like a textbook without TeX: fractions with a rule and centred
/// numerator and denominator, raised exponents in a smaller size, square roots with a
/// radical and an overbar, parentheses that grow with what they hold, italic variables and
/// upright function names and digits (through Pango markup).
public struct MathTypesetter {
  public let measurer: any PageTextMeasuring
  public let font: Font

  public init(measurer: any PageTextMeasuring, font: Font) {
    self.measurer = measurer
    self.font = font
  }

  /// Height of the fraction bar above the baseline (the math axis), in ems.
  public static let axis = 0.27

  public func typeset(_ f: Formula) -> MathBox { box(f, size: font.size) }

  private func box(_ f: Formula, size: Double, context: Int = 0) -> MathBox {
    let inner = body(f, size: size)
    return f.displayPrecedence < context ? fenced(inner, size: size) : inner
  }

  private func text(_ markup: String, size: Double) -> MathBox {
    var f = font
    f.size = size
    let m = measurer.measureLine(markup, font: f)
    return MathBox(
      width: m.width, ascent: m.ascent, descent: m.descent,
      items: [.text(markup, f, origin: Point(x: 0, y: 0))])
  }

  private func row(_ boxes: [MathBox]) -> MathBox {
    var out = MathBox()
    for b in boxes {
      out.items += b.shifted(out.width, 0)
      out.width += b.width
      out.ascent = Swift.max(out.ascent, b.ascent)
      out.descent = Swift.max(out.descent, b.descent)
    }
    return out
  }

  private func op(_ s: String, size: Double) -> MathBox {
    text(PangoMarkupDialect.escape(s), size: size)
  }

  private func body(_ f: Formula, size: Double) -> MathBox {
    let writer = LinearFormulaWriter<PangoMarkupDialect>(numbers: .shortest(significantDigits: 6))
    switch f {
    case .number, .symbol, .operand, .result, .ones, .transpose:
      return text(writer.write(f), size: size)
    case .upstream:
      return box(.derivative(of: .symbol("L"), withRespectTo: .symbol("y")), size: size)
    case .hadamard(let a, let b):
      return row([
        box(a, size: size, context: 2), op(" ⊙ ", size: size), box(b, size: size, context: 3),
      ])
    case .blank:
      // A box to write in, as wide as a six-digit number and as tall as a digit with room.
      let digits = measurer.measureLine("0.000000", font: Font(family: font.family, size: size))
      let w = digits.width + size * 0.6
      let top = -(digits.ascent + size * 0.15)
      let bottom = digits.descent + size * 0.1
      let corners = [
        Point(x: size * 0.1, y: top), Point(x: w - size * 0.1, y: top),
        Point(x: w - size * 0.1, y: bottom), Point(x: size * 0.1, y: bottom),
        Point(x: size * 0.1, y: top),
      ]
      return MathBox(
        width: w, ascent: -top + 1, descent: bottom + 1, items: [.path(corners, width: 0.6)])
    case .derivative(let of, let wrt):
      return fraction(
        row([op("∂", size: size), box(of, size: size, context: 5)]),
        row([op("∂", size: size), box(wrt, size: size, context: 5)]), size: size)
    case .negate(let a):
      switch a {
      case .negate, .number: return row([op("−", size: size), box(a, size: size, context: 4)])
      default: return row([op("−", size: size), box(a, size: size, context: 2)])
      }
    case .sum(let a, let b):
      return row([
        box(a, size: size, context: 1), op(" + ", size: size), box(b, size: size, context: 2),
      ])
    case .difference(let a, let b):
      return row([
        box(a, size: size, context: 1), op(" − ", size: size), box(b, size: size, context: 2),
      ])
    case .product(let factors):
      var parts: [MathBox] = []
      for (i, factor) in factors.enumerated() {
        if i > 0 {
          let sign = Formula.productSign(between: factors[i - 1], and: factor)
          parts.append(op(sign.map { $0 == "×" ? " × " : $0 } ?? "\u{2009}", size: size))
        }
        parts.append(box(factor, size: size, context: 3))
      }
      return row(parts)
    case .quotient(let a, let b):
      // As TeX sets a displayed fraction: numerator and denominator at the size of the
      // formula around them.
      return fraction(box(a, size: size), box(b, size: size), size: size)
    case .power(let base, let exponent):
      let b =
        base.isFraction
        ? fenced(box(base, size: size), size: size) : box(base, size: size, context: 5)
      let e = box(exponent, size: size * 0.7)
      let rise = Swift.max(b.ascent - e.ascent * 0.55, size * 0.42)
      var out = b
      out.items += e.shifted(b.width + size * 0.05, -rise)
      out.width += e.width + size * 0.08
      out.ascent = Swift.max(b.ascent, rise + e.ascent)
      return out
    case .apply(let function, let args):
      let list = args.enumerated().flatMap { i, a -> [MathBox] in
        (i > 0 ? [op(", ", size: size)] : []) + [box(a, size: size)]
      }
      let spelling = function.spelling
      switch spelling.form {
      case .radical: return radical(row(list), size: size)
      case .bars: return row([op("|", size: size), row(list), op("|", size: size)])
      case .call: return row([op(spelling.name, size: size), fenced(row(list), size: size)])
      }
    case .sign(let a): return row([op("sign", size: size), fenced(box(a, size: size), size: size)])
    case .indicator(let c):
      let (a, sign, b) = c.parts
      return row([
        op("[", size: size), box(a, size: size), op(" \(sign) ", size: size), box(b, size: size),
        op("]", size: size),
      ])
    case .matrix(let rows):
      return matrix(rows.map { $0.map { box($0, size: size) } }, size: size)
    case .equation(let sides):
      var parts: [MathBox] = []
      for (i, side) in sides.enumerated() {
        if i > 0 { parts.append(op(" = ", size: size)) }
        parts.append(box(side, size: size, context: 1))
      }
      return row(parts)
    }
  }

  /// Cells in rows and columns inside square brackets drawn as tall as the rows, centred on
  /// the math axis; each column as wide as its widest cell, the cells right-aligned (they
  /// are numbers: their units line up).
  private func matrix(_ cells: [[MathBox]], size: Double) -> MathBox {
    let columns = cells.map(\.count).max() ?? 0
    var widths = [Double](repeating: 0, count: columns)
    for row in cells {
      for (j, cell) in row.enumerated() { widths[j] = Swift.max(widths[j], cell.width) }
    }
    let rowGap = size * 0.3
    let columnGap = size * 0.9
    let heights = cells.map { row in
      (row.map(\.ascent).max() ?? 0, row.map(\.descent).max() ?? 0)
    }
    let height =
      heights.reduce(0) { $0 + $1.0 + $1.1 } + rowGap * Double(Swift.max(0, cells.count - 1))
    let top = -size * Self.axis - height / 2
    let bracket = size * 0.28
    let inside = size * 0.22
    let stroke = Swift.max(0.6, size * 0.055)
    let width = widths.reduce(0, +) + columnGap * Double(Swift.max(0, columns - 1))
    var out = MathBox(width: 2 * (bracket + inside) + width)
    var y = top
    for (row, (ascent, descent)) in zip(cells, heights) {
      var x = bracket + inside
      for (j, cell) in row.enumerated() {
        out.items += cell.shifted(x + widths[j] - cell.width, y + ascent)
        x += widths[j] + columnGap
      }
      y += ascent + descent + rowGap
    }
    let (upper, lower) = (top - size * 0.08, top + height + size * 0.08)
    let right = out.width
    out.items.append(
      .path(
        [
          Point(x: bracket, y: upper), Point(x: stroke, y: upper), Point(x: stroke, y: lower),
          Point(x: bracket, y: lower),
        ], width: stroke))
    out.items.append(
      .path(
        [
          Point(x: right - bracket, y: upper), Point(x: right - stroke, y: upper),
          Point(x: right - stroke, y: lower), Point(x: right - bracket, y: lower),
        ], width: stroke))
    out.ascent = -upper + stroke
    out.descent = lower + stroke
    return out
  }

  /// Numerator over denominator, centred, with a rule on the math axis.
  private func fraction(_ top: MathBox, _ bottom: MathBox, size: Double) -> MathBox {
    let pad = size * 0.15
    let gap = size * 0.18
    let thickness = Swift.max(0.5, size * 0.05)
    let width = Swift.max(top.width, bottom.width) + 2 * pad
    let axis = size * Self.axis
    let topBaseline = -(axis + thickness / 2 + gap + top.descent)
    let bottomBaseline = -axis + thickness / 2 + gap + bottom.ascent
    var out = MathBox(width: width + size * 0.1)
    out.items += top.shifted((width - top.width) / 2 + size * 0.05, topBaseline)
    out.items += bottom.shifted((width - bottom.width) / 2 + size * 0.05, bottomBaseline)
    out.items.append(.rule(x: size * 0.05, y: -axis, width: width, thickness: thickness))
    out.ascent = -topBaseline + top.ascent
    out.descent = bottomBaseline + bottom.descent
    return out
  }

  /// Parentheses around `inner`: the font's own when the content is one line high, drawn
  /// curves that grow with it when it is taller (a fraction inside).
  private func fenced(_ inner: MathBox, size: Double) -> MathBox {
    let plain = text("(", size: size)
    if inner.ascent <= plain.ascent * 1.05 && inner.descent <= plain.descent * 1.1 {
      return row([plain, inner, text(")", size: size)])
    }
    let top = -(inner.ascent + size * 0.05)
    let bottom = inner.descent + size * 0.05
    let w = size * 0.32
    func curve(_ left: Bool) -> [Point] {
      (0...16).map { i in
        let t = Double(i) / 16
        let y = top + (bottom - top) * t
        let bulge = 4 * t * (1 - t)
        let x = left ? w * 0.85 - w * 0.65 * bulge : w * 0.15 + w * 0.65 * bulge
        return Point(x: x, y: y)
      }
    }
    let stroke = Swift.max(0.6, size * 0.06)
    var out = MathBox(
      width: w, ascent: -top, descent: bottom, items: [.path(curve(true), width: stroke)])
    out.items += inner.shifted(w, 0)
    out.width += inner.width
    out.items.append(.path(curve(false).map { Point(x: $0.x + out.width, y: $0.y) }, width: stroke))
    out.width += w
    out.ascent = Swift.max(out.ascent, inner.ascent)
    out.descent = Swift.max(out.descent, inner.descent)
    return out
  }

  /// √ with an overbar across the content.
  private func radical(_ inner: MathBox, size: Double) -> MathBox {
    let gap = size * 0.12
    let top = -(inner.ascent + gap)
    let bottom = inner.descent
    let sign = size * 0.55
    let stroke = Swift.max(0.6, size * 0.055)
    let path = [
      Point(x: 0, y: bottom - (bottom - top) * 0.45),
      Point(x: sign * 0.3, y: bottom - (bottom - top) * 0.55),
      Point(x: sign * 0.6, y: bottom), Point(x: sign, y: top),
      Point(x: sign + inner.width + size * 0.1, y: top),
    ]
    var out = MathBox(
      width: sign + inner.width + size * 0.15, ascent: -top + stroke, descent: bottom)
    out.items.append(.path(path, width: stroke))
    out.items += inner.shifted(sign + size * 0.05, 0)
    return out
  }
}
