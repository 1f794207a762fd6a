public import Analysis
import FormulaWriting
import GraphEngine
import LessonKit

/// Writes the walk-through of a lesson from its analysis: the function, the forward pass,
/// the backward pass node by node (upstream × local = downstream, naming each local
/// gradient), fan-out sums, composite nodes against their closed form, the author's verified
/// derivation and a numeric check of every input's gradient. It assembles sentences and
/// formulas; every number and formula comes from the ``LessonAnalysis``.
public struct Walkthrough {
  public let analysis: LessonAnalysis
  public let language: Language
  let prose: any Prose
  let numbers = NumberFormat.shortest(significantDigits: 6)

  /// What each node of the walked graph is called in the figures (`×`, or CS231n's `*`), so
  /// the text names the nodes as the figures draw them; nil entries, or none, use the op's
  /// sign.
  let operatorNames: [String?]

  /// What the text leaves blank: nothing, or (an exercise sheet's) the gradients, or the
  /// forward values too.
  var blanks = Blanks.none

  public init(_ analysis: LessonAnalysis, language: Language, operatorNames: [String?] = []) {
    self.analysis = analysis
    self.language = language
    self.prose = Explain.prose(for: language)
    self.operatorNames = operatorNames
  }

  var compiled: CompiledLesson { analysis.compiled }
  /// The evaluation the passes are walked on (expanded when there are composites).
  var walked: Evaluation { analysis.walked }
  var walkedLabels: SymbolicLabels { analysis.walkedLabels }

  /// A figure's title for its metadata: the lesson's title and what the figure shows, in
  /// the walk-through's language.
  public func figureTitle(_ id: FigureID) -> String {
    compiled.lesson.title(language) + " — " + prose.figureTitle(id)
  }

  public func document() -> Document {
    let lesson = compiled.lesson
    let text = lesson.authorText(language)
    var blocks: [Block] = []
    blocks += functionSection(text)
    blocks += forwardSection()
    blocks += backwardSection(text)
    blocks += compositeSection()
    blocks += derivationSection(text)
    blocks += checkSection()
    return Document(
      title: lesson.title(language), summary: text.summary ?? lesson.summary, language: language,
      blocks: blocks)
  }

  /// The exercise sheet: the walk-through with an empty box for every gradient (and, with
  /// ``Blanks/forward``, every forward value but the inputs), its figures the exercise
  /// versions; no step figures and no numeric check, which would give the answers. The
  /// answer key is ``answerKey(_:heading:)``.
  public func exerciseSheet(_ blanks: Blanks) -> Document {
    var sheet = self
    sheet.blanks = blanks
    let lesson = compiled.lesson
    let text = lesson.authorText(language)
    var blocks: [Block] = [.paragraph([.text(prose.exerciseIntro(forward: blanks.values))])]
    blocks += sheet.functionSection(text)
    blocks += sheet.forwardSection()
    blocks += sheet.backwardSection(text)
    blocks += sheet.compositeSection()
    blocks += sheet.derivationSection(text)
    return Document(
      title: prose.exerciseTitle(lesson.title(language)), summary: text.summary ?? lesson.summary,
      language: language, blocks: blocks)
  }

  /// The answers to ``exerciseSheet(_:)``: the filled figures, the forward values when they
  /// were blanked, the backward pass edge by edge and every input's gradient; under a heading
  /// "Answer key" when `heading`.
  public func answerKey(_ blanks: Blanks, heading: Bool = true) -> [Block] {
    var blocks: [Block] = heading ? [.heading(level: 2, text: prose.answerKeyHeading)] : []
    for id in [FigureID.graph, .expanded] where analysis.figures.contains(id) {
      blocks.append(figure(id))
    }
    if analysis.figures.contains(.plot) { blocks.append(figure(.plot)) }
    if blanks.values {
      blocks += forwardSection().dropFirst(2)
    }
    let graph = walked.graph
    let order = LessonAnalysis.backwardOrder(graph).map { graph[$0] }
    blocks.append(.paragraph([.text(prose.backwardTableIntro)]))
    blocks += backwardTable(order, labels: walkedLabels, evaluation: walked)
    for id in graph.inputs {
      blocks += gradientSum(id, labels: walkedLabels, evaluation: walked)
    }
    return blocks
  }

  /// The exercise sheet, then its answer key on a page of its own: `<id>-exercise`.
  public func exercise(_ blanks: Blanks) -> Document {
    var document = exerciseSheet(blanks)
    document.blocks += [.pageBreak] + answerKey(blanks)
    return document
  }

  /// The plot and the sentence introducing it; the reason it is left out, if it is.
  private func plotBlocks() -> [Block] {
    guard let plot = analysis.plot, analysis.figures.contains(.plot) else {
      return omission(.plot)
    }
    let x = Formula.symbol(plot.input)
    let intro = prose.plotIntro(
      .symbol(plot.output), x, from: number(plot.from), to: number(plot.to),
      point: x.equals(number(plot.point.x)), slope: number(plot.point.slope ?? 0))
    return [.paragraph(intro), figure(.plot)]
  }

  /// A gradient as the text shows it: its number, or an exercise's blank.
  private func gradient(_ v: Double) -> Formula { blanks.gradients ? .blank : number(v) }

  /// A forward value (not an input's) as the text shows it.
  private func value(_ v: Double) -> Formula { blanks.values ? .blank : number(v) }

  // MARK: Sections

  private func functionSection(_ text: AuthorText) -> [Block] {
    var blocks: [Block] = [.heading(level: 2, text: prose.functionHeading)]
    for paragraph in paragraphs(text.introduction) { blocks.append(.paragraph([.text(paragraph)])) }
    blocks.append(
      .paragraph([
        .text(
          analysis.isLongFunction
            ? prose.longFunction(analysis.statements.count) : prose.functionIs)
      ]))
    let statements = analysis.shownStatements.compactMap { statement in
      statement.formula.map { [Formula.symbol(statement.name), $0] }
    }
    if statements.count == 1 {
      blocks.append(.equation(statements[0]))
    } else if !statements.isEmpty {
      blocks.append(.system(statements))
    }
    var inputs: [Inline] = [.text(prose.inputsAre + " ")]
    for (i, input) in compiled.lesson.inputs.enumerated() {
      if i > 0 { inputs.append(.text(", ")) }
      inputs.append(
        .math(Formula.symbol(input.name).equals(number(compiled.inputValues[input.name] ?? 0))))
    }
    inputs.append(.text(prose.stop))
    blocks.append(.paragraph(inputs))
    for id in [FigureID.graph, .forward] {
      if analysis.figures.contains(id) { blocks.append(figure(id)) }
      blocks += omission(id == .graph ? .graph : .forward)
    }
    // The plot shows the derivative: not on an exercise sheet (its answer key has it).
    if !blanks.gradients { blocks += plotBlocks() }
    return blocks
  }

  private func forwardSection() -> [Block] {
    let e = walked
    let labels = walkedLabels
    var rows: [[[Inline]]] = []
    // A graph of more than a few operations: its inputs, given just above, are left out of
    // the table (eleven rows of "input" took a third of a page of a 16-operation handout).
    let operations = e.graph.nodes.count { $0.op != .constant && $0.op != .input }
    let inputsListed = operations <= Self.summedInTable
    for node in e.graph.nodes where node.op != .constant && (inputsListed || node.op != .input) {
      rows.append([
        [.math(labels.values[node.id])],
        node.op == .input
          ? [.text(prose.inputColumn)]
          : [.math(analysis.walkedFormulas.definitions[node.id])],
        [.math(node.op == .input ? number(e.value(node.id)) : value(e.value(node.id)))],
      ])
    }
    return [
      .heading(level: 2, text: prose.forwardHeading),
      .paragraph([.text(inputsListed ? prose.forwardIntro : prose.forwardIntroGivenInputs)]),
      table(
        header: [
          [.text(prose.nodeColumn)], [.text(prose.operationColumn)], [.text(prose.valueColumn)],
        ],
        rows: rows),
    ]
  }

  private func backwardSection(_ text: AuthorText) -> [Block] {
    let e = walked
    let graph = e.graph
    let labels = walkedLabels
    var blocks: [Block] = [
      .heading(level: 2, text: prose.backwardHeading),
      .paragraph(
        prose.seed(
          output: labels.values[graph.output], upstream: number(e.upstream), isOne: e.upstream == 1)
      ),
      .paragraph([.text(prose.rule)]),
    ]
    if analysis.figures.contains(.expanded) { blocks.append(figure(.expanded)) }
    blocks += omission(.expanded)
    let order = LessonAnalysis.backwardOrder(graph).map { graph[$0] }
    if order.count > Self.detailedNodes {
      return blocks + backwardTable(order, labels: labels, evaluation: e)
    }
    // The first node of each operation is told in full; a later one of the same operation
    // (the second + node, the second exp node) applies the rule just shown, in one line per
    // input: ∂L/∂u = ∂L/∂y·(local) = upstream × local = downstream.
    var told: Set<String> = []
    for node in order {
      let y = labels.values[node.id]
      let dLdy = Formula.derivative(of: .symbol("L"), withRespectTo: y)
      // The same operation on the same kinds of input: a / of two values after a / by 2
      // still has its second input's rule to tell.
      let slots = node.inputs.map { graph[$0].op == .constant ? "c" : "v" }.joined()
      let kind = "\(node.op.rawValue) \(node.parameter) \(slots)"
      let repeated = told.contains(kind) && node.id != graph.output
      told.insert(kind)
      let definition = analysis.walkedFormulas.tidiedDefinitions[node.id]
      let named: Formula
      if case .symbol = y { named = y.equals(definition) } else { named = y }
      blocks.append(
        .heading(
          level: 3,
          content: prose.nodeHeading(
            (node.id < operatorNames.count ? operatorNames[node.id] : nil)
              ?? prose.operatorName(node.op), named)))
      if node.id == graph.output {
        blocks.append(
          .paragraph(
            prose.upstream(y) + [
              .math(dLdy.equals(number(e.upstream))),
              .text(prose.stop),
            ]))
      } else {
        blocks += gradientSum(node.id, labels: labels, evaluation: e)
      }
      if let note = noteText(for: node, text: text) { blocks.append(.paragraph([.text(note)])) }
      if repeated, Set(node.inputs).count == node.inputs.count {
        // The rule's sentence joins the one giving the node's gradient.
        var lead: [Inline] = []
        if case .paragraph(let said)? = blocks.last, said.last == .text(prose.stop) {
          lead = said + [.text(" ")]
          blocks.removeLast()
        }
        blocks += appliedRule(node, after: lead, labels: labels, evaluation: e)
        continue
      }
      var toldInputs = 0
      for (i, inputID) in node.inputs.enumerated() where graph[inputID].op != .constant {
        let u = labels.values[inputID]
        let dydu = Formula.derivative(of: y, withRespectTo: u)
        let local = e.localGradients[node.id][i]
        let g = e.gradient(node.id)
        // x·x uses x in both slots: ∂(x·x)/∂x is 2x, not either slot's local gradient, so a
        // slot's local gradient is told as that slot's, without the ∂y/∂x that would be false.
        let sharedSlot = node.inputs.count { $0 == inputID } > 1
        var chain: [Formula] =
          (sharedSlot ? [] : [dydu]) + analysis.walkedFormulas.locals[node.id][i]
        if blanks.gradients {
          // The local gradient's formula stays; its number is the reader's to work out.
          while case .number? = chain.last { chain.removeLast() }
          chain.append(.blank)
        } else if chain.last != number(local) {
          chain.append(number(local))
        }
        // The seed is given; every other gradient is the reader's on an exercise sheet.
        let upstream = node.id == graph.output ? number(g) : gradient(g)
        let product = Formula.product([upstream, gradient(local)])
        let edge = gradient(e.edgeGradients[node.id][i])
        let alongEdge = analysis.fanIn[inputID].count > 1
        if sharedSlot {
          blocks.append(.paragraph(prose.localInSlot(y, u, slot: i + 1, of: node.inputs.count)))
          blocks.append(.equation(chain))
          blocks.append(.paragraph(alongEdge ? prose.alongEdge(u) : prose.downstream(u)))
          blocks.append(.equation([product, edge]))
          continue
        }
        // The local gradient, then upstream × local = downstream under it, their = in line;
        // along one of several edges back to u, this edge's share, not all of ∂L/∂u.
        let downstream: [Formula] =
          (alongEdge ? [] : [.derivative(of: .symbol("L"), withRespectTo: u)])
          + [.product([dLdy, dydu]), product, edge]
        // A later input of the node: the way was just told, the sentence names the input.
        var sentence =
          toldInputs > 0 && !alongEdge
          ? prose.localAndDownstreamAgain(u)
          : prose.localAndDownstream(y, u, alongEdge: alongEdge)
        toldInputs += 1
        // The node's first input: the sentence joins the one giving the node's gradient.
        if case .paragraph(let said)? = blocks.last, said.last == .text(prose.stop) {
          sentence = said + [.text(" ")] + sentence
          blocks.removeLast()
        }
        blocks.append(.paragraph(sentence))
        blocks.append(.system([chain, downstream]))
      }
    }
    let stepFigures = blanks.gradients ? [] : analysis.figures.filter(\.isStep)
    // The table sums up the node-by-node text; for a graph of more than a few operations
    // the step figures' captions do that, when there are step figures (the table took over a
    // page of a 26-step handout).
    if stepFigures.isEmpty || order.count <= Self.summedInTable {
      blocks += [
        .heading(level: 3, text: prose.backwardTableHeading),
        .paragraph([.text(prose.backwardTableIntro)]),
      ]
      blocks += backwardTable(order, labels: labels, evaluation: e)
    }
    // The conclusions (each input's gradient, every fan-out sum) close the node-by-node
    // text they conclude, before the step figures.
    for id in graph.inputs {
      blocks += gradientSum(id, labels: labels, evaluation: e)
    }
    if !stepFigures.isEmpty
      || (!blanks.gradients && analysis.omitted.contains(where: { $0.kind == .steps }))
    {
      blocks.append(.heading(level: 3, text: prose.stepsHeading))
      blocks += omission(.steps)
      for id in stepFigures {
        let caption = stepCaption(id, order: order, labels: labels, evaluation: e)
        blocks.append(.figure(id, alt: caption + " " + functionText, caption: caption))
      }
    }
    return blocks
  }

  /// A node whose operation was told in full at an earlier node: the rule applied, one line
  /// per input, the local gradient written as a formula of the node's operands (or result)
  /// and then in numbers: ∂L/∂u = ∂L/∂y·x = 0.5 × 2 = 1 (what flows along one of several
  /// edges starts at ∂L/∂y·∂y/∂u, being only a term of ∂L/∂u).
  private func appliedRule(
    _ node: Node, after lead: [Inline], labels: SymbolicLabels, evaluation e: Evaluation
  ) -> [Block] {
    let graph = e.graph
    let y = labels.values[node.id]
    let dLdy = Formula.derivative(of: .symbol("L"), withRespectTo: y)
    var lines: [[Formula]] = []
    for (i, inputID) in node.inputs.enumerated() where graph[inputID].op != .constant {
      let u = labels.values[inputID]
      let local = e.localGradients[node.id][i]
      // The local gradient's shortest symbolic form (exp's u₄ rather than exp(−(…))).
      let symbolic = analysis.walkedFormulas.locals[node.id][i]
        .filter { if case .number = $0 { false } else { true } }
        .min { $0.unicode().count < $1.unicode().count }
      // ∂L/∂y times the local gradient's formula (a negative one outside: −∂L/∂y·x); none
      // for a local gradient of 1, whose numbers say it.
      var chainRule: [Formula] = []
      if case .negate(let positive)? = symbolic {
        chainRule = [.negate(.product([dLdy, positive]))]
      } else if let symbolic {
        chainRule = [.product([dLdy, symbolic])]
      } else if local != 1 {
        chainRule = [.product([dLdy, number(local)])]
      }
      let product = Formula.product([gradient(e.gradient(node.id)), gradient(local)])
      let edge = gradient(e.edgeGradients[node.id][i])
      if analysis.fanIn[inputID].count > 1 {
        // One term of ∂L/∂u: ∂y/∂u says which input it goes to.
        lines.append(
          [.product([dLdy, .derivative(of: y, withRespectTo: u)])] + chainRule + [product, edge])
      } else {
        lines.append(
          [.derivative(of: .symbol("L"), withRespectTo: u)] + chainRule + [product, edge])
      }
    }
    let name =
      (node.id < operatorNames.count ? operatorNames[node.id] : nil)
      ?? prose.operatorName(node.op)
    return [
      .paragraph(lead + [.text(prose.appliedRule(name))]),
      lines.count == 1 ? .equation(lines[0]) : .system(lines),
    ]
  }

  /// A step figure's caption: which step, which node, and what it sends back along each
  /// input, upstream × local = downstream ("Step 3 of 10, the exp node: ∂L/∂x = 0.5 × 2 = 1").
  private func stepCaption(
    _ id: FigureID, order: [Node], labels: SymbolicLabels, evaluation e: Evaluation
  ) -> String {
    guard case .step(let k, let count) = id, k >= 1, k <= order.count else {
      return prose.figureCaption(id)
    }
    let node = order[k - 1]
    let name =
      (node.id < operatorNames.count ? operatorNames[node.id] : nil)
      ?? prose.operatorName(node.op)
    var sends: [String] = []
    for (i, input) in node.inputs.enumerated() where e.graph[input].op != .constant {
      let product = [
        Formula.product([number(e.gradient(node.id)), number(e.localGradients[node.id][i])]),
        number(e.edgeGradients[node.id][i]),
      ].map { $0.unicode(numbers: numbers) }.joined(separator: " = ")
      // A value used by several nodes gets one term of its gradient from each: the caption
      // says so rather than calling the term the gradient.
      let terms = analysis.fanIn[input].count
      if terms > 1 {
        sends.append(prose.stepShare(labels.values[input].unicode(), of: terms, product))
      } else {
        let derivative = Formula.derivative(of: .symbol("L"), withRespectTo: labels.values[input])
        sends.append(derivative.unicode(numbers: numbers) + " = " + product)
      }
    }
    return prose.stepCaption(k, of: count, node: name, sends: sends)
  }

  /// Up to this many operations the backward pass is summed up in a table even when the
  /// step figures' captions say the same.
  static let summedInTable = 8

  /// A fan-out sum with more terms than this is given as its total only.
  static let summedTerms = 12

  /// Up to this many operations the backward pass is told node by node; a larger graph gets
  /// one table row per edge instead.
  static let detailedNodes = 30

  /// The backward pass as a table (all of it, for a large graph): for every edge,
  /// upstream × local = downstream.
  private func backwardTable(_ order: [Node], labels: SymbolicLabels, evaluation e: Evaluation)
    -> [Block]
  {
    var rows: [[[Inline]]] = []
    for node in order {
      for (i, input) in node.inputs.enumerated() where e.graph[input].op != .constant {
        let local = e.localGradients[node.id][i]
        var edge: [Inline] = [
          .math(.derivative(of: labels.values[node.id], withRespectTo: labels.values[input]))
        ]
        // x·x: the edge of one slot, not ∂(x·x)/∂x.
        if node.inputs.count(where: { $0 == input }) > 1 {
          edge.append(.text(prose.slot(i + 1)))
        }
        let upstream = e.gradient(node.id)
        rows.append([
          edge,
          [.math(node.id == e.graph.output ? number(upstream) : gradient(upstream))],
          [.math(gradient(local))],
          [.math(gradient(e.edgeGradients[node.id][i]))],
        ])
      }
    }
    return [
      table(
        header: [
          [.text(prose.edgeColumn)], [.text(prose.upstreamColumn)],
          [.text(prose.localColumn)], [.text(prose.downstreamColumn)],
        ], rows: rows)
    ]
  }

  /// ∂L/∂u, with the fan-out sum written term by term when u feeds several nodes.
  private func gradientSum(_ id: Node.ID, labels: SymbolicLabels, evaluation e: Evaluation)
    -> [Block]
  {
    let u = labels.values[id]
    let dLdu = Formula.derivative(of: .symbol("L"), withRespectTo: u)
    let parts = analysis.fanIn[id]
    if parts.count > Self.summedTerms {
      // Too many terms to write out: the sum of them, which the backward table lists.
      return [
        .paragraph(prose.fanOut(u, edges: parts.count, nodes: analysis.users[id])),
        .equation([dLdu, gradient(e.gradient(id))]),
      ]
    }
    if blanks.gradients && parts.count > 1 {
      // Each term and the sum, blank: the reader adds what the branches passed back.
      let sum = parts.dropFirst().reduce(Formula.blank) { total, _ in .sum(total, .blank) }
      return [
        .paragraph(prose.fanOut(u, edges: parts.count, nodes: analysis.users[id])),
        .equation([dLdu, sum, .blank]),
      ]
    }
    if parts.count > 1 {
      // A negative term is subtracted: 0.512144 − 0.0357615, not 0.512144 + −0.0357615.
      let sum = parts.dropFirst().reduce(number(parts[0])) { total, term in
        term < 0 ? .difference(total, number(-term)) : .sum(total, number(term))
      }
      return [
        .paragraph(prose.fanOut(u, edges: parts.count, nodes: analysis.users[id])),
        .equation([dLdu, sum, number(e.gradient(id))]),
      ]
    }
    return [
      .paragraph(
        prose.inputResult(u) + [
          .math(
            dLdu.equals(id == e.graph.output ? number(e.gradient(id)) : gradient(e.gradient(id)))),
          .text(prose.stop),
        ])
    ]
  }

  private func compositeSection() -> [Block] {
    let labels = analysis.writtenLabels
    var blocks: [Block] = []
    for chain in analysis.composites {
      let node = compiled.graph[chain.node]
      let y = labels.values[node.id]
      let u = labels.values[node.inputs[0]]
      let chainText = chain.operations.map { prose.operatorName($0) }.joined(separator: ", ")
      var symbolic: [Formula] = [.derivative(of: y, withRespectTo: u)]
      if let product = chain.product {
        symbolic.append(product.substituting(symbols: ["u": u, "y": y]))
      }
      symbolic.append(chain.closedForm.substituting(symbols: ["u": u, "y": y]).tidied())
      // The left side: each local gradient of the chain, from the output back, multiplied;
      // or, with several paths, the gradient the expanded graph passes back.
      var left =
        chain.isChain
        ? Formula.product(chain.chainLocals.map(number)) : number(chain.throughExpansion)
      if blanks.gradients { left = .blank }
      let closedInNumbers = chain.closedForm.substituting(symbols: [
        "u": number(chain.input), "y": value(chain.output),
      ])
      blocks += [
        .heading(level: 2, text: prose.compositeTitle(node.op)),
        .paragraph([.text(prose.composite(node.op.rawValue, chainText, isChain: chain.isChain))]),
        .equation(symbolic),
        .paragraph([.text(prose.inNumbers(isChain: chain.isChain))]),
        .equation([left, closedInNumbers, gradient(chain.closed)]),
      ]
    }
    return blocks
  }

  private func derivationSection(_ text: AuthorText) -> [Block] {
    guard let derivation = analysis.derivation else { return [] }
    let y = Formula.symbol(derivation.output)
    let x = Formula.symbol(derivation.variable)
    var blocks: [Block] = [
      .heading(level: 2, text: prose.derivationHeading),
      .paragraph(prose.derivationIntro(y, x, points: derivation.points)),
    ]
    for (k, step) in derivation.steps.enumerated() {
      if k < text.steps.count, let explanation = text.steps[k] {
        blocks.append(.paragraph([.text(explanation)]))
      }
      if k == 0 {
        blocks.append(.equation([.derivative(of: y, withRespectTo: x), step]))
      } else {
        blocks.append(.equation([step], continued: true))
      }
    }
    return blocks
  }

  private func checkSection() -> [Block] {
    var rows: [[[Inline]]] = []
    var skipped: [String] = []
    for check in analysis.gradientChecks {
      switch check.outcome {
      case .skipped(let why):
        skipped.append(prose.checkSkipped(check.input, why))
      case .compared(let backprop, let estimate, let relativeError, let verdict):
        rows.append([
          [.math(.symbol(check.input))], [.math(number(backprop))], [.math(number(estimate))],
          [.math(.number(relativeError).rounded(2))],
          [.text(prose.verdict(verdict))],
        ])
      }
    }
    var blocks: [Block] = [
      .heading(level: 2, text: prose.checkHeading),
      .paragraph([.text(prose.checkIntro(GradientCheck.stepRule))]),
    ]
    guard !rows.isEmpty else { return blocks + skipped.map { .paragraph([.text($0)]) } }
    blocks.append(
      .table(
        header: [
          [.text(prose.inputColumn)], [.text(prose.backpropColumn)],
          [.text(prose.differenceColumn)],
          [.text(prose.errorColumn)], [.text(prose.verdictColumn)],
        ], rows: rows))
    return blocks + skipped.map { .paragraph([.text($0)]) }
  }

  // MARK: Helpers

  /// The last statement as text, for alt texts: `y = σ(x)`; a statement too long to read
  /// there is described by its size instead.
  var functionText: String {
    guard let last = analysis.statements.last else { return "" }
    if let formula = last.formula {
      return "\(last.name) = " + formula.unicode()
    }
    return prose.longStatement(last.name, operations: compiled.graph.operationCount)
  }

  private func figure(_ id: FigureID) -> Block {
    if !analysis.isPrintable(id) {
      return .paragraph([.text(prose.figureTooLarge(id))])
    }
    // An exercise sheet shows the figure with its blanks.
    let shown = blanks == .none ? id : .exercise(id)
    let caption = prose.figureCaption(shown)
    return .figure(shown, alt: caption + " " + functionText, caption: caption)
  }

  /// Warnings for the command line: the walk-through's tables that are left out because they
  /// are longer than ``Limits/tableRows`` (the walk-through says so where they would be).
  public var tableWarnings: [String] {
    [("forward pass", analysis.forwardRows), ("backward pass", analysis.backwardRows)]
      .filter { $0.1 > Limits.tableRows }
      .map {
        "the \($0.0) table is left out: it would have \($0.1) rows, more than the "
          + "\(Limits.tableRows) lessongen prints"
      }
  }

  /// A table, or the sentence saying why it is left out when it is longer than
  /// ``Limits/tableRows``.
  private func table(header: [[Inline]], rows: [[[Inline]]]) -> Block {
    guard rows.count <= Limits.tableRows else {
      return .paragraph([.text(prose.tableLeftOut(rows.count))])
    }
    return .table(header: header, rows: rows)
  }

  /// The sentence saying why the figure of `kind` is not drawn, if it is not.
  private func omission(_ kind: FigureKind) -> [Block] {
    analysis.omitted.filter { $0.kind == kind }.map { .paragraph([.text(prose.omitted($0))]) }
  }

  private func number(_ v: Double) -> Formula { .number(Double(numbers.format(v)) ?? v) }

  private func paragraphs(_ text: String?) -> [String] {
    guard let text else { return [] }
    return text.split(separator: "\n\n").map {
      Substring($0.split(separator: "\n").joined(separator: " ")).trimmingWhitespace()
    }.filter { !$0.isEmpty }
  }

  private func noteText(for node: Node, text: AuthorText) -> String? {
    guard let name = node.name else { return nil }
    return text.notes[name]
  }

}

extension Formula {
  /// `self = other`, for inline math: a two-formula equation chain.
  func equals(_ other: Formula) -> Formula { .equation([self, other]) }

  /// A number shown with `digits` significant digits.
  func rounded(_ digits: Int) -> Formula {
    guard case .number(let v) = self else { return self }
    return .number(Double(NumberFormat.shortest(significantDigits: digits).format(v)) ?? v)
  }
}

extension Substring {
  /// The text without leading and trailing white space, found scalar by scalar: walking a
  /// string's characters backwards re-reads a run of regional-indicator letters (flags) from
  /// its start at every step, and a paragraph of 260,000 of them took minutes.
  func trimmingWhitespace() -> String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[first...last])
  }
}
