import Foundation
import TestSupport
import Testing

/// `--steps` and `steps:` (issue 22): how the handout prints the step figures.
@Suite("Step figures: --steps and steps:")
struct StepsOptionTests {
  func pdfText(_ folder: TemporaryFolder, _ path: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
    process.arguments = [folder.url.appendingPathComponent(path).path, "-"]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }

  @Test(
    "none: no step figure in the handout, all of them in the Markdown; grid and all have them",
    .externalTools)
  func layouts() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    for layout in ["none", "grid", "all"] {
      let result = try ProcessRunner.run(
        ["sigmoid", "--steps", layout, "--out", layout], in: folder.url)
      #expect(result.status == 0, "\(result.stderr)")
      let text = try pdfText(folder, "\(layout)/sigmoid/sigmoid.pdf")
      let markdown = try String(
        contentsOf: folder.url.appendingPathComponent("\(layout)/sigmoid/sigmoid.md"),
        encoding: .utf8)
      #expect(markdown.contains("Step 4 of 4, the × node"))
      #expect(text.contains("Step 4 of 4") == (layout != "none"), "\(layout)")
      #expect(text.contains("The backward pass step by step") == (layout != "none"), "\(layout)")
    }
  }

  @Test("an unknown value: a usage error on the command line, a located one in a lesson")
  func unknown() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    let option = try ProcessRunner.run(["sigmoid", "--steps", "grdi"], in: folder.url)
    #expect(option.status == 64)
    #expect(option.stderr.hasPrefix("Error: unknown steps 'grdi'; they are all, grid, none"))
    try folder.write("s.yaml", "title: S\nfunction: y = sigmoid(x)\ninputs:\n  x: 1\nsteps: grdi\n")
    let lesson = try ProcessRunner.run(["s.yaml", "--out", "out"], in: folder.url)
    #expect(lesson.status == 1)
    #expect(
      lesson.stderr
        == "s.yaml:5:8: error: unknown steps 'grdi'; they are all, grid, none\nsteps: grdi\n"
        + "       ^\n")
    #expect(folder.listing() == ["s.yaml"])
  }
}
