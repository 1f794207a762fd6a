import Analysis
import Explain
import Foundation
import GraphEngine
import LessonKit
import Publishing
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Compares with `Snapshots/<name>.md`, line for line; see
/// ``verifySnapshot(_:in:named:same:environment:sourceLocation:)`` for when it fails and how
/// `RECORD_SNAPSHOTS=1` records.
func assertMarkdownSnapshot(
  _ text: String, named name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
  let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Snapshots")
  verifySnapshot(text, in: folder, named: name + ".md", sourceLocation: sourceLocation)
}

func markdown(
  _ id: String, language: Language = .english, figures: [FigureKind] = [.graph, .expanded, .steps]
) throws -> String {
  let compiled = try LessonSource.builtin(id).compile()
  return MarkdownWriter().write(
    Walkthrough(LessonAnalysis(compiled, figures: figures), language: language).document())
}

@Suite("Walk-through")
struct WalkthroughTests {
  @Test("Markdown snapshots of the flagship lessons", arguments: ["sigmoid", "tanh"])
  func snapshots(lesson: String) throws {
    assertMarkdownSnapshot(try markdown(lesson), named: lesson)
    assertMarkdownSnapshot(try markdown(lesson, language: .korean), named: lesson + ".ko")
  }

  @Test("the forward table lists the inputs for a small graph, not for a large one (given above)")
  func forwardTableInputs() throws {
    func forwardTable(_ text: String) throws -> [String] {
      let lesson = try LessonLoader.load(text: text, path: "l.yaml", id: "l")
      let md = MarkdownWriter().write(
        Walkthrough(
          LessonAnalysis(try CompiledLesson.compile(lesson), figures: []), language: .english
        )
        .document())
      let forward = try #require(md.components(separatedBy: "## Forward pass").last)
      return forward.components(separatedBy: "\n").prefix { !$0.hasPrefix("## ") }
        .filter { $0.hasPrefix("| $") }
    }
    let small = try forwardTable("title: S\nfunction: y = sigmoid(w * x)\ninputs: {w: 2, x: 1}\n")
    #expect(small.filter { $0.contains("| input |") }.count == 2, "\(small)")
    #expect(small.count == 7)  // w, x, w·x and sigmoid expanded: ×(−1), exp, +1, /
    let large = try forwardTable(
      "title: L\nfunction: y = (a*b + c*d + e*f + a*c + b*d + e) * (a + b)\n"
        + "inputs: {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6}\n")
    #expect(!large.isEmpty && large.allSatisfy { !$0.contains("| input |") }, "\(large)")
    #expect(large.count == 12)
  }

  @Test("the sigmoid walk-through follows DLFS 2 A.1 with the real numbers")
  func sigmoid() throws {
    let md = try markdown("sigmoid")
    #expect(md.hasPrefix("---\ntitle: \"Derivative of the sigmoid function\"\ndescription: "))
    #expect(!md.contains("date"))
    // The / node: −1/u² = −y² = −0.534447; upstream × local = downstream.
    #expect(md.contains(#"= -{y}^{2} = -0.534447"#))
    #expect(md.contains(#"= 1 \times \left(-0.534447\right) = -0.534447"#))
    #expect(md.contains(#"\left(-0.196612\right) \times \left(-1\right) = 0.196612"#))
    // Where the first 1 comes from, and the wording.
    #expect(md.contains("that is where the first 1 comes from"))
    #expect(md.contains("the gradient of $L$ with respect to $x$"))
    // The composite against its closed form, symbolically and in numbers.
    #expect(md.contains(#"{y}^{2} \exp\left(-x\right) = y \left(1 - y\right)"#))
    #expect(
      md.contains(
        #"\left(-0.534447\right) \times 1 \times 0.367879 \times \left(-1\right) = 0.731059 \times \left(1 - 0.731059\right) = 0.196612"#
      ))
    // The backward pass also as a table, one row per edge: upstream, local, downstream.
    #expect(md.contains("| edge | upstream | local gradient | downstream |"))
    #expect(
      md.contains(
        #"| $\frac{\partial \exp\left(-x\right)}{\partial \left(-x\right)}$ | $-0.534447$ | $0.367879$ | $-0.196612$ |"#
      ))
    // The verified derivation and the numeric check.
    #expect(md.contains("## Derivation"))
    #expect(md.contains("| $x$ | $0.196612$ | $0.196612$ |"))
    #expect(
      md.contains(
        "![The computational graph with its values and gradients. y = σ(x)](figures/graph.png)"))
  }

  @Test("tanh: the quotient rule to 1 − y², and the fan-out of exp(x) summed term by term")
  func tanh() throws {
    let md = try markdown("tanh")
    #expect(md.contains("$$\n= 1 - {y}^{2}\n$$"))
    // Several paths: the expanded graph's gradient against the closed form, in numbers.
    #expect(md.contains("0.419974 = 1 - {0.761594}^{2} = 0.419974"))
    #expect(md.contains("is used by 2 nodes"))
    #expect(md.contains("| $x$ | $0.419974$ | $0.419974$ |"))
  }

  @Test("Korean prose uses the established terms")
  func korean() throws {
    let md = try markdown("sigmoid", language: .korean)
    for term in ["기울기", "연쇄 법칙", "순전파", "역전파", "국소적 미분", "$x$에 대한 $L$의 기울기"] {
      #expect(md.contains(term), "\(term)")
    }
    #expect(md.contains("title: \"시그모이드 함수의 미분\""))
  }

  @Test("fan-out sums are written term by term (colah's tree)")
  func fanOut() throws {
    let md = try markdown("colah-tree", figures: [])
    #expect(md.contains(#"\frac{\partial L}{\partial b} = 2 + 3 = 5"#))
  }

  @Test("lesson text can never become HTML or Markdown")
  func escaping() throws {
    let lesson = try LessonLoader.load(
      text:
        "title: <script>alert('x')</script> & *bold* [link](y)\ndescription: a \"quote\"\nfunction: y = x\ninputs: {x: 1}\nintroduction: <b>hi</b> | $math$\n",
      path: "e.yaml", id: "e")
    let md = MarkdownWriter().write(
      Walkthrough(
        LessonAnalysis(try CompiledLesson.compile(lesson), figures: []), language: .english
      )
      .document())
    // The body: front matter is YAML data (site templates escape it); the body is Markdown.
    let body = md.components(separatedBy: "\n---\n").dropFirst().joined()
    #expect(!body.contains("<script>"))
    #expect(!body.contains("<b>"))
    #expect(md.contains("# &lt;script&gt;alert('x')&lt;/script&gt; &amp; \\*bold\\* \\[link\\](y)"))
    #expect(md.contains("title: \"<script>alert('x')</script> & *bold* [link](y)\""))
    #expect(md.contains("description: \"a \\\"quote\\\"\""))
    #expect(md.contains("&lt;b&gt;hi&lt;/b&gt; \\| \\$math\\$"))
  }
}

@Suite("HTML")
struct HTMLTests {
  @Test("the walk-through as HTML with MathML: well-formed, escaped, figures with alt text")
  func html() throws {
    let compiled = try LessonSource.builtin("sigmoid").compile()
    let page = HTMLWriter().write(
      Walkthrough(LessonAnalysis(compiled, figures: [.graph, .expanded]), language: .english)
        .document()
    )
    #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
    #expect(page.contains("<title>Derivative of the sigmoid function</title>"))
    #expect(page.contains("<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"block\">"))
    #expect(page.contains("<mn>0.534447</mn>"))
    #expect(
      page.contains(
        "<a href=\"figures/graph.svg\"><img src=\"figures/graph.svg\" alt=\"The computational graph"
      ), "each figure links to its full-size SVG")
    let xml = XMLParser(data: Data(page.replacingOccurrences(of: "<!DOCTYPE html>", with: "").utf8))
    #expect(xml.parse())
  }

  @Test(
    "a function of several statements lines up on its = in HTML (a grid) and Markdown (aligned)")
  func statementsAligned() throws {
    let lesson = try LessonLoader.load(
      text: "title: s\nfunction: |\n  u = w * x\n  long_name = u + b\n  y = long_name ^ 2\n"
        + "inputs: {w: 1, x: 2, b: 3}\n", path: "s.yaml", id: "s")
    let document = Walkthrough(
      LessonAnalysis(try CompiledLesson.compile(lesson), figures: []), language: .english
    ).document()
    let page = HTMLWriter().write(document)
    #expect(page.contains("<div class=\"system\">"))
    // The function's three statements in the first grid (the backward pass sets each local
    // gradient over its upstream × local = downstream in grids of its own).
    let first = try #require(
      page.components(separatedBy: "<div class=\"system\">").dropFirst().first)
    let grid = try #require(first.components(separatedBy: "</div>\n</div>").first)
    #expect(grid.components(separatedBy: "<div class=\"lhs\">").count == 4)
    #expect(page.contains(".system .lhs{justify-self:end}"))
    let xml = XMLParser(data: Data(page.replacingOccurrences(of: "<!DOCTYPE html>", with: "").utf8))
    #expect(xml.parse())
    let md = MarkdownWriter().write(document)
    #expect(md.contains("\\begin{aligned}\nu &= w \\cdot x \\\\\n"))
    #expect(md.contains("\\end{aligned}\n$$"))
  }

  @Test("lesson text is escaped in HTML")
  func escaping() throws {
    let lesson = try LessonLoader.load(
      text: "title: <script>x</script> & 'q'\nfunction: y = x\ninputs: {x: 1}\n", path: "e.yaml",
      id: "e")
    let page = HTMLWriter().write(
      Walkthrough(
        LessonAnalysis(try CompiledLesson.compile(lesson), figures: []), language: .english
      )
      .document())
    #expect(!page.contains("<script>"))
    #expect(page.contains("<h1>&lt;script&gt;x&lt;/script&gt; &amp; &#39;q&#39;</h1>"))
  }
}
