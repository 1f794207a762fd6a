import Foundation
import LessonKit
import TestSupport
import Testing

/// Lessons of vectors and matrices through the command line (the built-in lessons hold the
/// textbooks' Affine, MatMul, Repeat/Sum and Softmax-with-Loss graphs and a two-layer
/// network): `trace`, `check`, `lessongen LESSON`, `build`, courses, `site` and `layout`.
@Suite("tensor lessons on the command line")
struct TensorCommandTests {
  static let folder = ProcessRunner.root.appendingPathComponent("Lessons")

  /// The built-in lessons of vectors and matrices, as files.
  static let lessons = [
    "cs231n-softmax-classifier", "dlfs-affine", "dlfs-affine-batch", "dlfs-softmax-with-loss",
    "dlfs2-matmul", "dlfs2-repeat-sum", "two-layer-batch", "two-layer-relu-mse",
  ].map { $0 + ".yaml" }

  @Test("every tensor lesson traces to JSON whose shapes agree with its values")
  func traces() throws {
    #expect(Set(Self.lessons) == Set(LessonSource.builtinIDs(tensors: true).map { $0 + ".yaml" }))
    for name in Self.lessons {
      let run = try ProcessRunner.run(
        ["trace", "Lessons/" + name], in: ProcessRunner.root)
      #expect(run.status == 0, "\(name): \(run.stderr)")
      let object = try #require(
        try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
      let nodes = try #require(object["nodes"] as? [[String: Any]])
      for node in nodes {
        guard let shape = node["shape"] as? [Int] else {
          #expect(node["value"] is Double, "\(name) \(node["id"] ?? ""): a number without a shape")
          continue
        }
        #expect(Self.shape(of: node["value"]) == shape, "\(name) \(node["id"] ?? "")")
        #expect(Self.shape(of: node["grad"]) == shape, "\(name): a gradient has its value's shape")
      }
      let check = try ProcessRunner.run(
        ["check", "Lessons/" + name], in: ProcessRunner.root)
      #expect(check.status == 0 && check.stdout.contains(": ok ("), "\(name)")
    }
  }

  /// The shape of a nested JSON list.
  static func shape(of value: Any?) -> [Int] {
    guard let list = value as? [Any] else { return [] }
    return [list.count] + shape(of: list.first)
  }

  @Test("Softmax-with-Loss sends back y − t (DLFS 5.6.3, softmax(0.3, 2.9, 4.0))")
  func softmaxWithLoss() throws {
    let run = try ProcessRunner.run(
      ["trace", "Lessons/dlfs-softmax-with-loss.yaml"], in: ProcessRunner.root)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let inputs = try #require(object["inputs"] as? [String: [String: Any]])
    let grad = try #require(inputs["a"]?["grad"] as? [Double])
    let a = [0.3, 2.9, 4.0]
    let total = a.map { exp($0) }.reduce(0, +)
    let y = a.map { exp($0) / total }
    let t = [0.0, 0, 1]
    for k in 0..<3 { #expect(abs(grad[k] - (y[k] - t[k])) < 1e-15) }
    let output = try #require(object["output"] as? [String: Any])
    #expect(abs((output["value"] as? Double ?? 0) + log(y[2])) < 1e-15)
  }

  @Test("a shape mismatch is a located error naming both shapes")
  func mismatch() throws {
    let folder = try TemporaryFolder()
    try folder.write(
      "bad.yaml",
      "title: t\nfunction: Y = X @ W\ninputs:\n  X: [[1, 2], [3, 4], [5, 6]]\n"
        + "  W: [[1, 2, 3, 4], [1, 2, 3, 4], [1, 2, 3, 4]]\n")
    let run = try ProcessRunner.run(["trace", "bad.yaml"], in: folder.url)
    #expect(run.status == 1)
    #expect(run.stdout.isEmpty)
    #expect(
      run.stderr.hasPrefix(
        "bad.yaml:2:17: error: X @ W: (3, 2) @ (3, 4): inner sizes 2 and 3 differ\n"
          + "function: Y = X @ W\n                ^"))
  }

  @Test("lessongen LESSON writes the trace, the graph figure and the walk-through, reproducibly")
  func writes() throws {
    let folder = try TemporaryFolder()
    for name in ["dlfs-affine-batch", "dlfs-softmax-with-loss"] {
      let text = try String(
        contentsOf: Self.folder.appendingPathComponent(name + ".yaml"), encoding: .utf8)
      try folder.write(name + ".yaml", text)
      var outputs: [[String: Data]] = []
      for out in ["one", "two"] {
        let run = try ProcessRunner.run([name + ".yaml", "--out", out], in: folder.url)
        #expect(run.status == 0, "\(run.stderr)")
        let base = folder.url.appendingPathComponent("\(out)/\(name)")
        var files: [String: Data] = [:]
        for file in [
          "trace.json", "\(name).md", "\(name).html", "\(name).pdf", "figures/graph.pdf",
          "figures/graph.png", "figures/graph.svg",
        ] {
          files[file] = try Data(contentsOf: base.appendingPathComponent(file))
        }
        outputs.append(files)
      }
      #expect(outputs[0] == outputs[1], "\(name): the same lesson gives the same bytes")
      let markdown = String(decoding: outputs[0]["\(name).md"] ?? Data(), as: UTF8.self)
      #expect(markdown.contains("![The computational graph of"))
      #expect(markdown.contains("below 1e−7, which CS231n reads as a correct gradient"))
      if name == "dlfs-softmax-with-loss" {
        #expect(markdown.contains("sends back y − t"))
        // y − t, the layer's and the class-by-class graph's (DLFS Appendix A).
        #expect(
          markdown.contains(
            #"\frac{\partial L}{\partial a} &= \begin{bmatrix}0.0182113 & 0.245192 & -0.263403\end{bmatrix}"#
          ))
        #expect(markdown.contains("a₃: 0.736597 − 1 = −0.263403"))
        #expect(markdown.contains("(figures/classes.png)"))
      } else {
        #expect(markdown.contains("summed over axis 0"))
        // The gradients by their shapes as display equations, the values as matrices.
        #expect(
          markdown.contains(
            #"\frac{\partial L}{\partial X} = \frac{\partial L}{\partial \left(X \cdot W\right)} \cdot {W}^{\top}"#
          ))
        #expect(
          markdown.contains(
            #"\frac{\partial L}{\partial B} = \operatorname{sum}\left(\frac{\partial L}{\partial Y}, 0\right)"#
          ))
        #expect(markdown.contains(#"X &= \begin{bmatrix}1 & 0.5 \\ -0.5 & 2\end{bmatrix}"#))
        #expect(
          markdown.contains(
            #"\frac{\partial L}{\partial B} &= \begin{bmatrix}5 & 7 & 9\end{bmatrix}"#))
        #expect(
          markdown.contains(
            "![The computational graph of The Affine layer on a batch (DLFS) with its layers drawn apart"
          ))
        #expect(markdown.contains("(figures/expanded.png)"))
        #expect(
          markdown.contains(
            "Step 1 of 2: the + node receives ∂L/∂Y (2, 3) and sends back ∂L/∂(X·W) (2, 3) "
              + "and ∂L/∂B (3,)."))
        #expect(markdown.contains("(figures/step-02.png)"))
        #expect(markdown.contains("∂L/∂X = ∂L/∂(X·W) · Wᵀ"))
      }
      // The SVG is the PNG's figure: its size in points is the PNG's in pixels at 2×.
      let svg = String(decoding: outputs[0]["figures/graph.svg"] ?? Data(), as: UTF8.self)
      let png = [UInt8](outputs[0]["figures/graph.png"] ?? Data())
      let size = try #require(
        svg.firstMatch(of: /<svg [^>]*width="([0-9.]+)pt" height="([0-9.]+)pt"/), "\(name)")
      #expect(png.count > 24 && png[1...3] == [0x50, 0x4E, 0x47])
      let pixels = [16, 20].map { o in png[o..<o + 4].reduce(0) { $0 << 8 | Int($1) } }
      #expect(pixels == [Double(size.1), Double(size.2)].map { Int((2 * ($0 ?? 0)).rounded(.up)) })
    }
  }

  @Test("a Korean handout of a tensor lesson (11 font faces, two threads) is written every run")
  func koreanFacesKeptOpen() throws {
    // Cairo used to close a FreeType face one thread was using to open another past its 10:
    // about one run in four crashed (SIGSEGV in FT_Get_First_Char) or failed ("error
    // occurred in libfreetype"); 12 runs all passing happened about once in 30.
    let folder = try TemporaryFolder()
    for run in 1...12 {
      let result = try ProcessRunner.run(
        ["dlfs-softmax-with-loss", "--lang", "ko", "--out", "out\(run)"], in: folder.url)
      #expect(result.status == 0, "run \(run): status \(result.status), \(result.stderr)")
    }
  }

  @Test("a graph over 2,500 nodes is computed and explained, not drawn, with a warning")
  func tooLarge() throws {
    let folder = try TemporaryFolder()
    let sum = Array(repeating: "x", count: 2_600).joined(separator: " + ")
    try folder.write("big.yaml", "title: big\nfunction: y = sum(\(sum))\ninputs:\n  x: [1, 2]\n")
    let run = try ProcessRunner.run(["big.yaml", "--out", "out"], in: folder.url)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.contains("warning: the graph figure is left out: its graph has 2601 nodes"))
    let base = folder.url.appendingPathComponent("out/big")
    #expect(!FileManager.default.fileExists(atPath: base.appendingPathComponent("figures").path))
    let markdown = try String(
      contentsOf: base.appendingPathComponent("big.md"), encoding: .utf8)
    #expect(markdown.contains("The graph figure is left out: its graph has 2601 nodes"))
    let trace = try String(contentsOf: base.appendingPathComponent("trace.json"), encoding: .utf8)
    #expect(trace.contains("\"grad\": [2600, 2600]"))
  }

  @Test(
    "an author's tensor lesson: its cut graph floats with the text, no heading ends a page",
    .externalTools)
  func authorHandout() throws {
    let folder = try TemporaryFolder()
    // Long names and written-out 3 × 3 matrices: a graph too tall and wide for one page.
    try folder.write(
      "author.yaml",
      """
      title: A small network, written as an author would
      function: |
        hidden_pre = inputs @ weights_in + bias_in
        hidden = relu(hidden_pre)
        scores = hidden @ weights_out + bias_out
        probs = softmax(scores)
        data_loss = cross_entropy(probs, targets)
        decay = 0.01 * (sum(weights_in * weights_in) + sum(weights_out * weights_out))
        L = data_loss + decay
      inputs:
        inputs: [[1.0, 0.5, -0.2], [-0.5, 2.0, 0.3], [1.5, -1.0, 0.8]]
        weights_in: [[0.1, -0.3, 0.5], [0.2, 0.4, -0.6], [0.3, 0.1, 0.2]]
        bias_in: [0.1, 0.2, -0.1]
        weights_out: [[0.3, -0.2, 0.1], [0.5, 0.1, -0.3], [-0.4, 0.6, 0.2]]
        bias_out: [0.05, -0.05, 0.0]
        targets: [[0, 0, 1], [1, 0, 0], [0, 1, 0]]

      """)
    let run = try ProcessRunner.run(["author.yaml", "--out", "out"], in: folder.url)
    #expect(run.status == 0, "\(run.stderr)")
    let text = try CourseCommandTests.poppler(
      "pdftotext", ["-layout", "out/author/author.pdf", "-"], in: folder)
    let pages = text.split(separator: "\u{0C}", omittingEmptySubsequences: false)
      .filter { !$0.allSatisfy(\.isWhitespace) }
    // 13 pages before the parts of its cut graph floated with the text; 10 now.
    #expect(pages.count <= 10, "\(pages.count) pages")
    let headings = [
      "The computational graph", "Gradients from their shapes",
      "The loss's gradient, derived whole", "The backward pass, step by step",
      "Values and gradients", "Numeric check",
    ]
    for (n, page) in pages.enumerated() {
      // The page's last line of text, its number aside.
      let lines = page.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty && Int($0) == nil }
      let last = lines.last ?? ""
      #expect(!headings.contains(last), "page \(n + 1) ends with the heading \(last)")
    }
    // No page turned sideways: the parts share the text's pages.
    let info = try CourseCommandTests.poppler(
      "pdfinfo", ["-f", "1", "-l", "20", "out/author/author.pdf"], in: folder)
    #expect(!info.contains("841.89 x 595.28"), "a landscape page: \(info)")
  }

  @Test("build, a course, the site and layout take lessons of vectors and matrices", .externalTools)
  func buildCourseSite() throws {
    let folder = try TemporaryFolder()
    try folder.write(
      "course.yaml",
      "title: Layers\nlessons:\n  - sigmoid\n  - dlfs-affine\n  - two-layer-batch\n")
    let build = try ProcessRunner.run(
      ["build", "course.yaml", "--out", "out", "--exercise"], in: folder.url)
    #expect(build.status == 0, "\(build.stderr)")
    // A tensor lesson's exercise sheet: a box per element of each gradient (issue 24).
    #expect(!build.stderr.contains("warning"), "\(build.stderr)")
    let base = folder.url.appendingPathComponent("out/course")
    for file in [
      "course.pdf", "course-exercise.pdf", "dlfs-affine/dlfs-affine.pdf",
      "dlfs-affine/figures/expanded.svg", "two-layer-batch/trace.json",
      "sigmoid/sigmoid-exercise.pdf", "dlfs-affine/dlfs-affine-exercise.pdf",
      "dlfs-affine/dlfs-affine-exercise.md", "dlfs-affine/figures/graph-exercise.svg",
      "two-layer-batch/two-layer-batch-exercise.pdf",
    ] {
      #expect(
        FileManager.default.fileExists(atPath: base.appendingPathComponent(file).path), "\(file)")
    }
    let text = try CourseCommandTests.poppler(
      "pdftotext", ["out/course/course.pdf", "-"], in: folder)
    #expect(text.contains("The Affine layer (DLFS)"))
    // The lesson's section on finding a gradient from the shapes, with its first equation.
    #expect(text.contains("Gradients from their shapes"))
    #expect(text.contains("∂L/∂X = ∂L/∂Y · Wᵀ: only (3,) times Wᵀ gives the shape of X, (2,)."))
    #expect(text.contains("A two-layer network on a batch of two (DLFS)"))
    // The course's exercise handout has the tensor lessons' sheets, and their answers.
    let sheets = try CourseCommandTests.poppler(
      "pdftotext", ["out/course/course-exercise.pdf", "-"], in: folder)
    #expect(sheets.contains("The Affine layer (DLFS): exercise"), "\(sheets)")
    #expect(sheets.contains("Each box of a matrix is one element"))
    let sheet = try String(
      contentsOf: base.appendingPathComponent("dlfs-affine/dlfs-affine-exercise.md"),
      encoding: .utf8)
    // The inputs' gradients to fill in, then the answer key with the numbers.
    let key = try #require(sheet.range(of: "## Answer key"))
    #expect(
      sheet[..<key.lowerBound].contains(#"\frac{\partial L}{\partial W} &= \begin{bmatrix}\boxed"#))
    #expect(sheet[key.upperBound...].contains("figures/graph.png"))
    let again = try ProcessRunner.run(
      ["build", "course.yaml", "--out", "out", "--exercise"], in: folder.url)
    #expect(again.stdout.contains("0 built, 4 unchanged"), "\(again.stdout)")

    let site = try ProcessRunner.run(
      ["site", "course.yaml", "--out", "site"], in: folder.url)
    #expect(site.status == 0, "\(site.stderr)")
    let index = try String(
      contentsOf: folder.url.appendingPathComponent("site/index.html"), encoding: .utf8)
    #expect(index.contains("course/dlfs-affine/index.html"))
    #expect(index.contains("course/sigmoid/exercise.html"))
    #expect(index.contains("course/dlfs-affine/exercise.html"))
    let page = try String(
      contentsOf: folder.url.appendingPathComponent("site/course/dlfs-affine/index.html"),
      encoding: .utf8)
    #expect(page.contains("figures/graph-dark.svg"))
    #expect(page.contains("../../course/two-layer-batch/index.html"))
    #expect(page.contains("exercise.html"))
    #expect(
      FileManager.default.fileExists(
        atPath: folder.url.appendingPathComponent("site/course/dlfs-affine/exercise.html").path))

    let layout = try ProcessRunner.run(["layout", "dlfs-affine"], in: folder.url)
    #expect(layout.status == 0, "\(layout.stderr)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(layout.stdout.utf8)) as? [String: Any])
    let nodes = try #require(object["nodes"] as? [[String: Any]])
    #expect(nodes.compactMap { $0["id"] as? String }.contains("W"))
    let missing = try ProcessRunner.run(
      ["layout", "dlfs-affine", "--figure", "step-09"], in: folder.url)
    #expect(missing.status == 1)
    #expect(
      missing.stderr.contains(
        "error: no figure 'step-09': this lesson's figures are graph, expanded"))
  }
}
