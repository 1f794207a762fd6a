import Analysis
import Drawing
import Figures
import GraphLayout
import Testing

/// The backend-neutral scenes of the seed lessons, compared as text: any change to layout,
/// labels or style shows up here line by line.
@Suite("Scene snapshots")
struct SceneSnapshotTests {
  @Test("sigmoid and tanh in every style", arguments: ["sigmoid", "tanh"])
  func seed(lesson: String) throws {
    for theme in Theme.all {
      for figure in try figures(lesson, style: theme, kinds: [.graph, .expanded]) {
        assertSnapshot(
          figure.scene.snapshot, named: "\(lesson)-\(theme.name)-\(figure.id.fileStem)")
      }
    }
  }

  @Test("the symbolic DLFS labels of the sigmoid chain")
  func symbolicSigmoid() throws {
    let expanded = try #require(
      try figures("sigmoid", style: .dlfs, labels: .symbolic, kinds: [.expanded]).first)
    let texts = expanded.scene.elements.compactMap { element -> String? in
      guard case .text(let run, _) = element else { return nil }
      return run.markup
    }
    let sup = "<span size=\"85%\" rise=\"3800\">2</span>"
    let i = { (s: String) in "<i>\(s)</i>" }
    #expect(texts.contains("∂\(i("L"))/∂\(i("y"))·\(i("y"))\(sup)exp(−\(i("x")))"))
    #expect(texts.contains("−∂\(i("L"))/∂\(i("y"))·\(i("y"))\(sup)exp(−\(i("x")))"))
    #expect(texts.contains("−∂\(i("L"))/∂\(i("y"))·\(i("y"))\(sup)"))
    #expect(texts.contains("1 + exp(−\(i("x")))"))
    #expect(texts.contains("∂\(i("L"))/∂\(i("y"))"))
    #expect(texts.contains("\(i("y"))\n‖\n1/(1 + exp(−\(i("x"))))"))
  }

  @Test("step figures: one per node processed, the same geometry, that node highlighted")
  func steps() throws {
    let steps = try figures("sigmoid", style: .dlfs, kinds: [.steps])
    #expect(steps.map(\.id.fileStem) == ["step-01", "step-02", "step-03", "step-04"])
    let sizes = Set(steps.map { "\($0.scene.size)" })
    #expect(sizes.count == 1)
    for (k, step) in steps.enumerated() {
      let highlighted = step.scene.elements.filter {
        if case .circle(_, _, let style, _) = $0 { return style.fill == Theme.dlfs.highlightFill }
        return false
      }
      #expect(highlighted.count == 1)
      let backwardArrows = step.scene.elements.filter {
        if case .arrowhead(_, let d, _, _, true, _, _, _) = $0 { return d.x == -1 }
        return false
      }
      // The seed's arrow, then one more per input edge of each processed node (the × node
      // also sends one to its constant, which DLFS does not draw).
      #expect(backwardArrows.count == [2, 3, 4, 5][k])
    }
  }

  @Test("numbers: 220 and 3.3 in DLFS, two decimals in CS231n")
  func numbers() throws {
    let apple = try figures("dlfs-apple-orange", style: .dlfs, kinds: [.graph])[0].scene.snapshot
    #expect(apple.contains("\"715\"") || apple.contains("= 715\""))
    #expect(apple.contains("\"3.3\""))
    #expect(!apple.contains("3.3000000000000003"))
    let neuron = try figures("cs231n-sigmoid-neuron", style: .cs231n, kinds: [.graph])[0].scene
      .snapshot
    for value in ["\"−0.20\"", "\"0.39\"", "\"−0.39\"", "\"−0.59\"", "\"0.20\"", " = 0.73\""] {
      #expect(neuron.contains(value), "\(value)")
    }
  }
}
