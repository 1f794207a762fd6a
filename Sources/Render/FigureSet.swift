public import GraphEngine

/// One figure of a lesson: its file name stem and its scene.
public struct Figure: Sendable {
  /// `graph`, `expanded`, `forward`, `step-01`, …
  public var name: String
  public var scene: Scene
}

/// Makes the figures a lesson asks for.
public enum FigureSet {
  /// The figures a lesson gets when it does not choose: with a composite node the
  /// composite, the expanded graph and the steps (as DLFS 2, Appendix A); otherwise the
  /// forward pass, the whole graph and, for small graphs, the steps.
  public static func defaultKinds(for graph: Graph) -> [FigureKind] {
    if graph.hasComposites { return [.graph, .expanded, .steps] }
    let operations = graph.nodes.filter { !$0.op.isLeaf }.count
    return operations <= 8 ? [.forward, .graph, .steps] : [.forward, .graph]
  }

  /// Draws the figures.
  ///
  /// - Parameters:
  ///   - evaluation: the lesson's evaluated graph, as written.
  ///   - inputs: the input values, to evaluate the expanded graph.
  ///   - kinds: which figures; `expanded` is skipped for a graph without composites.
  ///   - title: the lesson's title, for each figure's metadata.
  public static func make(
    evaluation: Evaluation, inputs: [String: Double], kinds: [FigureKind], theme: Theme,
    labels: LabelMode, title: String, measurer: any TextMeasuring
  ) -> [Figure] {
    let graph = evaluation.graph
    let composer = SceneComposer(theme: theme, measurer: measurer)
    var expandedEvaluation: Evaluation?
    if graph.hasComposites {
      let expanded = graph.expandingComposites()
      expandedEvaluation = try? Evaluator.evaluate(
        expanded, inputs: inputs, upstream: evaluation.upstream
      ).get()
    }
    var figures: [Figure] = []
    for kind in kinds {
      switch kind {
      case .graph, .forward, .expanded:
        // One whole figure: the graph as written (with or without gradients) or expanded.
        let (e, caption, gradients): (Evaluation?, String, Bool) =
          switch kind {
          case .graph: (evaluation, "the graph", true)
          case .forward: (evaluation, "forward pass", false)
          default: (expandedEvaluation, "expanded", true)
          }
        guard let e else { continue }
        let d = DiagramBuilder(evaluation: e, theme: theme, labels: labels)
        let scene = composer.compose(
          d.diagram(title: "\(title) — \(caption)", gradients: gradients))
        figures.append(Figure(name: kind.rawValue, scene: scene))
      case .steps:
        let e = expandedEvaluation ?? evaluation
        let d = DiagramBuilder(evaluation: e, theme: theme, labels: labels)
        let count = DiagramBuilder.backwardOrder(e.graph).count
        let width = String(count).count < 2 ? 2 : String(count).count
        let diagrams = (0..<count).map { k in
          d.diagram(
            title: "\(title) — backward pass, step \(k + 1) of \(count)", gradients: true,
            processed: k + 1)
        }
        for (k, scene) in composer.compose(sequence: diagrams).enumerated() {
          let number = String(k + 1)
          let name = "step-" + String(repeating: "0", count: width - number.count) + number
          figures.append(Figure(name: name, scene: scene))
        }
      }
    }
    return figures
  }
}
