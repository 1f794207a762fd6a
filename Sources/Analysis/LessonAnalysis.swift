public import GraphEngine
public import LessonKit

/// Everything lessongen works out about a lesson before anything is written, computed once
/// per lesson and options: the evaluations (as written and expanded), the symbolic labels,
/// the formulas of each node, the composite chains, the fan-out sums, the numeric check, the
/// derivation, and the figures to draw. The walk-through and the figure composer read it;
/// they compute nothing of their own.
public struct LessonAnalysis: Sendable {
  public let compiled: CompiledLesson
  /// The function's statements; a long function (more than ``longFunction`` statements) has
  /// the formulas of its first and last only.
  public let statements: [StatementFormula]
  /// The graph with its composites expanded, evaluated; nil without composites or when the
  /// expansion cannot be evaluated (see ``expansionProblem``).
  public let expanded: Evaluation?
  /// Why the expansion cannot be evaluated at these inputs (σ(−1000) is 0 as a composite,
  /// but its expansion computes exp(1000)); the engine's message.
  public let expansionProblem: String?
  /// The symbolic labels of the walked graph, written as derivatives of L.
  public let walkedLabels: SymbolicLabels
  /// The symbolic labels of the graph as written, as derivatives of L (the walked graph's
  /// when nothing is expanded).
  public let writtenLabels: SymbolicLabels
  /// The walked graph's node definitions and local gradients as formulas.
  public let walkedFormulas: NodeFormulas
  /// `fanIn[node]`: the gradients flowing back into the walked graph's node along each of
  /// its outgoing edges, ordered by consumer and slot; their sum is its gradient.
  public let fanIn: [[Double]]
  /// `users[node]`: how many nodes of the walked graph use the node (each may use it on
  /// several edges: x in x·x + x has 2 users and 3 fan-in terms).
  public let users: [Int]
  /// The rows of the walk-through's forward table (every node but the constants) and of its
  /// backward table (every edge but those from constants), on the walked graph.
  public let forwardRows: Int
  public let backwardRows: Int
  /// Each composite op taken apart, in the order of first use.
  public let composites: [CompositeChain]
  /// Each input's gradient against a central difference, in the lesson's input order.
  public let gradientChecks: [GradientCheck]
  /// The author's derivation, verified; nil when the lesson has none.
  public let derivation: DerivationCheck?
  /// The figures to draw, grouped as they are composed, in order.
  public let figureGroups: [FigureGroup]
  /// The function and its derivative over a range, for the `plot` figure (a lesson of one
  /// input that asks for it).
  public let plot: FunctionPlot?
  /// The figures asked for but not drawn, with the reason.
  public let omitted: [OmittedFigure]
  /// How the figures write symbolic gradients.
  public let convention: LabelConvention
  /// The figures' graphs, labelled in the figures' convention (nil where no figure draws it).
  private let writtenFigure: FigureGraph?
  private let expandedFigure: FigureGraph?

  /// - Parameters:
  ///   - kinds: the figures asked for (by default ``defaultFigures(for:)``); `expanded` is
  ///     skipped for a graph without composites.
  ///   - convention: how the figures write symbolic gradients.
  public init(
    _ compiled: CompiledLesson, figures kinds: [FigureKind]? = nil,
    convention: LabelConvention = .loss
  ) {
    self.compiled = compiled
    self.convention = convention
    statements = StatementFormula.all(compiled.program) { k, count in
      count <= Self.longFunction || k == 0 || k == count - 1
    }
    let kinds = kinds ?? Self.defaultFigures(for: compiled.graph)
    let written = compiled.evaluation
    var expanded: Evaluation?
    var expansionProblem: String?
    switch written.expandedResult(inputs: compiled.inputValues) {
    case .success(let e)?: expanded = e
    case .failure(let problem)?:
      expansionProblem = problem.diagnostics.first?.message ?? "a value is not finite"
    case nil: break
    }
    self.expanded = expanded
    self.expansionProblem = expansionProblem
    // The backward pass is walked on the expanded graph when there are composites, as DLFS.
    let walked = expanded ?? written
    let walkedLabels = SymbolicLabels(walked.graph)
    self.walkedLabels = walkedLabels
    let writtenLabels = expanded == nil ? walkedLabels : SymbolicLabels(written.graph)
    self.writtenLabels = writtenLabels
    let walkedFormulas = NodeFormulas(walked.graph, labels: walkedLabels)
    self.walkedFormulas = walkedFormulas
    fanIn = walked.contributions.map { parts in
      parts.sorted { ($0.consumer, $0.inputIndex) < ($1.consumer, $1.inputIndex) }.map(\.value)
    }
    forwardRows = walked.graph.nodes.count { $0.op != .constant }
    backwardRows = walked.graph.nodes.reduce(0) { total, node in
      total + node.inputs.count { walked.graph[$0].op != .constant }
    }
    users = walked.graph.consumers.map(\.count)
    composites = CompositeChain.all(written)
    gradientChecks = GradientCheck.all(
      written, inputs: compiled.inputValues, order: compiled.lesson.inputs.map(\.name))

    derivation = DerivationCheck(compiled)
    // Each plot runs the graph about 200 times: not for graphs too large to draw.
    plot =
      kinds.contains(.plot) && written.graph.nodes.count <= Limits.drawnNodes
      ? FunctionPlot(compiled, composites: composites) : nil
    let planned = Self.plan(
      kinds, written: written, expanded: expanded, expansionProblem: expansionProblem,
      plottable: plot != nil)
    figureGroups = planned.groups
    omitted = planned.omitted
    func figure(_ source: FigureSource) -> FigureGraph? {
      guard planned.groups.contains(where: { $0.source == source }) else { return nil }
      let e = source == .expanded ? walked : written
      if convention == .loss {
        return source == .expanded || expanded == nil
          ? FigureGraph(e, labels: walkedLabels, formulas: walkedFormulas)
          : FigureGraph(e, labels: writtenLabels)
      }
      return Self.figureGraph(
        e, convention: convention, names: walkedLabels,
        sameGraph: source == .expanded || expanded == nil)
    }
    writtenFigure = figure(.written)
    expandedFigure = figure(.expanded)
  }

  /// A function with more statements than this is shown by its first and last.
  public static let longFunction = 12

  /// Whether the function has more than ``longFunction`` statements.
  public var isLongFunction: Bool { statements.count > Self.longFunction }

  /// The statements the walk-through writes out: all, or for a long function its first and
  /// last.
  public var shownStatements: [StatementFormula] {
    guard isLongFunction, let first = statements.first, let last = statements.last else {
      return statements
    }
    return [first, last]
  }

  /// More operations than this and a figure is too wide to print legibly on a page.
  public static let printableOperations = 40

  /// Whether a figure can be printed legibly in the handout: its graph has at most
  /// ``printableOperations`` operations.
  public func isPrintable(_ id: FigureID) -> Bool {
    let source: FigureSource = id == .expanded ? .expanded : .written
    return evaluationGraph(source).operationCount <= Self.printableOperations
  }

  private func evaluationGraph(_ source: FigureSource) -> Graph {
    (source == .expanded ? walked : written).graph
  }

  /// The graph as written, evaluated.
  public var written: Evaluation { compiled.evaluation }

  /// The evaluation the walk-through walks the passes on: the expanded graph when there are
  /// composites (as DLFS does), else the graph as written.
  public var walked: Evaluation { expanded ?? compiled.evaluation }

  /// Every figure to draw, in order.
  public var figures: [FigureID] { figureGroups.flatMap(\.ids) }

  /// What a figure of `source` draws (made on the spot for a source no planned figure
  /// draws).
  public func figureGraph(_ source: FigureSource) -> FigureGraph {
    if let figure = source == .expanded ? expandedFigure : writtenFigure { return figure }
    return Self.figureGraph(
      source == .expanded ? walked : written, convention: convention, names: walkedLabels,
      sameGraph: source == .expanded || expanded == nil)
  }

  /// A figure's graph in `convention`; colah's short names agree with `names` (the
  /// walk-through's): the walk-through's u₁ is the figures' u₁.
  private static func figureGraph(
    _ e: Evaluation, convention: LabelConvention, names: SymbolicLabels, sameGraph: Bool
  ) -> FigureGraph {
    switch convention {
    case .loss: FigureGraph(e, labels: SymbolicLabels(e.graph))
    case .output:
      FigureGraph(
        e,
        labels: SymbolicLabels(
          e.graph, loss: e.graph.outputName, seed: .number(e.upstream),
          longest: Self.namedBeyond, agreeingWith: names, sameGraph: sameGraph))
    }
  }

  /// colah's figures name an intermediate value longer than this (`u₁ = w₁₁·x₁ + w₁₂·x₂`),
  /// each in its own node, so that an edge's local derivative stays short (∂u₁/∂(w₁₁·x₁),
  /// not ∂(w₁₁·x₁ + w₁₂·x₂)/∂(w₁₁·x₁)) and a wide graph need not be turned or cut for it.
  public static let namedBeyond = 10

  /// The non-leaf nodes of `graph` in the order the backward pass processes them (output
  /// first): one step figure each.
  public static func backwardOrder(_ graph: Graph) -> [Node.ID] {
    graph.nodes.reversed().filter { !$0.op.isLeaf }.map(\.id)
  }

  /// The figures a lesson gets when it does not choose: with a composite node the
  /// composite, the expanded graph and the steps (as DLFS 2, Appendix A); otherwise the
  /// forward pass, the whole graph and, for small graphs, the steps.
  public static func defaultFigures(for graph: Graph) -> [FigureKind] {
    var kinds: [FigureKind]
    if graph.hasComposites {
      kinds = [.graph, .expanded, .steps]
    } else {
      kinds = graph.operationCount <= 8 ? [.forward, .graph, .steps] : [.forward, .graph]
    }
    // A function of one input is also drawn as a function.
    if graph.inputs.count == 1 { kinds.append(.plot) }
    return kinds
  }

  /// Which figures are drawn, and which are left out and why.
  private static func plan(
    _ kinds: [FigureKind], written: Evaluation, expanded: Evaluation?, expansionProblem: String?,
    plottable: Bool
  ) -> (groups: [FigureGroup], omitted: [OmittedFigure]) {
    var groups: [FigureGroup] = []
    var omitted: [OmittedFigure] = []
    /// Whether the graph is small enough to draw; records the omission if not.
    func drawable(_ kind: FigureKind, _ e: Evaluation) -> Bool {
      guard e.graph.nodes.count > Limits.drawnNodes else { return true }
      omitted.append(OmittedFigure(kind, reason: .tooLarge(nodes: e.graph.nodes.count)))
      return false
    }
    var seen: Set<FigureKind> = []
    // Each figure once, whatever the list says (two of one would write the same files).
    for kind in kinds where seen.insert(kind).inserted {
      switch kind {
      case .graph:
        guard drawable(.graph, written) else { continue }
        groups.append(FigureGroup(kind: .graph, source: .written, ids: [.graph]))
      case .forward:
        guard drawable(.forward, written) else { continue }
        groups.append(FigureGroup(kind: .forward, source: .written, ids: [.forward]))
      case .expanded:
        if let expansionProblem {
          omitted.append(OmittedFigure(.expanded, reason: .notEvaluable(expansionProblem)))
        }
        guard let e = expanded, drawable(.expanded, e) else { continue }
        groups.append(FigureGroup(kind: .expanded, source: .expanded, ids: [.expanded]))
      case .plot:
        guard written.graph.inputs.count != 1 || drawable(.plot, written) else { continue }
        guard plottable else {
          omitted.append(OmittedFigure(.plot, reason: .notOneInput(written.graph.inputs.count)))
          continue
        }
        groups.append(FigureGroup(kind: .plot, source: .written, ids: [.plot]))
      case .steps:
        let e = expanded ?? written
        let count = backwardOrder(e.graph).count
        guard count <= Limits.stepFigures else {
          omitted.append(OmittedFigure(.steps, reason: .tooManySteps(count)))
          continue
        }
        guard drawable(.steps, e) else { continue }
        groups.append(
          FigureGroup(
            kind: .steps, source: expanded == nil ? .written : .expanded,
            ids: count == 0 ? [] : (1...count).map { FigureID.step($0, of: count) }))
      }
    }
    return (groups, omitted)
  }
}
