import Analysis
import FormulaWriting
import GraphEngine
public import LessonKit
public import TensorWording

/// The walk-through of a lesson of vectors and matrices, as a ``Document``.
public struct TensorWalkthrough {
  public let compiled: CompiledTensorLesson
  public let words: any TensorProse
  /// Whether the lesson has an `expanded` figure (``expanded(_:)``).
  public var hasExpanded = false
  /// Whether the expanded figure has a Repeat node the lesson did not write.
  public var repeats = false
  /// How much work the numeric check may do, in units of one element of one node's value
  /// computed once (``numericCheck()``).
  public var checkBudget = 20_000_000
  /// Why the graph is not drawn, said where it would stand; nil when it is drawn.
  public var omitted: String?
  /// The sentences saying which figures are left out and why (drawn after the graph's).
  public var omittedFigures: [String] = []
  /// Whether the figures carry formulas, not matrices (symbolic labels).
  public var symbolic = false
  /// Whether the figures draw CS231n's gates (`1/x`, `*`, `*−1`).
  public var gates = false
  /// The Softmax-with-Loss drawn out class by class, when it is drawn.
  public var classes: SoftmaxClasses?
  /// Whether the step figures were left out because the graph does not print whole on a
  /// page.
  public var stepsTooWide = false
  /// Whether the lesson has step figures (a graph of at most 8 operations).
  public var hasSteps = false

  public init(compiled: CompiledTensorLesson, words: any TensorProse) {
    self.compiled = compiled
    self.words = words
    wires = compiled.graph.wireNames(shapes: compiled.evaluation.values.map(\.shape))
    var uses = [Int](repeating: 0, count: compiled.graph.nodes.count)
    for node in compiled.graph.nodes { for input in node.inputs { uses[input] += 1 } }
    self.uses = uses
  }

  /// How many times each node's value is used (W ⊙ W uses W twice): its wire's branches.
  let uses: [Int]

  /// What each wire is called, as the figures call it (``Analysis/Graph/wireNames(shapes:reusing:)``).
  let wires: WireNames

  var graph: Graph { compiled.graph }
  var evaluation: TensorEvaluation { compiled.evaluation }

  /// Whether the lesson multiplies matrices (the text then speaks of rows and products).
  var products: Bool { graph.nodes.contains { $0.op.multipliesMatrices } }

  /// The author's introduction, the graph's heading and the row convention, then `figure`
  /// (or why it is left out) and the short names it uses.
  func graphSection(_ figure: FigureID, caption: String) -> [Block] {
    let lesson = compiled.lesson
    var blocks: [Block] = []
    if let introduction = lesson.authorText(words.language).introduction {
      blocks.append(.paragraph([.text(introduction)]))
    }
    blocks.append(.heading(level: 2, text: words.graphHeading))
    blocks.append(.paragraph([.text(words.convention(products: products))]))
    // A layer's output with the gradient from above given (DLFS's Affine, ∂L/∂Y set): say so,
    // or ∂L/∂Y stands on the figure unexplained.
    if graph.outputName != "L", lesson.upstreamTensor != nil || lesson.upstream != 1 {
      blocks.append(
        .paragraph([.text(words.givenUpstream(graph.outputName, evaluation.upstream.written))]))
    }
    if let omitted {
      blocks.append(.paragraph([.text(omitted)]))
    } else {
      blocks.append(
        .figure(figure, alt: words.figureAlt(lesson.title(words.language)), caption: caption))
    }
    return blocks + shortNameBlocks()
  }

  public func document() -> Document {
    let lesson = compiled.lesson
    var blocks = graphSection(.graph, caption: words.caption(symbolic: symbolic))
    if hasExpanded {
      let ops = Set(graph.nodes.map(\.op))
      let roles = Set(graph.nodes.map(\.op.role))
      blocks.append(
        .paragraph([
          .text(
            words.expandedIntro(
              affine: ops.contains(.affine), repeats: repeats,
              loss: roles.contains(.softmaxLoss)))
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
      let shapes = evaluation.values.map(\.shape)
      for (k, id) in order.enumerated() {
        let nodeName = graph.walkthroughName(id, shapes: shapes)
        let node = graph[id]
        let sent = node.inputs.enumerated().compactMap { i, input -> (String, Shape)? in
          guard graph[input].op != .constant, !node.op.isLabelSlot(i) else {
            return nil
          }
          return (name(input), evaluation.values[input].shape)
        }
        blocks.append(
          .paragraph([
            .text(
              words.step(
                k + 1, of: order.count,
                node: nodeName, receives: (name(id), evaluation.values[id].shape), sends: sent))
          ]))
        blocks.append(
          .figure(
            .step(k + 1, of: order.count),
            alt: words.stepTitle(lesson.title(words.language), k + 1, order.count),
            caption: words.stepCaption(
              k + 1, of: order.count, node: nodeName, symbolic: symbolic)))
      }
    }
    let derivations = shapeDerivations()
    if !derivations.isEmpty {
      blocks.append(.heading(level: 2, text: words.shapesHeading))
      blocks.append(.paragraph([.text(words.shapesIntro(products: products))]))
      blocks += derivations
    }
    blocks += lossSection()
    blocks += valuesSection()
    blocks += numericCheck()
    return Document(
      title: lesson.title(words.language), summary: lesson.authorText(words.language).summary,
      language: words.language, blocks: blocks)
  }

  /// The sentence defining the short names (u₁ = …) the figures and the text use.
  func shortNameBlocks() -> [Block] {
    guard !wires.shortNames.isEmpty else { return [] }
    let definitions = wires.shortNames.map {
      Formula.equation([.symbol($0.name), $0.definition]).unicode()
    }
    return [.paragraph([.text(words.shortNames(definitions))])]
  }

  /// Every input's value and gradient, then the output; an exercise's gradients (and, with
  /// forward blanks, the output) an empty box per element up to 3 × 3, one box for a larger
  /// one.
  func valuesSection(_ blanks: Blanks = .none) -> [Block] {
    var blocks: [Block] = [.heading(level: 2, text: words.valuesHeading)]
    let labels = graph.labelInputs
    for id in graph.inputs {
      let name = graph[id].name ?? ""
      let value = evaluation.values[id]
      if labels.contains(id) {
        if let matrix = value.matrixFormula {
          // The labels as a matrix, and why they have no gradient.
          blocks.append(.equation([.symbol(name), matrix]))
          blocks.append(.paragraph([.emphasis(name), .text(words.labelsHaveNoGradient)]))
        } else {
          blocks.append(
            .paragraph([
              .emphasis(name), .text(words.labelSentence(value.shape, value.written)),
            ]))
        }
        continue
      }
      // Zero up to rounding printed as 0 (the trace keeps every digit).
      let gradient = evaluation.shownGradient(id)
      if blanks.gradients {
        let answer = Formula.derivative(of: .symbol("L"), withRespectTo: .symbol(name))
        if let matrix = value.matrixFormula {
          blocks.append(.system([[.symbol(name), matrix], [answer, gradient.shape.blank]]))
        } else {
          blocks.append(.equation([answer, gradient.shape.blank]))
        }
        continue
      }
      if let matrix = value.matrixFormula, let gradientMatrix = gradient.matrixFormula {
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
              value.shape, value.written, gradient.written, of: name)),
        ]))
    }
    let output = evaluation.values[graph.output]
    if blanks.values {
      blocks.append(.paragraph([.text(words.outputIs(graph.outputName, output.shape))]))
      blocks.append(.equation([.symbol(graph.outputName), output.shape.blank]))
    } else if let matrix = output.matrixFormula {
      blocks.append(.paragraph([.text(words.outputIs(graph.outputName, output.shape))]))
      blocks.append(.equation([.symbol(graph.outputName), matrix]))
    } else {
      blocks.append(
        .paragraph([
          .text(words.outputSentence(graph.outputName, output.written, output.shape))
        ]))
    }
    return blocks
  }

  /// A number for print: `digits` significant digits and a true minus sign.
  public static func number(_ v: Double, digits: Int) -> String {
    Tensor.printed(v, digits: digits)
  }

  /// How the text names a node: its name, or the short formula of its operands' names
  /// (`X·W₁ + b₁` as `X·W1 + b1`), or what it is the input of.
  func name(_ id: Node.ID) -> String {
    let node = graph[id]
    if node.op == .constant { return Self.number(node.parameter, digits: 6) }
    // W₁ as the figures and equations write W1; a short name u₁ the same.
    switch wires.names[id] {
    case .symbol, .transpose(.symbol):
      // Wᵀ reads as one name.
      return wires.names[id].unicode()
    default:
      // X·W + b needs its parentheses.
      return "(" + wires.names[id].unicode() + ")"
    }
  }

  /// A node as an argument of a call: its name without the parentheses around a formula
  /// (`max(S − 1, 0)`, not `max((S − 1), 0)`).
  func argument(_ id: Node.ID) -> String {
    let written = name(id)
    guard graph[id].name == nil, written.hasPrefix("("), written.hasSuffix(")") else {
      return written
    }
    return String(written.dropFirst().dropLast())
  }

  /// A node's transpose as the text writes it: Xᵀ, W for the transpose of Wᵀ, (X·W)ᵀ.
  func transposedName(_ id: Node.ID) -> String {
    let transposed = Formula.transpose(formula(id)).tidied()
    switch transposed {
    case .symbol, .transpose(.symbol): return transposed.unicode()
    default: return name(id) + "ᵀ"
    }
  }

  /// A node as a formula: its name, a constant's number, its op's formula of its operands'
  /// (`X·W + b`) when short, else its short name (u₁).
  func formula(_ id: Node.ID) -> Formula { wires.names[id] }

  /// ∂L/∂ of a node.
  func gradient(_ id: Node.ID) -> Formula {
    .derivative(of: .symbol("L"), withRespectTo: formula(id))
  }

  /// The gradient `node` sends to its input `i` as its op's backward formula
  /// (``GraphEngine/TensorRule/formulas``) in the lesson's names, ∂L/∂L written 1; nil where
  /// the op has none.
  func backward(_ node: Node, input i: Int) -> Formula? {
    let shapes = GradientShapes(
      inputs: node.inputs.map { evaluation.values[$0].shape },
      output: evaluation.values[node.id].shape, k: node.parameter)
    return node.op.tensorRule.formula(
      input: i, shapes, operands: node.inputs.map { formula($0) }, result: formula(node.id),
      upstream: gradient(node.id), upstreamIsOne: graph[node.id].name == "L")
  }

  /// ∂L/∂(input) = its op's backward formula, as a display equation.
  func backwardEquation(_ node: Node, input i: Int) -> [Block] {
    guard let rule = backward(node, input: i) else { return [] }
    let input = node.inputs[i]
    let equation = Block.equation([gradient(input), rule])
    // A value used by several nodes: this is one branch's share, not the whole gradient,
    // said before the equation is read as the whole.
    guard uses[input] > 1 else { return [equation] }
    return [.paragraph([.text(words.branchShare(name(input), uses: uses[input]))]), equation]
  }

  /// For each matrix product, each gradient found from its shapes (CS231n's dimension
  /// analysis), then both as display equations (∂L/∂X = ∂L/∂Y·Wᵀ, ∂L/∂W = Xᵀ·∂L/∂Y); for
  /// each add whose operand was broadcast, the sum over the axes it was stretched along
  /// (∂L/∂b = sum(∂L/∂Y, 0)); for Softmax-with-Loss, (y − t)/N; for Repeat, its backward
  /// Sum. Each equation is the op's backward formula (``backward(_:input:)``).
  func shapeDerivations() -> [Block] {
    var out: [Block] = []
    for node in graph.nodes {
      let shapes = node.inputs.map { evaluation.values[$0].shape }
      // Labels given as class indices (CS231n's y), one axis fewer than the scores.
      if let slot = node.op.tensorRule.labels.first, shapes[slot].rank == shapes[0].rank - 1 {
        out.append(
          .paragraph([
            .text(
              words.classIndices(
                name(node.inputs[slot]), rows: shapes[slot].count,
                classes: shapes[0].dimensions.last ?? 1,
                loss: node.op.descriptor.walkthroughName))
          ]))
      }
      switch node.op {
      case _ where node.op.multipliesMatrices:
        let (x, w) = (node.inputs[0], node.inputs[1])
        out.append(
          .paragraph([
            .text(
              words.matmul(
                x: name(x), w: name(w), y: name(node.id),
                transposed: (transposedName(x), transposedName(w)), xShape: shapes[0],
                wShape: shapes[1],
                yShape: evaluation.values[node.id].shape))
          ]))
        // For an Affine, Y = X·W + b: ∂L/∂(X·W) is ∂L/∂Y.
        out += backwardEquation(node, input: 0) + backwardEquation(node, input: 1)
        if node.op == .affine, shapes[2] != evaluation.values[node.id].shape {
          out.append(
            .paragraph([
              .text(
                words.bias(
                  name(node.inputs[2]), shapes[2], evaluation.values[node.id].shape,
                  to: Formula.product([formula(node.inputs[0]), formula(node.inputs[1])]).unicode(),
                  output: name(node.id),
                  axes: GradientShapes.broadcastAxes(
                    from: shapes[2], to: evaluation.values[node.id].shape), negated: false))
            ]))
          out += backwardEquation(node, input: 2)
        }
      case .max, .min:
        out.append(
          .paragraph([
            .text(
              words.gate(
                node.op.rawValue, a: argument(node.inputs[0]), b: argument(node.inputs[1]),
                y: name(node.id)))
          ]))
      case .add, .sub:
        let y = evaluation.values[node.id].shape
        if node.op.descriptor.lossPart == .difference, shapes.allSatisfy({ $0 == y }), !y.isScalar {
          out.append(
            .paragraph([
              .text(words.difference(name(node.inputs[0]), name(node.inputs[1]), y: name(node.id)))
            ]))
        }
        for (i, input) in node.inputs.enumerated() where shapes[i] != y && !shapes[i].isScalar {
          out.append(
            .paragraph([
              .text(
                words.bias(
                  name(input), shapes[i], y, to: name(node.inputs[1 - i]), output: name(node.id),
                  axes: GradientShapes.broadcastAxes(from: shapes[i], to: y),
                  negated: node.op == .sub && i == 1))
            ]))
          out += backwardEquation(node, input: i)
        }
      case _ where node.op.role == .softmaxLoss:
        var a = name(node.inputs[0])
        if a.hasPrefix("(") && a.hasSuffix(")") { a = String(a.dropFirst().dropLast()) }
        out.append(.paragraph([.text(words.softmaxWithLoss(a, name(node.inputs[1])))]))
        out += backwardEquation(node, input: 0)
      case _ where node.op.role == .rearrangement:
        out.append(
          .paragraph([.text(words.transposed(name(node.inputs[0]), name(node.id)))]))
        out += backwardEquation(node, input: 0)
      case _ where node.op.role == .rowCopies:
        out.append(
          .paragraph([.text(words.repeatSum(name(node.inputs[0]), Int(node.parameter)))]))
        out += backwardEquation(node, input: 0)
      case _
      where node.op.descriptor.lossPart == .average
        && !evaluation.values[node.inputs[0]].shape.isScalar:
        // The mean of every element: the lanes are all of x.
        out.append(
          .paragraph([
            .text(
              words.alongAxis(
                node.op.descriptor.call?.name ?? "mean", x: argument(node.inputs[0]),
                y: name(node.id),
                lanes: .all, kept: false, n: shapes[0].count))
          ]))
        out += backwardEquation(node, input: 0)
      case _ where node.op.descriptor.axis != nil:
        out.append(.paragraph([.text(alongAxis(node, shapes[0]))]))
        out += backwardEquation(node, input: 0)
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
                // As the figure's node says it: **2, exp, sigmoid.
                node.op.descriptor.symbol(Self.number(node.parameter, digits: 6)).textbook,
                x: name(node.inputs[0]), y: name(node.id), local: local.unicode()))
          ]))
      case _
      where node.op.descriptor.tensor == nil && node.inputs.count == 2
        && !evaluation.values[node.id].shape.isScalar:
        // Two arrays element by element (⊙, /, ^): each input's local gradient at every
        // element, summed over what broadcasting stretched.
        let symbol = graph.walkthroughName(node.id, shapes: evaluation.values.map(\.shape))
        out.append(
          .paragraph([
            .text(
              words.elementwisePair(
                symbol, a: name(node.inputs[0]), b: name(node.inputs[1]), y: name(node.id)))
          ]))
        // W ⊙ W: both slots send back the same formula; it is written once.
        out += backwardEquation(node, input: 0)
        if node.inputs[1] != node.inputs[0] { out += backwardEquation(node, input: 1) }
      case _ where node.op.descriptor.lossPart == .logLikelihood:
        out.append(
          .paragraph([
            .text(words.crossEntropy(argument(node.inputs[0]), name(node.inputs[1])))
          ]))
        out += backwardEquation(node, input: 0)
      default: continue
      }
    }
    return out
  }

  /// What an op along an axis does to x of `shape`, lane by lane, and what it sends back.
  func alongAxis(_ node: Node, _ shape: Shape) -> String {
    let p = AxisParameter(node.parameter)
    let index = p.index(in: shape)
    let lanes: AxisLanes =
      shape.rank == 2 && index == 1 ? .rows : shape.rank == 2 && index == 0 ? .columns : .all
    let function = node.op.descriptor.axis?.name ?? node.op.rawValue
    // "each row of X − M" reads as a name; ∂L/∂(X − M) needs the parentheses.
    let x =
      ["sum", "mean", "max"].contains(function) ? argument(node.inputs[0]) : name(node.inputs[0])
    return words.alongAxis(
      function, x: x, y: name(node.id), lanes: lanes, kept: p.keepsDims, n: p.laneLength(shape))
  }

  /// Every element of every input against the central difference
  /// (``Analysis/TensorGradientCheck``), with CS231n's reading of the largest error.
  func numericCheck() -> [Block] {
    let check = TensorGradientCheck(compiled, budget: checkBudget)
    let rows: [[[Inline]]] = check.rows.map { row in
      [
        [.emphasis(row.input + row.shape.index(row.element))],
        [.text(Self.number(row.analytic, digits: 6))], [.text(Self.number(row.numeric, digits: 6))],
        [.text(Self.number(row.relativeError, digits: 2))],
      ]
    }
    return [
      .heading(level: 2, text: words.checkHeading),
      .paragraph([.text(words.checkIntro(checked: rows.count, of: check.total))]),
      .table(header: words.checkHeader.map { [.text($0)] }, rows: rows),
      .paragraph([.text(words.checkVerdict(check.worst))]),
    ]
  }
}
