import Foundation
import Testing

/// Issue 21's findings on work without bound, silent omissions and messages that pointed
/// at the wrong place: each a regression test that fails on the lessongen before the fix.
@Suite("Bounded work and located messages")
struct BoundedWorkTests {
  func run(_ arguments: [String], _ files: [String: String]) throws -> (
    ProcessRunner.Result, TemporaryFolder
  ) {
    let folder = try TemporaryFolder()
    for (name, text) in files { try folder.write(name, text) }
    return (try ProcessRunner.run(arguments, in: folder.url), folder)
  }

  @Test("2,000 sums of a (1000, 1000) repeat: refused from the shapes, at the node, with numbers")
  func elementBudget() throws {
    let terms = Array(repeating: "M", count: 2_000).joined(separator: " + ")
    let ones = Array(repeating: "1", count: 1_000).joined(separator: ", ")
    let lesson =
      "title: B\nfunction: |\n  M = repeat(x, 1000)\n  y = sum(\(terms))\ninputs:\n  x: [\(ones)]\n"
    for command in [["trace", "b.yaml"], ["b.yaml", "--out", "out"]] {
      let (result, folder) = try run(command, ["b.yaml": lesson])
      defer { folder.cleanUp() }
      #expect(result.status == 1)
      #expect(
        result.stderr
          == "b.yaml:3:7: error: this node, (1000, 1000) from (1000,), brings the numbers the "
          + "lesson holds (every value and what each node sends back) to 1,002,000; lessongen's "
          + "limit is 1,000,000 (use smaller vectors and matrices)\n  M = repeat(x, 1000)\n"
          + "      ^\n")
      #expect(folder.listing() == ["b.yaml"])
    }
  }

  @Test("a value summed 300 times: what each sum sends back counts, refused before the passes")
  func fanOutBudget() throws {
    let terms = Array(repeating: "sum(A)", count: 300).joined(separator: " + ")
    let lesson =
      "title: F\nfunction: |\n  A = repeat(x, 10000)\n  y = \(terms)\n"
      + "inputs:\n  x: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n"
    let (result, folder) = try run(["trace", "f.yaml"], ["f.yaml": lesson])
    defer { folder.cleanUp() }
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr.hasPrefix("f.yaml:4:")
        && result.stderr.contains("lessongen's limit is 1,000,000"),
      "\(result.stderr)")
  }

  @Test("a chain of matrix products past the multiply-add budget is refused at the product")
  func productBudget() throws {
    let row = Array(repeating: "0.001", count: 400).joined(separator: ", ")
    let lesson =
      "title: M\nfunction: |\n  A = repeat(x, 400)\n  B = A @ A\n  C = B @ A\n  y = sum(C)\n"
      + "inputs:\n  x: [\(row)]\n"
    let (result, folder) = try run(["trace", "m.yaml"], ["m.yaml": lesson])
    defer { folder.cleanUp() }
    #expect(result.status == 1)
    #expect(
      result.stderr.hasPrefix(
        "m.yaml:4:9: error: A @ A: (400, 400) @ (400, 400) brings the lesson's matrix products to "
          + "192,000,000 multiply-adds forward and backward; lessongen's limit is 100,000,000"),
      "\(result.stderr)")
    #expect(result.stdout.isEmpty)
  }

  @Test("an introduction of 60,000 flag letters (regional indicators): the handout is written")
  func flagLetters() throws {
    let flags = String(repeating: "\u{1F1FA}", count: 60_000)
    let lesson = "title: W\nfunction: y = x * 2\ninputs:\n  x: 1\nintroduction: \(flags)\n"
    let (result, folder) = try run(["w.yaml", "--out", "out"], ["w.yaml": lesson])
    defer { folder.cleanUp() }
    #expect(result.status == 0, "\(result.stderr)")
  }

  @Test("one word of 200,000 letters in the introduction: the handout is written")
  func longWord() throws {
    let word = String(repeating: "a", count: 200_000)
    let lesson = "title: W\nfunction: y = x * 2\ninputs:\n  x: 1\nintroduction: \(word)\n"
    let (result, folder) = try run(["w.yaml", "--out", "out"], ["w.yaml": lesson])
    defer { folder.cleanUp() }
    #expect(result.status == 0, "\(result.stderr)")
    let pdf = try Data(contentsOf: folder.url.appendingPathComponent("out/w/w.pdf"))
    #expect(pdf.count > 10_000)
  }

  @Test("softmax_with_loss at scores that overflow: the left-out figures are said, every time")
  func softmaxOmitted() throws {
    let lesson = """
      title: S
      function: L = softmax_with_loss(a, t)
      inputs:
        a: [1000, 0, -1000]
        t: [0, 1, 0]

      """
    for _ in 0..<2 {
      let (result, folder) = try run(["s.yaml", "--out", "out"], ["s.yaml": lesson])
      defer { folder.cleanUp() }
      #expect(result.status == 0, "\(result.stderr)")
      #expect(
        result.stderr.contains(
          "s.yaml: warning: the expanded figure is left out: the expanded graph cannot be "
            + "evaluated at these inputs"))
      #expect(
        result.stderr.contains(
          "s.yaml: warning: the class-by-class figure (classes) is left out: Softmax-with-Loss "
            + "drawn out cannot be evaluated at these scores (exp(1000) overflows to infinity)"))
      let markdown = try String(
        contentsOf: folder.url.appendingPathComponent("out/s/s.md"), encoding: .utf8)
      #expect(markdown.contains("The expanded graph is not drawn"))
      #expect(markdown.contains("The Softmax-with-Loss layer is not drawn class by class"))
    }
  }

  @Test("messages: the power's base in full, a vector power at ^, a course is a course")
  func messages() throws {
    let (power, f1) = try run(
      ["trace", "p.yaml"],
      ["p.yaml": "title: P\nfunction: y = x ^ 10000000000\ninputs:\n  x: 1.0000001\n"])
    defer { f1.cleanUp() }
    #expect(
      power.stderr.hasPrefix("p.yaml:2:17: error: 1.0000001^10000000000 overflows to infinity"))

    let (vector, f2) = try run(
      ["trace", "v.yaml"],
      ["v.yaml": "title: V\nfunction: y = sum(a ^ b)\ninputs:\n  a: [1, -2]\n  b: [2, 2]\n"])
    defer { f2.cleanUp() }
    #expect(
      vector.stderr
        == "v.yaml:2:21: error: the gradient of a^b with respect to b is a^b·ln a, which needs "
        + "a > 0, but here a = -2 (element 1 of (2,))\nfunction: y = sum(a ^ b)\n"
        + "                    ^\n")

    for command in ["check", "trace"] {
      let (course, f3) = try run(
        [command, "course.yaml"], ["course.yaml": "title: C\nlessons:\n  - sigmoid\n"])
      defer { f3.cleanUp() }
      #expect(course.status == 1)
      #expect(
        course.stderr.hasPrefix(
          "course.yaml:2:1: error: 'course.yaml' is a course, not a lesson (it lists lessons); "
            + "build it with lessongen build course.yaml"), "\(course.stderr)")
    }
  }

  @Test("a bad escape is located at the escape; an alias mistake is said once")
  func yamlLocations() throws {
    let (escape, f1) = try run(
      ["check", "e.yaml"],
      ["e.yaml": "title: \"a\\\\x41 and \\x01b\"\nfunction: y = x\ninputs:\n  x: 1\n"])
    defer { f1.cleanUp() }
    #expect(
      escape.stderr.hasPrefix(
        "e.yaml:1:20: error: the control character U+0001 in a quoted value cannot appear"),
      "\(escape.stderr)")

    let aliases = Array(repeating: "*r", count: 79).joined(separator: ", ")
    let (alias, f2) = try run(
      ["trace", "a.yaml"],
      ["a.yaml": "title: A\nfunction: y = sum(W)\ninputs:\n  W: [&r [1, oops], \(aliases)]\n"])
    defer { f2.cleanUp() }
    #expect(alias.status == 1)
    #expect(alias.stderr.components(separatedBy: "error:").count == 2, "\(alias.stderr)")
  }

  @Test("a file name holding a newline is shown escaped: it cannot forge a diagnostic line")
  func newlineInPath() throws {
    let (result, folder) = try run(
      ["check", "x\n/bad.yaml"], ["x\n/bad.yaml": "title: B\nfunction: y = x *\ninputs: {x: 1}\n"])
    defer { folder.cleanUp() }
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("x<U+000A>/bad.yaml:2:"), "\(result.stderr)")
  }
}
