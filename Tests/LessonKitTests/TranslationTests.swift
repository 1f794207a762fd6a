import GraphEngine
import LessonKit
import Testing

@Suite("Translations")
struct TranslationTests {
  static let lesson = """
    title: Squared error
    description: the loss of one prediction
    function: |
      d = y - t
      L = d ^ 2
    inputs: {y: 0.8, t: 1}
    introduction: The squared error punishes large misses.
    notes:
      d: the miss
      L: the loss
    translations:
      ko:
        title: 제곱 오차
        notes:
          d: 빗나간 정도
    """

  @Test("a partial translation keeps the author's other texts instead of dropping them")
  func merged() throws {
    let lesson = try LessonLoader.load(text: Self.lesson, path: "e.yaml", id: "e")
    let ko = lesson.authorText(.korean)
    #expect(ko.title == "제곱 오차")
    #expect(ko.introduction == "The squared error punishes large misses.")
    #expect(ko.notes["d"] == "빗나간 정도")
    #expect(ko.notes["L"] == "the loss")
    #expect(lesson.authorText(.english).notes["d"] == "the miss")
  }

  @Test("the texts a language has no translation of are named")
  func untranslated() throws {
    let lesson = try LessonLoader.load(text: Self.lesson, path: "e.yaml", id: "e")
    #expect(lesson.untranslated(in: .english) == [])
    #expect(lesson.untranslated(in: .korean) == ["description", "introduction", "note on L"])
  }
}
