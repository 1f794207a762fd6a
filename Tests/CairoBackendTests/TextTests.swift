import Drawing
import Figures
import FormulaWriting
import GraphEngine
import GraphLayout
import Testing

@testable import CairoBackend

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
        == "−<i>w</i><span size=\"85%\" rise=\"-1800\">1</span>·<i>x</i><span size=\"85%\" rise=\"-1800\">0</span><span size=\"85%\" rise=\"3800\">2</span>"
    )
    #expect(Formula.call(.exp, [.negate(.symbol("x"))]).pangoMarkup() == "exp(−<i>x</i>)")
  }

  @Test("text is shaped at one size and scaled: measures grow exactly with the size")
  func scaledMeasures() {
    let measurer = PangoTextMeasurer()
    // (No scripts: their rise is written in points, the same at any size.)
    let markup = "∂<i>L</i>/∂<i>y</i>·<i>y</i>(1 − <i>y</i>) = −0.534447"
    let small = measurer.measureLine(markup, font: Font(family: "DejaVu Serif", size: 9))
    let large = measurer.measureLine(markup, font: Font(family: "DejaVu Serif", size: 13.5))
    #expect(abs(large.width / small.width - 1.5) < 1e-3)
    #expect(abs(large.ascent / small.ascent - 1.5) < 1e-3)
    #expect(abs(large.descent / small.descent - 1.5) < 1e-3)
    // A wrapped paragraph breaks at the same words at any size, its width scaled too.
    let text = String(repeating: "the gradient of L with respect to x ", count: 6)
    let narrow = measurer.measure(text, font: Font(family: "DejaVu Serif", size: 10), width: 200)
    let wide = measurer.measure(text, font: Font(family: "DejaVu Serif", size: 20), width: 400)
    #expect(abs(wide.height / narrow.height - 2) < 1e-3)
  }

  @Test("absolute measures in markup are rewritten for the reference size")
  func markupAtReferenceSize() {
    let script = "<span size=\"70%\" rise=\"3800\">2</span>"
    #expect(PangoThreadCache.atReferenceSize(script, scale: 1) == script)
    #expect(
      PangoThreadCache.atReferenceSize(script, scale: 2)
        == "<span size=\"70%\" rise=\"1900\">2</span>")
    #expect(
      PangoThreadCache.atReferenceSize("<span rise=\"-1800\">i</span>", scale: 1.2)
        == "<span rise=\"-1500\">i</span>")
    #expect(
      PangoThreadCache.atReferenceSize(
        "a<span font_desc=\"DejaVu Serif, NanumMyeongjo 9\" foreground=\"#333\">b</span>",
        scale: 1.125)
        == "a<span font_desc=\"DejaVu Serif, NanumMyeongjo 8.0\" foreground=\"#333\">b</span>")
    // Text between tags, quotes included, is left alone.
    #expect(
      PangoThreadCache.atReferenceSize("rise=\"3800\" said &quot;x&quot;", scale: 2)
        == "rise=\"1900\" said &quot;x&quot;")
  }
}
