import GraphLayout

extension Color {
  /// The colour for a dark page: its lightness in HSL turned around (L → 1 − L, kept within
  /// 0.09…0.93 so that white paper becomes a dark grey, not black, and black ink an off-white),
  /// its hue and saturation kept. Unlike an inverted image (which turns red into cyan), the
  /// value labels stay green, the gradients red, colah's nodes periwinkle: a dark periwinkle
  /// with light text on a dark page.
  public var darkVariant: Color { darkVariant(ink: false) }

  /// The dark page's paper: what white paper becomes (the site's dark background, so a
  /// figure does not stand on a panel of its own).
  public static let darkPaper = Color(hex: 0x1b1d21)

  /// The dark variant of a line's or a text's colour (`ink`): at least mid-light, so that
  /// DLFS's faint grey arrows, faint on white by design, stay visible on a dark page rather
  /// than turning as faint on black.
  func darkVariant(ink: Bool) -> Color {
    if self == .white && !ink { return Color.darkPaper }
    let maxC = Swift.max(red, green, blue)
    let minC = Swift.min(red, green, blue)
    let l = (maxC + minC) / 2
    let d = maxC - minC
    var h = 0.0
    var s = 0.0
    if d > 0 {
      s = l > 0.5 ? d / (2 - maxC - minC) : d / (maxC + minC)
      if maxC == red {
        h = (green - blue) / d + (green < blue ? 6 : 0)
      } else if maxC == green {
        h = (blue - red) / d + 2
      } else {
        h = (red - green) / d + 4
      }
      h /= 6
    }
    let turned = Swift.min(0.93, Swift.max(ink ? 0.6 : 0.09, 1 - l))
    func channel(_ t: Double, _ p: Double, _ q: Double) -> Double {
      var t = t
      if t < 0 { t += 1 }
      if t > 1 { t -= 1 }
      if t < 1 / 6 { return p + (q - p) * 6 * t }
      if t < 1 / 2 { return q }
      if t < 2 / 3 { return p + (q - p) * (2 / 3 - t) * 6 }
      return p
    }
    if s == 0 { return Color(red: turned, green: turned, blue: turned) }
    let q = turned < 0.5 ? turned * (1 + s) : turned + s - turned * s
    let p = 2 * turned - q
    return Color(
      red: channel(h + 1 / 3, p, q), green: channel(h, p, q), blue: channel(h - 1 / 3, p, q))
  }

  /// A colour from its channels, each in 0…1, rounded to whole bytes (as files store them).
  init(red: Double, green: Double, blue: Double) {
    func byte(_ v: Double) -> UInt32 { UInt32((Swift.min(1, Swift.max(0, v)) * 255).rounded()) }
    self.init(hex: byte(red) << 16 | byte(green) << 8 | byte(blue))
  }
}

extension Scene {
  /// The same figure for a dark page: every colour, those inside text markup included,
  /// replaced by its ``Color/darkVariant``.
  public var darkVariant: Scene {
    var scene = self
    scene.background = background.darkVariant
    scene.elements = elements.map(\.darkVariant)
    scene.turned = turned.map(\.darkVariant)
    return scene
  }
}

extension SceneElement {
  var darkVariant: SceneElement {
    func style(_ s: ShapeStyle) -> ShapeStyle {
      ShapeStyle(
        fill: s.fill?.darkVariant, stroke: s.stroke?.darkVariant(ink: true), lineWidth: s.lineWidth)
    }
    switch self {
    case .circle(let center, let radius, let s, let owner):
      return .circle(center: center, radius: radius, style: style(s), owner: owner)
    case .ellipse(let rect, let s, let owner):
      return .ellipse(rect, style: style(s), owner: owner)
    case .roundedRect(let rect, let radius, let s, let owner):
      return .roundedRect(rect, radius: radius, style: style(s), owner: owner)
    case .polyline(let points, let color, let width, let owner):
      return .polyline(points, color: color.darkVariant(ink: true), width: width, owner: owner)
    case .arrowhead(
      let tip, let direction, let length, let width, let filled, let color, let line, let owner):
      return .arrowhead(
        tip: tip, direction: direction, length: length, width: width, filled: filled,
        color: color.darkVariant(ink: true), lineWidth: line, owner: owner)
    case .text(var run, let owner):
      run.color = run.color.darkVariant(ink: true)
      run.markup = Self.darkMarkup(run.markup)
      return .text(run, owner: owner)
    case .baselineText(let markup, let font, let color, let origin, let owner):
      return .baselineText(
        Self.darkMarkup(markup), font: font, color: color.darkVariant(ink: true), origin: origin,
        owner: owner)
    case .rectangle(let rect, let fill, let owner):
      return .rectangle(rect, fill: fill.darkVariant, owner: owner)
    case .scene(let scene, let frame):
      return .scene(scene.darkVariant, frame: frame)
    }
  }

  /// Pango markup with each `foreground="#rrggbb"` turned to its dark variant.
  static func darkMarkup(_ markup: String) -> String {
    guard markup.contains("foreground=\"#") else { return markup }
    var out = ""
    var rest = Substring(markup)
    while let range = rest.firstRange(of: "foreground=\"#") {
      out += rest[..<range.upperBound]
      rest = rest[range.upperBound...]
      let hex = rest.prefix(6)
      if hex.count == 6, let value = UInt32(hex, radix: 16) {
        out += String(Color(hex: value).darkVariant(ink: true).description.dropFirst())
        rest = rest.dropFirst(6)
      }
    }
    return out + rest
  }
}
