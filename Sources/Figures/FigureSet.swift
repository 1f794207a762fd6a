public import Explain
public import GraphEngine

/// One figure of a lesson: its file name stem and its scene.
public struct Figure: Sendable {
  /// `graph`, `expanded`, `forward`, `step-01`, …
  public var name: String
  public var scene: Scene
}

/// The figures a lesson asks for: their names first (the walk-through refers to them before
/// they are drawn), then their scenes.
public struct FigureSet {
  /// The figures a lesson gets when it does not choose: with a composite node the
  /// composite, the expanded graph and the steps (as DLFS 2, Appendix A); otherwise the
  /// forward pass, the whole graph and, for small graphs, the steps.
  public static func defaultKinds(for graph: Graph) -> [FigureKind] {
    if graph.hasComposites { return [.graph, .expanded, .steps] }
    let operations = graph.nodes.filter { !$0.op.isLeaf }.count
    return operations <= 8 ? [.forward, .graph, .steps] : [.forward, .graph]
  }

  /// One figure, or the sequence of backward steps, to be composed.
  private enum Plan {
    case whole(name: String, evaluation: Evaluation, caption: String, gradients: Bool)
    case steps(names: [String], evaluation: Evaluation)
  }

  private let plans: [Plan]
  /// The figures asked for but not drawn, with the reason.
  public let omitted: [OmittedFigure]
  private let theme: Theme
  private let labels: LabelMode
  private let title: String

  /// The file name stems of the figures, in order: `graph`, `expanded`, `step-01`, …
  public var names: [String] {
    plans.flatMap { plan in
      switch plan {
      case .whole(let name, _, _, _): [name]
      case .steps(let names, _): names
      }
    }
  }

  /// Plans the figures.
  ///
  /// - Parameters:
  ///   - evaluation: the lesson's evaluated graph, as written.
  ///   - inputs: the input values, to evaluate the expanded graph.
  ///   - kinds: which figures; `expanded` is skipped for a graph without composites.
  ///   - title: the lesson's title, for each figure's metadata.
  public init(
    evaluation: Evaluation, inputs: [String: Double], kinds: [FigureKind], theme: Theme,
    labels: LabelMode, title: String
  ) {
    self.theme = theme
    self.labels = labels
    self.title = title
    let expanded = evaluation.expandedResult(inputs: inputs)
    let expandedEvaluation = try? expanded?.get()
    var plans: [Plan] = []
    var omitted: [OmittedFigure] = []
    /// Whether the graph is small enough to draw; records the omission if not.
    func drawable(_ name: String, _ e: Evaluation) -> Bool {
      guard e.graph.nodes.count > Limits.drawnNodes else { return true }
      omitted.append(OmittedFigure(name: name, reason: .tooLarge(nodes: e.graph.nodes.count)))
      return false
    }
    for kind in kinds {
      switch kind {
      case .graph:
        guard drawable("graph", evaluation) else { continue }
        plans.append(
          .whole(name: "graph", evaluation: evaluation, caption: "the graph", gradients: true))
      case .forward:
        guard drawable("forward", evaluation) else { continue }
        plans.append(
          .whole(name: "forward", evaluation: evaluation, caption: "forward pass", gradients: false)
        )
      case .expanded:
        if case .failure(let problem)? = expanded {
          let message = problem.diagnostics.first?.message ?? "a value is not finite"
          omitted.append(OmittedFigure(name: "expanded", reason: .notEvaluable(message)))
        }
        guard let e = expandedEvaluation, drawable("expanded", e) else { continue }
        plans.append(.whole(name: "expanded", evaluation: e, caption: "expanded", gradients: true))
      case .steps:
        let e = expandedEvaluation ?? evaluation
        let count = DiagramBuilder.backwardOrder(e.graph).count
        guard count <= Limits.stepFigures else {
          omitted.append(OmittedFigure(name: "steps", reason: .tooManySteps(count)))
          continue
        }
        guard drawable("steps", e) else { continue }
        let width = Swift.max(2, String(count).count)
        let names = (0..<count).map { k in
          let number = String(k + 1)
          return "step-" + String(repeating: "0", count: width - number.count) + number
        }
        plans.append(.steps(names: names, evaluation: e))
      }
    }
    self.plans = plans
    self.omitted = omitted
  }

  /// Draws the figures, measuring their text with `measurer`.
  public func compose(measurer: any TextMeasuring) -> [Figure] {
    let composer = SceneComposer(theme: theme, measurer: measurer)
    var figures: [Figure] = []
    for plan in plans {
      switch plan {
      case .whole(let name, let e, let caption, let gradients):
        let d = DiagramBuilder(evaluation: e, theme: theme, labels: labels)
        let scene = composer.compose(
          d.diagram(title: "\(title) — \(caption)", gradients: gradients))
        figures.append(Figure(name: name, scene: scene))
      case .steps(let names, let e):
        let d = DiagramBuilder(evaluation: e, theme: theme, labels: labels)
        let count = names.count
        let diagrams = (0..<count).map { k in
          d.diagram(
            title: "\(title) — backward pass, step \(k + 1) of \(count)", gradients: true,
            processed: k + 1)
        }
        for (name, scene) in zip(names, composer.compose(sequence: diagrams)) {
          figures.append(Figure(name: name, scene: scene))
        }
      }
    }
    return figures
  }

  /// Plans and draws the figures at once.
  public static func make(
    evaluation: Evaluation, inputs: [String: Double], kinds: [FigureKind], theme: Theme,
    labels: LabelMode, title: String, measurer: any TextMeasuring
  ) -> [Figure] {
    FigureSet(
      evaluation: evaluation, inputs: inputs, kinds: kinds, theme: theme, labels: labels,
      title: title
    ).compose(measurer: measurer)
  }
}
