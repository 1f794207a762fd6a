import Analysis
import Drawing
import Figures
import FormulaWriting
import GraphEngine
import GraphLayout
import Testing

/// Printed in grey (most department printers), a figure still tells values from gradients and
/// the step's node from the others, by more than colour (issue 22).
@Suite("Grayscale printing")
struct GrayscaleTests {
  /// The text runs of a scene with the numbers they hold.
  func texts(_ scene: Scene) -> [TextRun] {
    scene.elements.compactMap { element in
      if case .text(let run, _) = element { return run }
      return nil
    }
  }

  @Test(
    "values upright, gradients in italic under the wires (DLFS, CS231n); colah's say ∂y/∂",
    arguments: Theme.all.map(\.name))
  func valuesAndGradients(_ name: String) throws {
    let theme = try #require(Theme.named(name))
    let figure = try #require(try figures("sigmoid", style: theme).first { $0.id == .expanded })
    let runs = texts(figure.scene)
    if theme.placement == .inNodes {
      // Each node's gradient line is written as a derivative: ∂y/∂u₁ = −0.534447.
      let nodes = runs.filter { $0.markup.contains("\n") }
      #expect(nodes.count >= 4, "\(name)")
      for run in nodes where !run.markup.hasPrefix("<i>x</i>") {
        #expect(run.markup.contains("∂<i>y</i>/∂"), "\(name): \(run.markup)")
      }
      return
    }
    // The numbers on the wires: sigmoid's values and gradients at x = 1.
    let values = ["0.367879", "1.36788", "0.37", "1.37"]
    let gradients = ["−0.534447", "−0.196612", "−0.53", "−0.20"]
    var seen = (values: 0, gradients: 0)
    for run in runs {
      let plain = PangoMarkupDialect.plainText(run.markup)
      if values.contains(where: { plain.hasSuffix($0) }) {
        seen.values += 1
        #expect(!run.font.italic, "\(name): the value \(plain) is upright")
      }
      if gradients.contains(where: { plain.hasSuffix($0) }) {
        seen.gradients += 1
        #expect(run.font.italic, "\(name): the gradient \(plain) is in italic")
      }
    }
    #expect(seen.values >= 2 && seen.gradients >= 3, "\(name): \(seen)")
    // And not by a whisker: the two fonts are the same size.
    #expect(theme.gradientFont.size == theme.labelFont.size)
  }

  @Test(
    "the step's node has a second ring, not only another fill", arguments: Theme.all.map(\.name))
  func highlightRing(_ name: String) throws {
    let theme = try #require(Theme.named(name))
    let steps = try figures("sigmoid", style: theme).filter { $0.id.isStep }
    #expect(!steps.isEmpty)
    for step in steps {
      let focus = try #require(step.scene.focus, "\(name) \(step.id)")
      var rings = 0
      for element in step.scene.elements {
        switch element {
        case .circle(let center, let radius, let style, _)
        where style.fill == nil && style.stroke == theme.highlightStroke:
          if radius > focus.width / 2 && abs(center.x - focus.center.x) < 0.5 { rings += 1 }
        case .ellipse(let frame, let style, _)
        where style.fill == nil && style.stroke == theme.highlightStroke:
          if frame.width > focus.width && abs(frame.center.x - focus.center.x) < 0.5 { rings += 1 }
        default: break
        }
      }
      #expect(rings == 1, "\(name) \(step.id)")
      // What the step has just computed is in bold as well as in its colour (the colour alone
      // printed lighter than the other gradients in grey). colah writes it in the node.
      if theme.placement != .inNodes {
        let highlighted = texts(step.scene).filter { $0.color == theme.highlightText }
        #expect(!highlighted.isEmpty, "\(name) \(step.id)")
        for run in highlighted { #expect(run.markup.hasPrefix("<b>"), "\(name): \(run.markup)") }
      }
    }
  }
}
