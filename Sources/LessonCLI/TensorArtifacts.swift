import Analysis
import CairoBackend
import Drawing
import Explain
import Figures
import Foundation
import GraphEngine
import Handout
import LessonKit
import OutputStore

/// Everything `lessongen LESSON` writes for a lesson of vectors and matrices: the trace, the
/// graph figure in three formats, and a walk-through (handout, Markdown, HTML) that states
/// the row-vector convention, derives each matrix gradient by its shapes, lists every value
/// and gradient, and checks every element against central differences.
///
/// Also the expanded figure (layers drawn apart) and, for up to 8 operations, step figures.
/// Not yet: colah's in-node values (colah is drawn with wire labels, in its own colours),
/// exercise sheets, plots.
enum TensorArtifacts {
  /// A lesson of vectors and matrices explained and its figures composed, before anything
  /// is laid out or drawn: what its handout, Markdown, HTML, course pages and site page are
  /// made from.
  struct Prepared {
    var document: Document
    var figures: [Figure]

    /// - Parameters:
    ///   - plan: the style, labels, figures and language (``FigurePlan/make(for:style:labels:language:)-(CompiledTensorLesson,_,_,_)``).
    ///   - warn: whether to print the warnings (a graph too large to draw).
    ///   - geometry: whether the figures record their geometry (`lessongen layout`).
    init(
      _ compiled: CompiledTensorLesson, plan: FigurePlan, warn: Bool, geometry: Bool = false
    ) {
      let lesson = compiled.lesson
      // The drawn-out Softmax-with-Loss in the same adapted style as the matrices.
      let theme = TensorFigure.adapted(plan.theme)
      let language = plan.language
      let words = TensorWords(language: language)
      let title = lesson.title(language)
      var walkthrough = TensorWalkthrough(compiled: compiled, words: words)
      walkthrough.symbolic = plan.labels == .symbolic
      walkthrough.gates = plan.theme.operators == .gates
      var figures: [Figure] = []
      if compiled.graph.nodes.count > Limits.drawnNodes {
        // Too large to draw, as for a lesson of numbers: a sentence and a warning instead.
        let omitted = OmittedFigure(.graph, reason: .tooLarge(nodes: compiled.graph.nodes.count))
        walkthrough.omitted = omittedFigureSentence(omitted, language: words.language)
        if warn { Terminal.printError("\(lesson.path): warning: \(omitted.warning)") }
      } else {
        figures.append(
          TensorFigure.compose(
            compiled.evaluation, theme: theme, measurer: PangoTextMeasurer(),
            labels: plan.labels, title: words.figureTitle(title), geometry: geometry))
        // The layers drawn apart (MatMul and +, the batch bias's Repeat, softmax and the
        // cross-entropy error), when there is anything to draw apart.
        // A figure left out is said, on stderr and in the walk-through, every time.
        func omit(_ warning: String, _ sentence: String) {
          walkthrough.omittedFigures.append(sentence)
          if warn { Terminal.printError("\(lesson.path): warning: \(warning)") }
        }
        let expansion = TensorWalkthrough.expansion(compiled)
        if plan.kinds.contains(.expanded), case .failure(let why)? = expansion {
          let omitted = OmittedFigure(.expanded, reason: .notEvaluable(why.description))
          omit(omitted.warning, omittedFigureSentence(omitted, language: words.language))
        }
        if plan.kinds.contains(.expanded), case .success(let expanded)? = expansion,
          expanded.graph.nodes.count <= Limits.drawnNodes
        {
          figures.append(
            TensorFigure.compose(
              expanded, theme: theme, measurer: PangoTextMeasurer(), labels: plan.labels,
              title: words.expandedTitle(title), id: .expanded, geometry: geometry))
          walkthrough.hasExpanded = true
          walkthrough.repeats =
            expanded.graph.nodes.count { $0.op == .repeatRows }
            > compiled.graph.nodes.count { $0.op == .repeatRows }
        }
        // Softmax-with-Loss on up to 3 classes, drawn out as in DLFS's Appendix A.
        if plan.kinds.contains(.expanded), let classes = SoftmaxClasses(compiled) {
          let analysis = LessonAnalysis(
            classes.compiled, figures: [.graph], convention: theme.convention)
          let drawn = FigureSet(
            analysis, theme: theme, labels: plan.labels,
            titles: { _ in words.classesTitle(title) }
          ).compose(measurer: PangoTextMeasurer(), geometry: geometry)
          if var figure = drawn.first {
            figure.id = .classes
            figures.append(figure)
            walkthrough.classes = classes
          }
        } else if plan.kinds.contains(.expanded), let why = SoftmaxClasses.problem(compiled) {
          omit(
            "the class-by-class figure (classes) is left out: Softmax-with-Loss drawn out "
              + "cannot be evaluated at these scores (\(why))", words.classesOmitted(why))
        }
        // The backward pass step by step on a small graph, as for a lesson of numbers, when
        // a step prints whole on a page: a figure per step cut in parts over two landscape
        // pages each (the two-layer network: 16 pages) shows less than the one graph.
        let operations = compiled.graph.operationCount
        let whole = figures.first.map { HandoutLayout.printsWhole($0.scene, paper: plan.paper) }
        if whole == false { walkthrough.stepsTooWide = true }
        // One operation: its one step is the graph figure again, highlighted.
        if (2...8).contains(operations) && plan.kinds.contains(.steps) && whole == true {
          figures += TensorFigure.steps(
            compiled.evaluation, theme: theme, measurer: PangoTextMeasurer(), labels: plan.labels,
            title: { words.stepTitle(title, $0, $1) }, geometry: geometry)
          walkthrough.hasSteps = true
        }
      }
      document = walkthrough.document()
      self.figures = figures
    }
  }

  /// Everything `lessongen LESSON` writes for the lesson.
  static func make(for compiled: CompiledTensorLesson, plan: FigurePlan, helper: RenderThread)
    throws -> [Artifacts.File]
  {
    let lesson = compiled.lesson
    let prepared = Prepared(compiled, plan: plan, warn: true)
    let document = prepared.document
    var markdown = MarkdownWriter()
    markdown.math = plan.math
    var files = [
      Artifacts.File(path: "trace.json", contents: Data(TraceJSON.write(compiled).utf8)),
      Artifacts.File(path: "\(lesson.id).md", contents: Data(markdown.write(document).utf8)),
      Artifacts.File(path: "\(lesson.id).html", contents: Data(HTMLWriter().write(document).utf8)),
    ]
    // The handout is laid out and drawn on the helper thread while this one draws the
    // figures' files.
    let paper = plan.paper
    let scenes = Artifacts.scenes(prepared.figures)
    let handoutDocument = plan.steps == .none ? document.withoutStepFigures() : document
    let handoutStyle = plan.handoutStyle
    let handout = helper.submit {
      try HandoutRenderer.render(
        HandoutLayout.layOut(
          handoutDocument, figures: scenes, paper: paper, style: handoutStyle,
          measurer: PangoTextMeasurer()))
    }
    let rendered = try FigureBatch.render(
      prepared.figures, formats: FigureFormat.allCases, helpers: [helper])
    files.append(Artifacts.File(path: "\(lesson.id).pdf", contents: try handout.value()))
    for output in rendered {
      files.append(
        Artifacts.File(
          path: "figures/\(output.figure.fileStem).\(output.format.rawValue)",
          contents: output.data))
    }
    return files
  }
}

/// The walk-through of a lesson of vectors and matrices, as a ``Document``.
struct TensorWalkthrough {
  let compiled: CompiledTensorLesson
  let words: TensorWords
  /// Whether the lesson has an `expanded` figure (``expanded(_:)``).
  var hasExpanded = false
  /// Whether the expanded figure has a Repeat node the lesson did not write.
  var repeats = false
  /// How much work the numeric check may do, in units of one element of one node's value
  /// computed once (``numericCheck()``).
  var checkBudget = 20_000_000
  /// Why the graph is not drawn, said where it would stand; nil when it is drawn.
  var omitted: String?
  /// The sentences saying which figures are left out and why (drawn after the graph's).
  var omittedFigures: [String] = []
  /// Whether the figures carry formulas, not matrices (symbolic labels).
  var symbolic = false
  /// Whether the figures draw CS231n's gates (`1/x`, `*`, `*−1`).
  var gates = false
  /// The Softmax-with-Loss drawn out class by class, when it is drawn.
  var classes: SoftmaxClasses?
  /// Whether the step figures were left out because the graph does not print whole on a
  /// page.
  var stepsTooWide = false
  /// Whether the lesson has step figures (a graph of at most 8 operations).
  var hasSteps = false

  /// The evaluation of the graph with its layers drawn apart
  /// (``GraphEngine/Graph/expandingForShapes(_:)``); nil when that changes nothing.
  static func expanded(_ compiled: CompiledTensorLesson) -> TensorEvaluation? {
    guard case .success(let evaluation)? = expansion(compiled) else { return nil }
    return evaluation
  }

  /// The layers drawn apart and evaluated, or why they cannot be evaluated at these inputs
  /// (softmax's exp(1000) overflows where the layer itself is finite); nil when drawing
  /// them apart changes nothing.
  static func expansion(_ compiled: CompiledTensorLesson) -> Result<TensorEvaluation, Unevaluable>?
  {
    let graph = compiled.graph
    var inputs: [String: Tensor] = [:]
    for id in graph.inputs { inputs[graph[id].name ?? ""] = compiled.evaluation.values[id] }
    guard let expanded = graph.expandingForShapes(inputs.mapValues(\.shape)),
      expanded.nodes.count != graph.nodes.count
    else { return nil }
    switch TensorEvaluator.evaluate(
      expanded, inputs: inputs, upstream: compiled.evaluation.upstream)
    {
    case .success(let evaluation): return .success(evaluation)
    case .failure(let list):
      return .failure(Unevaluable(list.diagnostics.first?.message ?? "a value is not finite"))
    }
  }

  /// Why the expanded graph of a lesson cannot be evaluated: the first problem's message.
  struct Unevaluable: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
  }

  var graph: Graph { compiled.graph }
  var evaluation: TensorEvaluation { compiled.evaluation }

  /// Up to this many elements in all are checked against central differences (two forward
  /// passes each); a larger lesson has its first elements of each input checked.
  static let checkedElements = 2_500

  func document() -> Document {
    let lesson = compiled.lesson
    var blocks: [Block] = []
    if let introduction = lesson.authorText(words.language).introduction {
      blocks.append(.paragraph([.text(introduction)]))
    }
    blocks.append(.heading(level: 2, text: words.graphHeading))
    let products = graph.nodes.contains { $0.op == .matmul || $0.op == .affine }
    blocks.append(.paragraph([.text(words.convention(products: products))]))
    if let omitted {
      blocks.append(.paragraph([.text(omitted)]))
    } else {
      blocks.append(
        .figure(
          .graph, alt: words.figureAlt(lesson.title(words.language)),
          caption: words.caption(symbolic: symbolic)))
    }
    if hasExpanded {
      let ops = Set(graph.nodes.map(\.op))
      blocks.append(
        .paragraph([
          .text(
            words.expandedIntro(
              affine: ops.contains(.affine), repeats: repeats,
              loss: ops.contains(.softmaxWithLoss)))
        ]))
      blocks.append(
        .figure(
          .expanded, alt: words.expandedAlt(lesson.title(words.language)),
          caption: words.caption(symbolic: symbolic)))
    }
    // Where the expanded and class-by-class figures would stand: why they do not.
    for sentence in omittedFigures { blocks.append(.paragraph([.text(sentence)])) }
    if let classes {
      blocks.append(.heading(level: 2, text: words.classesHeading))
      blocks.append(
        .paragraph([
          .text(words.classesIntro(classes.classes, rows: classes.rows, gates: gates))
        ]))
      blocks.append(
        .figure(
          .classes, alt: words.classesAlt(lesson.title(words.language)),
          caption: words.classesCaption))
      let t = evaluation.values[graph[classes.node].inputs[1]].elements
      let upstream = evaluation.gradients[classes.node].elements.first ?? 1
      let parts = (1...classes.classes).map { k in
        (
          score: Formula.symbol("a" + SoftmaxClasses.index(k, rows: classes.rows)).unicode(),
          y: Self.number(classes.probability(k), digits: 6),
          t: Self.number(t[k - 1], digits: 6),
          gradient: Self.number(classes.scoreGradient(k), digits: 6)
        )
      }
      blocks.append(
        .paragraph([
          .text(
            words.classesResult(
              parts, rows: classes.rows,
              upstream: upstream == 1 ? nil : Self.number(upstream, digits: 6)))
        ]))
    }
    if stepsTooWide && (2...8).contains(graph.operationCount) {
      blocks.append(.paragraph([.text(words.stepsTooWide)]))
    }
    if hasSteps {
      blocks.append(.heading(level: 2, text: words.stepsHeading))
      let order = LessonAnalysis.backwardOrder(graph)
      for (k, id) in order.enumerated() {
        let node = graph[id]
        let sent = node.inputs.enumerated().compactMap { i, input -> (String, Shape)? in
          guard graph[input].op != .constant, !TensorFigure.isLabelSlot(node.op, i) else {
            return nil
          }
          return (name(input), evaluation.values[input].shape)
        }
        blocks.append(
          .paragraph([
            .text(
              words.step(
                k + 1, of: order.count, node: node.op.descriptor.walkthroughName,
                receives: (name(id), evaluation.values[id].shape), sends: sent))
          ]))
        blocks.append(
          .figure(
            .step(k + 1, of: order.count),
            alt: words.stepTitle(lesson.title(words.language), k + 1, order.count),
            caption: words.caption(symbolic: symbolic)))
      }
    }
    let derivations = shapeDerivations()
    if !derivations.isEmpty {
      blocks.append(.heading(level: 2, text: words.shapesHeading))
      blocks.append(.paragraph([.text(words.shapesIntro(products: products))]))
      blocks += derivations
    }
    blocks.append(.heading(level: 2, text: words.valuesHeading))
    let labels = TensorFigure.labelInputs(graph)
    for id in graph.inputs {
      let name = graph[id].name ?? ""
      let value = evaluation.values[id]
      if labels.contains(id) {
        if let matrix = Self.matrix(value) {
          // The labels as a matrix, and why they have no gradient.
          blocks.append(.equation([.symbol(name), matrix]))
          blocks.append(.paragraph([.emphasis(name), .text(words.labelsHaveNoGradient)]))
        } else {
          blocks.append(
            .paragraph([
              .emphasis(name), .text(words.labelSentence(value.shape, Self.written(value))),
            ]))
        }
        continue
      }
      let gradient = evaluation.gradients[id]
      if let matrix = Self.matrix(value), let gradientMatrix = Self.matrix(gradient) {
        // Small enough to set as matrices, value over gradient, lined up on `=`.
        blocks.append(
          .system([
            [.symbol(name), matrix],
            [.derivative(of: .symbol("L"), withRespectTo: .symbol(name)), gradientMatrix],
          ]))
        continue
      }
      blocks.append(
        .paragraph([
          .emphasis(name),
          .text(
            words.valueSentence(
              value.shape, Self.written(value), Self.written(gradient), of: name)),
        ]))
    }
    let output = evaluation.values[graph.output]
    if let matrix = Self.matrix(output) {
      blocks.append(.paragraph([.text(words.outputIs(graph.outputName, output.shape))]))
      blocks.append(.equation([.symbol(graph.outputName), matrix]))
    } else {
      blocks.append(
        .paragraph([
          .text(words.outputSentence(graph.outputName, Self.written(output), output.shape))
        ]))
    }
    blocks += numericCheck()
    return Document(
      title: lesson.title(words.language), summary: lesson.authorText(words.language).summary,
      language: words.language, blocks: blocks)
  }

  /// A vector or matrix of at most 12 elements as a ``Formula/matrix(_:)`` of its numbers
  /// (the writers give six significant digits; a vector is a row, as DLFS writes it); nil
  /// for a number or a larger one.
  static func matrix(_ t: Tensor) -> Formula? {
    guard t.shape.rank >= 1, t.shape.count <= 12 else { return nil }
    let numbers = t.elements.map { Formula.number($0) }
    let columns = t.shape.dimensions.last ?? 1
    return .matrix(
      stride(from: 0, to: numbers.count, by: columns).map {
        Array(numbers[$0..<($0 + columns)])
      })
  }

  /// A value in the trace's nested-list notation, at six significant digits; a large one
  /// by its shape alone.
  static func written(_ t: Tensor) -> String {
    func format(_ v: Double) -> String { number(v, digits: 6) }
    if t.shape.isScalar { return format(t.scalar) }
    guard t.shape.count <= 12 else { return "\(t.shape) (trace.json)" }
    func list(_ values: ArraySlice<Double>) -> String {
      "[" + values.map(format).joined(separator: ", ") + "]"
    }
    guard t.shape.rank == 2 else { return list(t.elements[...]) }
    let width = t.shape.dimensions[1]
    return "["
      + stride(from: 0, to: t.elements.count, by: width).map {
        list(t.elements[$0..<($0 + width)])
      }.joined(separator: ", ") + "]"
  }

  /// A number for print: `digits` significant digits and a true minus sign.
  static func number(_ v: Double, digits: Int) -> String {
    String(NumberFormat.shortest(significantDigits: digits).format(v).map { $0 == "-" ? "−" : $0 })
  }

  /// How the text names a node: its name, or the short formula of its operands' names
  /// (`X·W₁ + b₁` as `X·W1 + b1`), or what it is the input of.
  func name(_ id: Node.ID) -> String {
    let node = graph[id]
    // W₁ as the figures and equations write W1.
    if let name = node.name { return Formula.symbol(name).unicode() }
    if node.op == .constant { return Self.number(node.parameter, digits: 6) }
    let operands = node.inputs.map { graph[$0].name }
    if operands.allSatisfy({ $0 != nil }) {
      let formula = node.op.descriptor.value(operands.map { .symbol($0 ?? "") }, node.parameter)
      let text = "(" + formula.unicode() + ")"
      if text.count <= 16 { return text }
    }
    return words.unnamed(node.op.descriptor.walkthroughName)
  }

  /// A node as a formula: its name, a constant's number, else its op's formula of its
  /// operands' (`X·W + b`).
  func formula(_ id: Node.ID) -> Formula {
    let node = graph[id]
    if let name = node.name { return .symbol(name) }
    if node.op == .constant { return .number(node.parameter) }
    return node.op.descriptor.value(node.inputs.map { formula($0) }, node.parameter)
  }

  /// ∂L/∂ of a node.
  func gradient(_ id: Node.ID) -> Formula {
    .derivative(of: .symbol("L"), withRespectTo: formula(id))
  }

  /// A node's formula transposed: Xᵀ.
  func transposed(_ id: Node.ID) -> Formula { .power(formula(id), .symbol("T")) }

  /// For each matrix product, each gradient found from its shapes (CS231n's dimension
  /// analysis), then both as display equations (∂L/∂X = ∂L/∂Y·Wᵀ, ∂L/∂W = Xᵀ·∂L/∂Y); for
  /// each add whose operand was broadcast, the sum over the batch (∂L/∂b = sum(∂L/∂Y, 0));
  /// for Softmax-with-Loss, (y − t)/N; for Repeat, its backward Sum.
  func shapeDerivations() -> [Block] {
    var out: [Block] = []
    func summed(_ input: Node.ID, over output: Node.ID) -> Block {
      .equation([gradient(input), .call(.sum, [gradient(output), .number(0)])])
    }
    for node in graph.nodes {
      let shapes = node.inputs.map { evaluation.values[$0].shape }
      switch node.op {
      case .matmul, .affine:
        let (x, w) = (node.inputs[0], node.inputs[1])
        out.append(
          .paragraph([
            .text(
              words.matmul(
                x: name(x), w: name(w), y: name(node.id), xShape: shapes[0], wShape: shapes[1],
                yShape: evaluation.values[node.id].shape))
          ]))
        // For an Affine, Y = X·W + b: ∂L/∂(X·W) is ∂L/∂Y.
        out.append(.equation([gradient(x), .product([gradient(node.id), transposed(w)])]))
        out.append(.equation([gradient(w), .product([transposed(x), gradient(node.id)])]))
        if node.op == .affine, shapes[2] != evaluation.values[node.id].shape {
          out.append(
            .paragraph([
              .text(
                words.bias(
                  name(node.inputs[2]), shapes[2], evaluation.values[node.id].shape,
                  output: name(node.id)))
            ]))
          out.append(summed(node.inputs[2], over: node.id))
        }
      case .add, .sub:
        let y = evaluation.values[node.id].shape
        for (i, input) in node.inputs.enumerated() where shapes[i] != y && !shapes[i].isScalar {
          out.append(
            .paragraph([.text(words.bias(name(input), shapes[i], y, output: name(node.id)))]))
          out.append(summed(input, over: node.id))
        }
      case .softmaxWithLoss:
        var a = name(node.inputs[0])
        if a.hasPrefix("(") && a.hasSuffix(")") { a = String(a.dropFirst().dropLast()) }
        out.append(.paragraph([.text(words.softmaxWithLoss(a, name(node.inputs[1])))]))
        let rows = shapes[0].rank == 2 ? shapes[0].dimensions[0] : 1
        let difference = Formula.difference(
          .call(.softmax, [formula(node.inputs[0])]), formula(node.inputs[1]))
        out.append(
          .equation([
            gradient(node.inputs[0]),
            rows == 1 ? difference : .quotient(difference, .number(Double(rows))),
          ]))
      case .repeatRows:
        out.append(
          .paragraph([.text(words.repeatSum(name(node.inputs[0]), Int(node.parameter)))]))
        out.append(summed(node.inputs[0], over: node.id))
      case _
      where node.op.descriptor.tensor == nil && node.inputs.count == 1
        && !evaluation.values[node.id].shape.isScalar:
        // A function applied element by element (sigmoid, tanh, exp, relu): its scalar rule
        // at every element.
        guard let rule = node.op.descriptor.rules(node.parameter).first else { continue }
        let local = rule.preferred.substituting(
          operands: [formula(node.inputs[0])], result: formula(node.id)
        ).tidied()
        out.append(
          .paragraph([
            .text(
              words.elementwise(
                node.op.descriptor.walkthroughName, x: name(node.inputs[0]), y: name(node.id),
                local: local.unicode()))
          ]))
      default: continue
      }
    }
    return out
  }

  /// Every element of every input (up to ``checkedElements``) against the central
  /// difference (L(x + h) − L(x − h))/2h of L = Σ ∂L/∂Y ⊙ Y, with the relative error
  /// |a − n| / max(|a|, |n|) and CS231n's reading of it.
  func numericCheck() -> [Block] {
    var inputs: [String: Tensor] = [:]
    for id in graph.inputs { inputs[graph[id].name ?? ""] = evaluation.values[id] }
    let seed = evaluation.upstream
    func loss(_ values: [String: Tensor]) -> Double? {
      guard case .success(let e) = TensorEvaluator.evaluate(graph, inputs: values) else {
        return nil
      }
      return zip(e.values[graph.output].elements, seed.elements).reduce(0) { $0 + $1.0 * $1.1 }
    }
    var rows: [[[Inline]]] = []
    var worst = 0.0
    let checked = graph.inputs.filter { !TensorFigure.labelInputs(graph).contains($0) }
    let total = checked.reduce(0) { $0 + evaluation.values[$1].shape.count }
    // Each element checked costs two forward passes; the checks together stay under about
    // 2·10⁷ units of work (a few tenths of a second), so a large lesson has its first
    // elements of each input checked. A pass costs each node's elements (times the inner
    // size for a product) and about 50 for the node itself (its allocation): a graph of
    // 10,000 small nodes gets 19 checks, not 1,000.
    let pass = graph.nodes.reduce(1) { work, node in
      let y = evaluation.values[node.id].shape.count + 50
      guard node.op == .matmul || node.op == .affine else { return work + y }
      return work + y * (evaluation.values[node.inputs[1]].shape.dimensions.first ?? 1)
    }
    let affordable = max(checked.count, checkBudget / (2 * pass))
    let perInput =
      total <= min(Self.checkedElements, affordable)
      ? Int.max : max(1, min(10, affordable / max(1, checked.count)))
    for id in checked {
      let name = graph[id].name ?? ""
      let value = evaluation.values[id]
      for k in value.elements.indices.prefix(perInput) {
        let h = 1e-5 * max(1, abs(value.elements[k]))
        var plus = inputs
        var minus = inputs
        plus[name]?.elements[k] += h
        minus[name]?.elements[k] -= h
        guard let up = loss(plus), let down = loss(minus) else { continue }
        let numeric = (up - down) / (2 * h)
        let analytic = evaluation.gradients[id].elements[k]
        // Two numbers both below 1e-8 are both zero within the difference's rounding (a
        // zero gradient against −1.8e−10 would read as a relative error of 1).
        let scale = max(abs(numeric), abs(analytic))
        let error = scale < 1e-8 ? 0 : abs(numeric - analytic) / scale
        worst = max(worst, error)
        rows.append([
          [.emphasis(name + Self.index(k, value.shape))],
          [.text(Self.number(analytic, digits: 6))], [.text(Self.number(numeric, digits: 6))],
          [.text(Self.number(error, digits: 2))],
        ])
      }
    }
    return [
      .heading(level: 2, text: words.checkHeading),
      .paragraph([.text(words.checkIntro(checked: rows.count, of: total))]),
      .table(header: words.checkHeader.map { [.text($0)] }, rows: rows),
      .paragraph([.text(words.checkVerdict(worst))]),
    ]
  }

  /// `[i]` or `[i, j]`, numpy's index of element k.
  static func index(_ k: Int, _ shape: Shape) -> String {
    switch shape.rank {
    case 0: ""
    case 1: "[\(k)]"
    default: "[\(k / shape.dimensions[1]), \(k % shape.dimensions[1])]"
    }
  }
}
