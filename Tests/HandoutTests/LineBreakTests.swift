import Explain
import GraphEngine
import Testing

@testable import Handout

@Suite("Line breaks in the handout's text")
struct LineBreakTests {
  @Test("a Korean word is kept whole and its particle stays with the formula before it")
  func korean() {
    let markup = HandoutTypesetter.markup([
      .math(.symbol("L")), .text("은 출력입니다. x"),
    ])
    #expect(markup.contains("\u{2060}<span allow_breaks=\"false\">은</span>"))
    #expect(markup.contains("<span allow_breaks=\"false\">출력입니다.</span>"))
    // English text is left as it was.
    #expect(HandoutTypesetter.markup([.text("the output is")]) == "the output is")
  }

  @Test("a short formula is never broken inside; a long one may be")
  func formulas() {
    let short = HandoutTypesetter.markup([.math(.sum(.symbol("x"), .symbol("h")))])
    #expect(!short.contains(" ") && short.contains("\u{00A0}+\u{00A0}"))
    let long = Formula.sum(
      .symbol("alpha_price"),
      .sum(.symbol("beta_price"), .sum(.symbol("gamma_price"), .symbol("delta_price"))))
    #expect(HandoutTypesetter.markup([.math(long)]).contains(" + "))
  }
}
