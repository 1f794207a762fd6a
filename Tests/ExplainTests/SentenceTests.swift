import Analysis
import Explain
import Foundation
import GraphEngine
import LessonKit
import Publishing
import Testing

/// The sentences an author's lessons need to be true: a value used along several edges, a
/// node using one value in two slots, negative terms, an output named L. Snapshots of the
/// whole walk-through (English and Korean) of two lessons of Tests/Lessons, and the claims
/// checked one by one.
@Suite("Walk-through sentences")
struct SentenceTests {
  static func markdown(_ file: String, _ language: Language) throws -> String {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Lessons/\(file).yaml").path
    let compiled = try LessonSource.file(path).compile()
    return MarkdownWriter().write(
      Walkthrough(LessonAnalysis(compiled, figures: []), language: language).document())
  }

  @Test("snapshots", arguments: ["fanout-ko", "squared-error-ko"])
  func snapshots(_ file: String) throws {
    assertMarkdownSnapshot(try Self.markdown(file, .english), named: file + ".en")
    assertMarkdownSnapshot(try Self.markdown(file, .korean), named: file)
  }

  @Test("x·x + x: 2 nodes along 3 edges, each slot's own local gradient, edge shares")
  func fanOut() throws {
    let md = try Self.markdown("fanout-ko", .english)
    #expect(md.contains("$x$ is used by 2 nodes along 3 edges"))
    #expect(!md.contains("used by 3 nodes"))
    #expect(md.contains("with respect to its first input, $x$"))
    #expect(md.contains("with respect to its second input, $x$"))
    // No false ∂(x·x)/∂x = x: a slot's local gradient is not written as ∂(x·x)/∂x.
    #expect(!md.contains("\\frac{\\partial \\left(x \\cdot x\\right)}{\\partial x} = x"))
    #expect(md.contains("{\\partial x}$ (input 1)"))
    #expect(md.contains("what flows back to $x$ along this edge"))
    #expect(md.contains("= 3 + 3 + 1 = 7"))
  }

  @Test("an output named L starts from ∂L/∂L = 1 without calling L the output L itself")
  func outputL() throws {
    let md = try Self.markdown("squared-error-ko", .english)
    #expect(md.contains("the gradient of the output $L$ with respect to itself"))
    #expect(!md.contains("is the output $L$ itself"))
  }
}
