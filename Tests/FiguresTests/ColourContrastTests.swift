import Drawing
import Figures
import Testing

/// Every text colour of every house style is readable: WCAG AA's contrast of 4.5:1 against
/// what it is drawn on, and CS231n's green values and red gradients apart in lightness too.
@Suite("Colour contrast")
struct ColourContrastTests {
  @Test(
    "every text colour has a contrast of at least 4.5:1 on its background",
    arguments: Theme.all.map(\.name))
  func textContrast(_ name: String) throws {
    let theme = try #require(Theme.named(name))
    var pairs: [(String, Color, Color)] = [
      ("values", theme.valueColor, theme.background),
      ("gradients", theme.gradientColor, theme.background),
      ("the highlighted gradient", theme.highlightText, theme.background),
      ("second lines", theme.secondaryColor, theme.background),
      ("operators", theme.operatorColor, theme.nodeFill),
      ("the highlighted operator", theme.operatorColor, theme.highlightFill),
    ]
    if theme.placement == .inNodes {
      // colah writes values and gradients inside the nodes, and derivatives in edge boxes.
      pairs += [
        ("values in a node", theme.valueColor, theme.nodeFill),
        ("gradients in a node", theme.gradientColor, theme.nodeFill),
        ("second lines in a node", theme.secondaryColor, theme.nodeFill),
        ("gradients in a highlighted node", theme.gradientColor, theme.highlightFill),
      ]
      if let box = theme.edgeBox { pairs.append(("edge boxes", .black, box.fill)) }
    }
    for (what, text, background) in pairs {
      #expect(
        text.contrast(with: background) >= 4.5,
        "\(name): \(what) \(text) on \(background): \(text.contrast(with: background))")
    }
  }

  @Test("CS231n's green values and red gradients differ in lightness, not only in hue")
  func redGreen() {
    let theme = Theme.cs231n
    #expect(abs(theme.valueColor.lightness - theme.gradientColor.lightness) >= 15)
  }

  @Test("the contrast formula: black on white is 21, a colour on itself 1")
  func formula() {
    #expect(abs(Color.black.contrast(with: .white) - 21) < 1e-9)
    #expect(Color(hex: 0x777777).contrast(with: Color(hex: 0x777777)) == 1)
    #expect(abs(Color(hex: 0x777777).contrast(with: .white) - 4.48) < 0.01)
  }
}
