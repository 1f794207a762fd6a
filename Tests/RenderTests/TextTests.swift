import GraphEngine
import Render
import Testing

@Suite("Text")
struct TextTests {
  @Test("Korean, math symbols and markup characters have glyphs in every style's fonts")
  func glyphs() {
    let measurer = PangoTextMeasurer()
    let samples = [
      "기울기와 연쇄 법칙", "역전파 · 순전파", "∂<i>L</i>/∂<i>y</i>·<i>y</i>(1 − <i>y</i>) ‖ σ √ ≥ ≤ ×",
      PangoMarkupDialect.escape("Title <b> & 'quotes'"),
    ]
    for theme in Theme.all {
      for font in [theme.labelFont, theme.operatorFont, theme.inputFont] {
        for sample in samples {
          #expect(measurer.missingGlyphs(sample, font: font) == 0, "\(font): \(sample)")
        }
      }
    }
  }

  @Test("lesson text is escaped before it reaches Pango markup")
  func escaping() {
    let markup = PangoMarkupDialect.escape("a <b> & 'c' \"d\"")
    #expect(markup == "a &lt;b&gt; &amp; &#39;c&#39; &quot;d&quot;")
    #expect(PangoTextMeasurer.isValidMarkup(markup))
    #expect(!PangoTextMeasurer.isValidMarkup("a <b> & c"))
  }

  @Test("variables italic, scripts raised and lowered, the minus sign")
  func formulaMarkup() {
    let f = Formula.negate(.product([.symbol("w_1"), .power(.symbol("x0"), 2)]))
    #expect(
      f.pangoMarkup()
        == "−<i>w</i><span size=\"70%\" rise=\"-1800\">1</span><i>x</i><span size=\"70%\" rise=\"-1800\">0</span><span size=\"70%\" rise=\"3800\">2</span>"
    )
    #expect(Formula.call(.exp, [.negate(.symbol("x"))]).pangoMarkup() == "exp(−<i>x</i>)")
  }
}
