import Foundation
import TestSupport
import Testing

/// `--exercise`: the exercise sheet with blanks, then the answer key on its own page.
@Suite("exercise sheets")
struct ExerciseCommandTests {
  /// A neuron whose values and gradients are all different numbers.
  static let neuron = """
    title: A tanh neuron
    function: y = tanh(w * x + b)
    inputs: {w: 0.7, x: -1.3, b: 0.2}

    """

  /// The trace's gradients and values (each as six significant digits, without its sign)
  /// that are not also one of the other kind, or a small whole number any text may hold.
  static func numbers(_ folder: TemporaryFolder, _ id: String) throws -> (
    gradients: Set<String>, values: Set<String>
  ) {
    let data = try Data(contentsOf: folder.url.appendingPathComponent("out/\(id)/trace.json"))
    let trace = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let nodes = try #require(trace["nodes"] as? [[String: Any]])
    func text(_ v: Double) -> String { String(format: "%.6g", abs(v)) }
    var gradients: Set<String> = []
    var values: Set<String> = []
    for node in nodes {
      if let g = node["grad"] as? Double { gradients.insert(text(g)) }
      if let v = node["value"] as? Double, node["op"] as? String != "input" {
        values.insert(text(v))
      }
    }
    let inputs = Set(
      nodes.filter { $0["op"] as? String == "input" }.compactMap { $0["value"] as? Double }.map(
        text))
    let common = gradients.intersection(values).union(inputs).union(["0", "1", "2"])
    return (gradients.subtracting(common), values.subtracting(common))
  }

  /// The exercise PDF's text before the answer key and from it on.
  static func split(_ folder: TemporaryFolder, _ pdf: String) throws -> (sheet: String, key: String)
  {
    let result = try ProcessRunner.run(
      ["-layout", pdf, "-"], in: folder.url, binary: URL(fileURLWithPath: "/usr/bin/pdftotext"))
    #expect(result.status == 0)
    let pages = result.stdout.components(separatedBy: "\u{0C}")
    let key = try #require(pages.firstIndex { $0.contains("Answer key") }, "no answer key page")
    // The answer key starts its page: nothing of the sheet shares it.
    #expect(
      pages[key].trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("Answer key"),
      "\(pages[key].prefix(200))")
    return (pages[..<key].joined(), pages[key...].joined())
  }

  @Test(
    "--exercise: no gradient before the answer key, all of them in it; values kept", .externalTools)
  func gradientsBlank() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    try folder.write("neuron.yaml", Self.neuron)
    let run = try ProcessRunner.run(["neuron.yaml", "--exercise", "--out", "out"], in: folder.url)
    #expect(run.status == 0, "\(run.stderr)")
    let files = folder.listing()
    for name in [
      "neuron-exercise.pdf", "neuron-exercise.md", "neuron-exercise.html",
      "figures/graph-exercise.svg", "figures/graph-exercise.png", "figures/expanded-exercise.pdf",
      "neuron.pdf",
    ] {
      #expect(files.contains("out/neuron/" + name), "missing \(name)")
    }
    let (gradients, values) = try Self.numbers(folder, "neuron")
    #expect(gradients.count >= 3 && values.count >= 2)
    let (sheet, key) = try Self.split(folder, "out/neuron/neuron-exercise.pdf")
    for g in gradients {
      #expect(!sheet.contains(g), "gradient \(g) shown before the answer key")
      #expect(key.contains(g), "gradient \(g) missing from the answer key")
    }
    for v in values { #expect(sheet.contains(v), "forward value \(v) not given") }
    // The Markdown and HTML alike: blanks before the key, the numbers after it.
    let markdown = try String(
      contentsOf: folder.url.appendingPathComponent("out/neuron/neuron-exercise.md"),
      encoding: .utf8)
    let parts = markdown.components(separatedBy: "## Answer key")
    #expect(parts.count == 2)
    #expect(parts[0].contains("\\boxed{\\phantom{0.000000}}"))
    #expect(parts[0].contains("figures/graph-exercise.png"))
    for g in gradients {
      #expect(!parts[0].contains(g))
      #expect(parts[1].contains(g))
    }
    let html = try String(
      contentsOf: folder.url.appendingPathComponent("out/neuron/neuron-exercise.html"),
      encoding: .utf8)
    let halves = html.components(separatedBy: "<h2>Answer key</h2>")
    #expect(halves.count == 2)
    for g in gradients { #expect(!halves[0].contains(g)) }
    // Without --exercise there are no exercise files.
    let plain = try ProcessRunner.run(["neuron.yaml", "--out", "plain"], in: folder.url)
    #expect(plain.status == 0)
    #expect(!folder.listing().contains { $0.hasPrefix("plain/") && $0.contains("exercise") })
  }

  @Test("--exercise forward blanks the forward values too, the inputs kept", .externalTools)
  func forwardBlank() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    try folder.write("neuron.yaml", Self.neuron)
    let run = try ProcessRunner.run(
      ["neuron.yaml", "--exercise", "forward", "--out", "out"], in: folder.url)
    #expect(run.status == 0, "\(run.stderr)")
    let (gradients, values) = try Self.numbers(folder, "neuron")
    let (sheet, key) = try Self.split(folder, "out/neuron/neuron-exercise.pdf")
    for n in gradients.union(values) {
      #expect(!sheet.contains(n), "\(n) shown before the answer key")
      #expect(key.contains(n), "\(n) missing from the answer key")
    }
    #expect(sheet.contains("0.7") && sheet.contains("1.3"), "the inputs are given")
  }

  @Test("a course with exercise: true collects the answer keys at its end", .externalTools)
  func courseAnswerKeys() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    try folder.write("lessons/neuron.yaml", Self.neuron)
    try folder.write(
      "drills.yaml",
      "title: Drills\nexercise: true\nlessons:\n  - sigmoid\n  - lessons/neuron.yaml\n")
    let run = try ProcessRunner.run(["build", "drills.yaml", "--out", "out"], in: folder.url)
    #expect(run.status == 0, "\(run.stderr)")
    let files = folder.listing()
    #expect(files.contains("out/drills/drills-exercise.pdf"))
    #expect(files.contains("out/drills/neuron/neuron-exercise.pdf"))
    let xml = try ProcessRunner.run(
      ["-xml", "-stdout", "-i", "-q", "out/drills/drills-exercise.pdf"], in: folder.url,
      binary: URL(fileURLWithPath: "/usr/bin/pdftohtml")
    ).stdout
    let top = xml.matches(of: /<item page="(\d+)">([^<]*)<\/item>/).map {
      (Int($0.1)!, String($0.2))
    }
    let keyPage = try #require(top.first { $0.1 == "Answer key" }?.0)
    // Both lessons' answers come after every sheet.
    let opening = try ProcessRunner.run(
      ["-f", "\(keyPage)", "-l", "\(keyPage)", "out/drills/drills-exercise.pdf", "-"],
      in: folder.url, binary: URL(fileURLWithPath: "/usr/bin/pdftotext")
    ).stdout
    #expect(opening.contains("Answer key"), "the answer key's opening page says what it is")
    let sheets = top.filter { $0.1.hasSuffix(": exercise") }
    #expect(sheets.count == 2)
    #expect(sheets.allSatisfy { $0.0 < keyPage })
    let text = try ProcessRunner.run(
      ["-f", "1", "-l", "\(keyPage - 1)", "out/drills/drills-exercise.pdf", "-"], in: folder.url,
      binary: URL(fileURLWithPath: "/usr/bin/pdftotext")
    ).stdout
    let (gradients, _) = try Self.numbers(folder, "drills/neuron")
    for g in gradients { #expect(!text.contains(g), "\(g) before the answer keys") }
  }
}
