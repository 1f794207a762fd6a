import Foundation
import LessonKit
import Testing

@testable import LessonCLI

/// The robustness review's findings at the command line, each a regression test.
@Suite("Hardening: command line")
struct HardeningCLITests {
  @Test("a 35,000-term sum is refused at the node limit, located; no crash")
  func hugeSum() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    let terms = Array(repeating: "x", count: 35_000).joined(separator: " + ")
    try folder.write("sum.yaml", "title: Sum\nfunction: y = \(terms)\ninputs:\n  x: 1\n")
    for command in [["sum.yaml"], ["check", "sum.yaml"], ["trace", "sum.yaml"]] {
      let result = try ProcessRunner.run(command, in: folder.url)
      #expect(result.status == 1, "\(command)")
      #expect(
        result.stderr.hasPrefix(
          "sum.yaml:2:40013: error: the graph has more than 10000 nodes here, lessongen's limit"))
    }
    #expect(folder.listing() == ["sum.yaml"])
  }

  @Test(
    "a graph too large to draw is written without figures, saying why, in text and stderr"
  )
  func tooLargeToDraw() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    var lines = "  a0 = sin(x)\n"
    for i in 1..<2_600 { lines += "  a\(i) = sin(a\(i - 1))\n" }
    lines += "  y = a2599 * 2\n"
    try folder.write("chain.yaml", "title: Chain\nfunction: |\n\(lines)inputs:\n  x: 1\n")
    let result = try ProcessRunner.run(["chain.yaml", "--out", "out"], in: folder.url)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stderr.contains(
        "chain.yaml: warning: the graph figure is left out: its graph has 2603 nodes, more than "
          + "the 2500 lessongen draws"))
    #expect(result.stderr.contains("warning: the forward figure is left out"))
    #expect(
      result.stderr.contains("warning: the plot figure is left out: its graph has 2603 nodes"))
    #expect(
      result.stderr.contains(
        "chain.yaml: warning: the forward pass table is left out: it would have 2602 rows, more "
          + "than the 2500 lessongen prints"))
    #expect(
      result.stderr.contains(
        "warning: the backward pass table is left out: it would have 2601 rows"))
    #expect(
      folder.listing() == [
        "chain.yaml", "out/chain/chain.html", "out/chain/chain.md",
        "out/chain/chain.pdf", "out/chain/trace.json",
      ])
    let markdown = try String(
      contentsOf: folder.url.appendingPathComponent("out/chain/chain.md"), encoding: .utf8)
    #expect(
      markdown.contains(
        "The graph figure is left out: its graph has 2603 nodes, and lessongen draws graphs of "
          + "up to 2500 nodes."))
    #expect(
      markdown.contains(
        "The table is left out: it would have 2601 rows, and lessongen prints tables of up to "
          + "2500 rows."))
  }

  @Test("σ(−1000): the expanded figure is left out with the overflow named, not silently")
  func expandedOverflow() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    try folder.write("s.yaml", "title: S\nfunction: y = sigmoid(x)\ninputs:\n  x: -1000\n")
    let result = try ProcessRunner.run(["s.yaml", "--out", "out"], in: folder.url)
    #expect(result.status == 0)
    #expect(
      result.stderr
        == "s.yaml: warning: the expanded figure is left out: the expanded graph cannot be "
        + "evaluated at these inputs (exp(1000) overflows to infinity)\n")
    let markdown = try String(
      contentsOf: folder.url.appendingPathComponent("out/s/s.md"), encoding: .utf8)
    #expect(markdown.contains("The expanded graph is not drawn"))
    #expect(!folder.listing().contains { $0.contains("expanded") })
  }

  @Test("an input with no numeric check says why instead of an empty table")
  func emptyNumericCheck() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    try folder.write(
      "m.yaml", "title: M\nfunction: y = x / 2\ninputs:\n  x: 1.7976931348623157e308\n")
    let result = try ProcessRunner.run(["m.yaml", "--out", "out"], in: folder.url)
    #expect(result.status == 0)
    let markdown = try String(
      contentsOf: folder.url.appendingPathComponent("out/m/m.md"), encoding: .utf8)
    #expect(
      markdown.contains(
        "x has no numeric check: x ± h is not a finite number there, so no central difference "
          + "can be taken"))
    #expect(!markdown.contains("| input | backpropagation"))
  }

  @Test("arguments holding control characters are echoed escaped, on stdout and stderr")
  func escapedArguments() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    let option = try ProcessRunner.run(["sigmoid", "--x\u{1B}[31m"], in: folder.url)
    #expect(option.status == 64)
    #expect(option.stderr.hasPrefix("Error: Unknown option '--x<U+001B>[31m'"))
    let out = try ProcessRunner.run(["dlfs-apple", "--out", "o\u{1B}"], in: folder.url)
    #expect(out.status == 0)
    #expect(out.stdout == "wrote dlfs-apple to o<U+001B>/dlfs-apple/\n")
    let missing = try ProcessRunner.run(["a\u{07}.yaml"], in: folder.url)
    #expect(missing.stderr == "a<U+0007>.yaml: error: the file does not exist\n")
    for result in [option, out, missing] {
      #expect(
        !(result.stdout + result.stderr).unicodeScalars.contains {
          $0 == "\u{1B}" || $0 == "\u{07}"
        })
    }
  }

  @Test("--set refuses a value that underflows to 0, as inputs do")
  func setUnderflow() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    let result = try ProcessRunner.run(["trace", "sigmoid", "--set", "x=1e-400"], in: folder.url)
    #expect(result.status == 64)
    #expect(result.stderr.contains("x=1e-400"))
  }

  @Test("an empty --out is a usage error, not the root folder")
  func emptyOut() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    let result = try ProcessRunner.run(["dlfs-apple", "--out", ""], in: folder.url)
    #expect(result.status == 64)
    #expect(result.stderr.hasPrefix("Error: --out needs a folder"))
    #expect(folder.listing() == [])
  }

  @Test("option suggestions only when close")
  func optionSuggestions() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    let far = try ProcessRunner.run(["sigmoid", "--blanks"], in: folder.url)
    #expect(far.status == 64)
    #expect(far.stderr.hasPrefix("Error: Unknown option '--blanks'.\n"))
    let close = try ProcessRunner.run(["sigmoid", "--lnag", "ko"], in: folder.url)
    #expect(close.status == 64)
    #expect(close.stderr.hasPrefix("Error: Unknown option '--lnag'. Did you mean '--lang'?\n"))
    #expect(
      CommandLineSuggestion.keepingCloseOnes("Error: Unknown option '--x'. Did you mean '--set'?")
        == "Error: Unknown option '--x'.")
  }

  /// The inputs the fuzzer and the review found, kept in `Fuzz/regressions/`.
  static let regressions: [URL] = {
    let folder = ProcessRunner.root.appendingPathComponent("Fuzz/regressions")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") }.sorted().map {
      folder.appendingPathComponent($0)
    }
  }()

  @Test(
    "every input that once crashed or misbehaved runs through the pipeline", arguments: regressions)
  func regression(_ file: URL) throws {
    let bytes = [UInt8](try Data(contentsOf: file))
    PipelineExercise.run(bytes)
    // Whatever it reports quotes nothing raw to the terminal.
    let result = try ProcessRunner.run(["check", file.path], in: file.deletingLastPathComponent())
    // Valid exactly when the lesson compiles (numbers or tensors); a course is no lesson.
    let valid = (try? LessonSource.file(file.path).compileAny()) != nil
    #expect(result.status == (valid ? 0 : 1), "\(file.lastPathComponent): \(result.stderr)")
    #expect(!result.stderr.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })
  }

  @Test("the regression inputs are there")
  func regressionsExist() {
    #expect(Self.regressions.count >= 10)
  }
}
