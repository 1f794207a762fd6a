import Foundation
import Testing

/// The command line of the lesson format (§3), through the real binary.
@Suite("Command line")
struct CommandLineTests {
  @Test("trace prints the JSON on stdout and writes nothing")
  func trace() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    let result = try ProcessRunner.run(["trace", "sigmoid"], in: folder.url)
    #expect(result.status == 0)
    #expect(result.stderr == "")
    #expect(result.stdout.hasPrefix("{\n  \"lesson\": \"sigmoid\",\n"))
    #expect(result.stdout.contains("\"grad\": 0.19661193324148185"))
    #expect(folder.listing() == [])
  }

  @Test("trace with --set overrides an input")
  func traceWithSet() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    let result = try ProcessRunner.run(["trace", "sigmoid", "--set", "x=0"], in: folder.url)
    #expect(result.status == 0)
    #expect(result.stdout.contains(#""output": { "name": "y", "value": 0.5, "grad": 1 }"#))
    #expect(result.stdout.contains(#""x": { "value": 0, "grad": 0.25 }"#))
  }

  @Test("--set naming no input, or malformed, is an error")
  func badSet() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    let unknown = try ProcessRunner.run(["trace", "sigmoid", "--set", "w=2"], in: folder.url)
    #expect(unknown.status == 1)
    #expect(
      unknown.stderr
        == "Lessons/sigmoid.yaml: error: --set w: the lesson has no input 'w' (its inputs: x)\n")
    let malformed = try ProcessRunner.run(["trace", "sigmoid", "--set", "x"], in: folder.url)
    #expect(malformed.status == 64)
    #expect(malformed.stderr.hasPrefix("Error: The value 'x' is invalid for '--set <name=value>'"))
  }

  @Test(
    "a malformed command line exits with 64 (EX_USAGE), says why, and writes nothing",
    arguments: [
      (["--frobnicate", "sigmoid"], "Error: Unknown option '--frobnicate'"),
      (["sigmoid", "--out"], "Error: Missing value for '--out <DIR>'"),
      (["sigmoid", "--set"], "Error: Missing value for '--set <name=value>'"),
      (
        ["sigmoid", "--style", "nope"],
        "Error: unknown style 'nope'; the styles are dlfs, cs231n, colah"
      ),
      (
        ["sigmoid", "--labels", "nope"],
        "Error: unknown labels 'nope'; they are numeric, symbolic, both"
      ),
      (["sigmoid", "--lang", "fr"], "Error: unknown language 'fr'; the languages are en, ko"),
      (["sigmoid", "--paper", "a3"], "Error: unknown paper 'a3'; the papers are a4, letter"),
      (
        ["trace", "sigmoid", "--set", "x=abc"],
        "Error: The value 'x=abc' is invalid for '--set <name=value>'"
      ),
      (
        ["trace", "sigmoid", "--set", "=2"],
        "Error: The value '=2' is invalid for '--set <name=value>'"
      ),
      (["trace", "sigmoid", "--style", "dlfs"], "Error: Unknown option '--style'"),
      (["trace", "sigmoid", "extra"], "Error: Unexpected argument 'extra'"),
      (["trace"], "Error: Missing expected argument '<lesson>'"),
      (["check"], "Error: Missing expected argument '<lessons> ...'"),
      (["list", "extra"], "Error: Unexpected argument 'extra'"),
      ([], "Error: Missing expected argument '<lesson>'"),
    ])
  func malformedCommandLine(arguments: [String], message: String) throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    let result = try ProcessRunner.run(arguments, in: folder.url)
    #expect(result.status == 64, "\(arguments): \(result.stderr)")
    #expect(result.stderr.hasPrefix(message), "\(arguments)")
    #expect(result.stdout == "", "\(arguments)")
    #expect(folder.listing() == [], "\(arguments)")
  }

  @Test("list prints id — title, one a line")
  func list() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    let result = try ProcessRunner.run(["list"], in: folder.url)
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count >= 10)
    #expect(lines.contains("sigmoid — Derivative of the sigmoid function"))
    #expect(lines.allSatisfy { $0.contains(" — ") })
  }

  @Test("check: exit 0 only if every lesson is valid, all problems printed")
  func check() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    try folder.write("good.yaml", "title: Good\nfunction: y = x * 2\ninputs: {x: 1}\n")
    try folder.write("bad.yaml", "title: Bad\nfunction: y = x * w + sigmod(x)\ninputs: {x: 1}\n")
    let good = try ProcessRunner.run(["check", "good.yaml", "sigmoid"], in: folder.url)
    #expect(good.status == 0)
    #expect(good.stdout == "good.yaml: ok (3 nodes)\nLessons/sigmoid.yaml: ok (2 nodes)\n")
    let bad = try ProcessRunner.run(["check", "good.yaml", "bad.yaml"], in: folder.url)
    #expect(bad.status == 1)
    #expect(
      bad.stderr == """
        bad.yaml:2:19: error: 'w' has no value: give it one under 'inputs' or assign it first
        function: y = x * w + sigmod(x)
                          ^
        bad.yaml:2:23: error: unknown function 'sigmod'; did you mean 'sigmoid'?
        function: y = x * w + sigmod(x)
                              ^

        """)
    // A derivation step that is right only at the lesson's input fails at a point near it.
    try folder.write(
      "near.yaml",
      "title: Near\nfunction: y = sigmoid(x)\ninputs: {x: 1}\n"
        + "derivation:\n  of: x\n  steps:\n    - y * (1 - y) + (x - 1)\n")
    let near = try ProcessRunner.run(["check", "near.yaml"], in: folder.url)
    #expect(near.status == 1)
    #expect(near.stdout == "")
    #expect(
      near.stderr.hasPrefix(
        "near.yaml:7:7: error: this step is not equal to ∂y/∂x: at x = 1.04 it is 0.232951"))
  }

  @Test("generate writes exactly the documented files, under ./Output/<id>/ or under --out")
  func generate() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    // Each figure as PDF, PNG and SVG.
    func figures(_ names: String...) -> [String] {
      names.flatMap { name in ["pdf", "png", "svg"].map { "figures/\(name).\($0)" } }
    }
    // A lesson with a composite node: graph, expanded, one step per node of the expanded graph.
    let result = try ProcessRunner.run(["sigmoid"], in: folder.url)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == "wrote sigmoid to Output/sigmoid/\n")
    let sigmoid =
      ["sigmoid.html", "sigmoid.md", "sigmoid.pdf", "trace.json"]
      + figures("expanded", "graph", "plot", "step-01", "step-02", "step-03", "step-04")
    #expect(folder.listing() == sigmoid.map { "Output/sigmoid/" + $0 }.sorted())

    // Without one: forward, graph, one step per operation.
    let out = try ProcessRunner.run(["cs231n-circuit", "--out", "site/lessons"], in: folder.url)
    #expect(out.status == 0, "\(out.stderr)")
    #expect(out.stdout == "wrote cs231n-circuit to site/lessons/cs231n-circuit/\n")
    let circuit =
      ["cs231n-circuit.html", "cs231n-circuit.md", "cs231n-circuit.pdf", "trace.json"]
      + figures("forward", "graph", "step-01", "step-02")
    #expect(
      folder.listing().filter { $0.hasPrefix("site/") }
        == circuit.map { "site/lessons/cs231n-circuit/" + $0 }.sorted())
  }

  @Test("the same command twice writes byte-identical files")
  func reproducible() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    _ = try ProcessRunner.run(["cs231n-circuit", "--out", "a"], in: folder.url)
    _ = try ProcessRunner.run(["cs231n-circuit", "--out", "b"], in: folder.url)
    let files = folder.listing().filter { $0.hasPrefix("a/") }
    #expect(!files.isEmpty)
    for file in files {
      let a = try Data(contentsOf: folder.url.appendingPathComponent(file))
      let b = try Data(contentsOf: folder.url.appendingPathComponent("b" + file.dropFirst()))
      #expect(a == b, "\(file)")
    }
  }

  @Test("a rerun leaves files that did not change untouched, and rewrites those that did")
  func rerunTouchesOnlyChanges() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    #expect(try ProcessRunner.run(["tanh", "--out", "o"], in: folder.url).status == 0)
    let first = try FileIdentity.all(in: folder)
    #expect(first.count == 31, "\(first.keys.sorted())")
    // Any rewrite from here on gets another modification time, even on a coarse clock.
    #expect(FileIdentity.clockPassed(first, in: folder))

    // Nothing changed: every file is the very same file, with the same time to the nanosecond.
    #expect(try ProcessRunner.run(["tanh", "--out", "o"], in: folder.url).status == 0)
    let second = try FileIdentity.all(in: folder)
    #expect(second.keys.sorted() == first.keys.sorted())
    for (path, identity) in first.sorted(by: { $0.key < $1.key }) where second[path] != identity {
      Issue.record(
        "\(path) was touched by a rerun: \(identity) → \(second[path].map { "\($0)" } ?? "gone")")
    }

    // One file edited by hand: it alone is replaced (a new file, renamed into place).
    let figure = "o/tanh/figures/graph.svg"
    try folder.write(figure, "edited by hand")
    let edited = try FileIdentity.all(in: folder)
    #expect(FileIdentity.clockPassed(edited, in: folder))
    #expect(try ProcessRunner.run(["tanh", "--out", "o"], in: folder.url).status == 0)
    let third = try FileIdentity.all(in: folder)
    #expect(third.keys.sorted() == first.keys.sorted())
    for (path, identity) in edited.sorted(by: { $0.key < $1.key }) {
      if path == figure {
        #expect(third[path]?.inode != identity.inode, "\(path) was not replaced")
        #expect(third[path]?.modified != identity.modified, "\(path) kept its time")
      } else if third[path] != identity {
        Issue.record(
          "\(path) was touched by a rerun: \(identity) → \(third[path].map { "\($0)" } ?? "gone")")
      }
    }
    let svg = try String(contentsOf: folder.url.appendingPathComponent(figure), encoding: .utf8)
    #expect(svg.hasPrefix("<?xml"))
    #expect(!folder.listing().contains { $0.hasSuffix(".partial") })
  }

  @Test("on error nothing under the output folder is created, truncated or replaced")
  func nothingWrittenOnError() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    try folder.write("lesson.yaml", "title: Broken\nfunction: y = log(x)\ninputs: {x: -1}\n")
    let fresh = try ProcessRunner.run(["lesson.yaml"], in: folder.url)
    #expect(fresh.status == 1)
    #expect(fresh.stderr.hasPrefix("lesson.yaml:2:15: error: log needs a positive argument"))
    #expect(folder.listing() == ["lesson.yaml"])

    try folder.write("Output/lesson/trace.json", "earlier run")
    let again = try ProcessRunner.run(["lesson.yaml", "--set", "x=0"], in: folder.url)
    #expect(again.status == 1)
    let kept = try String(
      contentsOf: folder.url.appendingPathComponent("Output/lesson/trace.json"), encoding: .utf8)
    #expect(kept == "earlier run")
    #expect(folder.listing() == ["Output/lesson/trace.json", "lesson.yaml"])
  }

  @Test("an unknown lesson or a missing file is a clear error")
  func unknownLesson() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    let id = try ProcessRunner.run(["trace", "sigmod"], in: folder.url)
    #expect(id.status == 1)
    #expect(id.stderr.hasPrefix("sigmod: error: no built-in lesson 'sigmod'"))
    let file = try ProcessRunner.run(["trace", "nowhere/lesson.yaml"], in: folder.url)
    #expect(file.status == 1)
    #expect(file.stderr == "nowhere/lesson.yaml: error: the file does not exist\n")
  }

  @Test("hostile input: deep nesting and huge chains end in an error or a result, never a crash")
  func hostile() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    let deep = String(repeating: "(", count: 300_000) + "x" + String(repeating: ")", count: 300_000)
    try folder.write("deep.yaml", "title: t\nfunction: y = \(deep)\ninputs: {x: 1}\n")
    try folder.write("yaml.yaml", String(repeating: "{a: ", count: 200_000) + "\n")
    try folder.write(
      "signs.yaml",
      "title: t\nfunction: y = \(String(repeating: "-", count: 300_000))x\ninputs: {x: 1}\n")
    for name in ["deep.yaml", "yaml.yaml", "signs.yaml"] {
      let result = try ProcessRunner.run(["check", name], in: folder.url)
      #expect(result.status == 1, "\(name)")
      #expect(result.stderr.contains("nested too deeply"), "\(name)")
      // The source line is cut to a window around the caret.
      #expect(result.stderr.count < 400, "\(name)")
    }
  }

  @Test("a figure listed twice is a located error, and nothing is written")
  func figureListedTwice() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    let lesson = folder.url.appendingPathComponent("twice.yaml")
    try "title: t\nfunction: y = x * x\ninputs: {x: 3}\nfigures: [graph, forward, graph]\n"
      .write(to: lesson, atomically: true, encoding: .utf8)
    let result = try ProcessRunner.run([lesson.path, "--out", "out"], in: folder.url)
    #expect(result.status == 1)
    #expect(result.stderr.contains("twice.yaml:4:27: error: figure 'graph' is listed twice"))
    #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("out").path))
  }
}
