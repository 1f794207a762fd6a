import Drawing
import Explain
import Figures
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

  @Test("a Korean title and summary keep their words whole; an English one is as written")
  func koreanTitle() {
    let measurer = EstimatedTextMeasurer()
    let korean = HandoutLayout.typeset(
      Document(
        title: "배치 두 개에 대한 2층 신경망 (밑바닥부터 시작하는 딥러닝)", summary: "모든 기울기를 역전파로 구합니다.",
        language: .korean, blocks: []), paper: .a4, measurer: measurer)
    #expect(korean.titleText.markup.contains("<span allow_breaks=\"false\">딥러닝)</span>"))
    #expect(korean.summaryText?.markup.contains("<span allow_breaks=\"false\">역전파로</span>") == true)
    let english = HandoutLayout.typeset(
      Document(title: "A <b> & c", summary: nil, language: .english, blocks: []), paper: .a4,
      measurer: measurer)
    #expect(english.titleText.markup == "A &lt;b&gt; &amp; c")
  }
}
