import Foundation
import TestSupport
import Testing

/// The `plot` figure through the command line: files, the walk-through, the lesson key.
@Suite("plot command")
struct PlotCommandTests {
  @Test(
    "a lesson of one input gets the plot in every format, the handout, Markdown and HTML",
    .externalTools)
  func everywhere() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    let run = try ProcessRunner.run(
      ["sigmoid", "--style", "colah", "--out", "out"], in: folder.url)
    #expect(run.status == 0, "\(run.stderr)")
    let files = folder.listing()
    for format in ["pdf", "png", "svg"] {
      #expect(files.contains("out/sigmoid/figures/plot.\(format)"))
    }
    let markdown = try String(
      contentsOf: folder.url.appendingPathComponent("out/sigmoid/sigmoid.md"), encoding: .utf8)
    #expect(markdown.contains("](figures/plot.png)"))
    #expect(markdown.contains("the tangent's slope is the gradient, $0.196612$"))
    let html = try String(
      contentsOf: folder.url.appendingPathComponent("out/sigmoid/sigmoid.html"), encoding: .utf8)
    #expect(html.contains("src=\"figures/plot.svg\""))
    let text = try ProcessRunner.run(
      ["out/sigmoid/sigmoid.pdf", "-"], in: folder.url,
      binary: URL(fileURLWithPath: "/usr/bin/pdftotext")
    ).stdout
    #expect(text.contains("The function (solid) and its derivative (dashed)"))
    #expect(text.contains("dy/dx = y(1 − y)"), "the legend, in the handout's figure")
    // Two inputs: no plot unless asked, and asked, a warning saying why not.
    try folder.write(
      "two.yaml", "title: T\nfunction: y = x * w\ninputs: {x: 1, w: 2}\nfigures: [graph, plot]\n")
    let two = try ProcessRunner.run(["two.yaml", "--out", "out"], in: folder.url)
    #expect(two.status == 0)
    #expect(
      two.stderr.contains(
        "two.yaml: warning: the plot is left out: it draws a function of one input, and the lesson has 2"
      ))
    #expect(!folder.listing().contains("out/two/figures/plot.svg"))
  }

  @Test("plot: {from, to} is checked and located")
  func key() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    try folder.write(
      "bad.yaml", "title: B\nfunction: y = x * x\ninputs: {x: 1}\nplot: {from: 3, to: -3}\n")
    try folder.write(
      "two.yaml", "title: T\nfunction: y = x * w\ninputs: {x: 1, w: 2}\nplot: {from: 0, to: 1}\n")
    try folder.write(
      "typo.yaml", "title: B\nfunction: y = x * x\ninputs: {x: 1}\nplot: {form: 0, to: 1}\n")
    let run = try ProcessRunner.run(["check", "bad.yaml", "two.yaml", "typo.yaml"], in: folder.url)
    #expect(run.status == 1)
    for expected in [
      "bad.yaml:4:7: error: 'plot' goes from a smaller number to a larger one (from: 3.0, to: -3.0)",
      "two.yaml:4:1: error: 'plot' draws a function of one input; this lesson has 2 (x, w)",
      "typo.yaml:4:8: error: unknown key 'form' in 'plot'; it has 'from' and 'to'",
    ] {
      #expect(run.stderr.contains(expected), "missing \(expected) in \(run.stderr)")
    }
    try folder.write(
      "ok.yaml", "title: B\nfunction: y = x * x\ninputs: {x: 1}\nplot: {from: -2, to: 2}\n")
    let layout = try ProcessRunner.run(["layout", "ok.yaml", "--figure", "plot"], in: folder.url)
    #expect(layout.status == 1)
    #expect(layout.stderr.contains("is a function plot, not a graph"))
  }
}
