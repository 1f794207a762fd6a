import Testing

@testable import LessonCLI

@Suite("Early handout thread")
struct EarlyStartTests {
  @Test("the handout thread starts before parsing only for lessongen LESSON")
  func guessesGenerate() {
    #expect(Generate.isRequested(by: ["sigmoid"]))
    #expect(Generate.isRequested(by: ["generate", "sigmoid"]))
    #expect(Generate.isRequested(by: ["--out", "site", "tanh"]))
    for others in [["trace", "sigmoid"], ["check", "a.yaml"], ["list"], ["help"], []] {
      #expect(!Generate.isRequested(by: others), "\(others)")
    }
    for flags in [["--help"], ["sigmoid", "-h"], ["--version"]] {
      #expect(!Generate.isRequested(by: flags), "\(flags)")
    }
  }
}
