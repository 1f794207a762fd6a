import LessonKit
import Testing

@Suite("Decimal numbers as lessons write them")
struct ParseDecimalTests {
  @Test(
    "the grammar [+-]?(digits[.digits]|.digits)([eE][+-]?digits)? and nothing else",
    arguments: [
      ("1", 1), ("-1.5", -1.5), ("+.5", 0.5), (".5", 0.5), ("5.", 5), ("1e5", 1e5),
      ("1E-5", 1e-5), ("-2.5e+3", -2500), ("0.7310585786300049", 0.7310585786300049),
    ] as [(String, Double)])
  func accepted(text: String, value: Double) {
    #expect(LessonLoader.parseDecimal(text) == value)
  }

  @Test(
    "anything else is not a decimal",
    arguments: [
      "", ".", "-", "+", "e5", "1e", "1e+", "1.2.3", "1 ", " 1", "0x10", "inf", "nan", "1_000",
      "１", "1\u{301}", "--1", "1e5.5", "٣",
    ])
  func refused(text: String) {
    #expect(LessonLoader.parseDecimal(text) == nil)
  }
}
