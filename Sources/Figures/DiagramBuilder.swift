import Analysis
import Drawing
import FormulaWriting
import GraphEngine
import GraphLayout

/// Decides what one figure shows: which boxes, which wires, which labels, in which style.
struct DiagramBuilder {
  let graph: Graph
  let evaluation: Evaluation
  let theme: Theme
  let labels: LabelMode
  /// What an exercise's figure leaves empty.
  let blanks: Blanks
  let symbolic: SymbolicLabels
  let formulas: NodeFormulas
  let outputDefinition: Formula?
  /// What every figure of this graph shares, worked out once (a sequence has up to 60 steps):
  /// the backward order, the folded constants, each node's users and how many edges use it.
  let order: [Node.ID]
  let folded: [Node.ID: (consumer: Node.ID, side: Int)]
  let consumers: [[Node.ID]]
  let uses: [Int]

  /// - Parameter figure: the graph with its labels and formulas, from the analysis.
  init(figure: FigureGraph, theme: Theme, labels: LabelMode, blanks: Blanks = .none) {
    self.blanks = blanks
    self.graph = figure.evaluation.graph
    self.evaluation = figure.evaluation
    self.theme = theme
    self.labels = labels
    self.symbolic = figure.labels
    self.formulas = figure.formulas
    self.outputDefinition = figure.outputDefinition
    order = LessonAnalysis.backwardOrder(graph)
    folded = Self.foldedConstants(graph, theme: theme)
    consumers = graph.consumers
    // Every edge out of a node sent back one contribution.
    uses = figure.evaluation.contributions.map(\.count)
  }

  /// - Parameters:
  ///   - gradients: whether the figure shows the backward pass.
  ///   - processed: for a step figure, how many nodes the backward pass has processed; the
  ///     last of them is highlighted. nil: all of them.
  ///   The legend is worked out for the first figure of a sequence only (it is the same in
  ///   all of them); the composer gives it to the others.
  func diagram(title: String, gradients: Bool, processed: Int? = nil) -> Diagram {
    var diagram = Diagram(title: title)
    let done = Set(order.prefix(processed ?? order.count))
    let current = processed.flatMap { $0 > 0 && $0 <= order.count ? order[$0 - 1] : nil }
    let colah = theme.placement == .inNodes
    let pending = Set(order).subtracting(done)

    // A value used along several edges gets a branch point, as DLFS draws its branch node:
    // its wire carries the value and the summed gradient, the branches each one's share.
    var branchOf = [Int?](repeating: nil, count: graph.nodes.count)
    var boxOf = [Int?](repeating: nil, count: graph.nodes.count)
    var stemDrawn = Set<Int>()
    for node in graph.nodes where folded[node.id] == nil {
      // An input's gradient is complete once every node using it has passed its part back.
      let showGradient =
        gradients
        && (node.op.isLeaf
          ? !consumers[node.id].contains { pending.contains($0) } : done.contains(node.id))
      var box: Diagram.Box
      if colah {
        // colah draws every node, inputs included, as an ellipse holding its text.
        box = Diagram.Box(
          kind: .operation,
          text: colahText(node, values: labels != .symbolic, gradient: showGradient))
      } else {
        switch node.op {
        case .input:
          // DLFS writes a lone input's name on its wire; a name that fans out stays at the
          // start of its wires.
          let hidden =
            labels == .symbolic && theme.namesLoneInputOnWire && consumers[node.id].count == 1
          box = Diagram.Box(
            kind: .input,
            text: hidden
              ? nil : text(PangoMarkupDialect.symbol(node.name ?? ""), theme.inputFont, .black))
        case .constant:
          box = Diagram.Box(
            kind: .constant,
            text: text(OperatorText.constant(node.parameter), theme.labelFont, theme.valueColor))
        default:
          box = Diagram.Box(
            kind: .operation,
            text: text(
              PangoMarkupDialect.escape(operatorText(node, folded: folded)), theme.operatorFont,
              theme.operatorColor))
        }
      }
      box.highlighted = node.id == current
      box.id = graph.traceID(node.id)
      box.role = node.op == .input ? .input : node.op == .constant ? .constant : .operation
      boxOf[node.id] = diagram.boxes.count
      diagram.boxes.append(box)
      if !colah && uses[node.id] > 1 && node.op != .constant {
        branchOf[node.id] = diagram.boxes.count
        diagram.boxes.append(
          Diagram.Box(kind: .branch, id: "#branch" + graph.traceID(node.id), text: nil))
      }
    }

    for node in graph.nodes {
      guard let to = boxOf[node.id] else { continue }
      for (i, input) in node.inputs.enumerated() {
        guard var from = boxOf[input] else { continue }
        let source = graph[input]
        if let branch = branchOf[input] {
          if stemDrawn.insert(branch).inserted {
            // The stem: the value, and the gradient once every branch has passed its part.
            let complete = !consumers[input].contains { pending.contains($0) }
            diagram.edges.append(
              Diagram.Edge(
                from: from, to: branch, above: valueLabel(input),
                below: gradientLabel(
                  numeric: evaluation.gradient(input), formula: symbolic.gradients[input],
                  color: theme.gradientColor),
                showBelow: gradients && complete, weight: 1, arrowhead: false))
          }
          from = branch
        }
        var edge = Diagram.Edge(
          from: from, to: to, showBelow: gradients && done.contains(node.id), weight: 1)
        if source.op == .constant && !colah {
          edge.weight = 0.01
        } else if colah {
          // No local derivative with respect to a constant (∂(1 − t)/∂1 means nothing).
          edge.box = gradients && source.op != .constant ? localDerivative(node, input: i) : nil
        } else {
          edge.above = valueLabel(input)
          let marks = node.op.descriptor.operandMarks
          if i < marks.count, let mark = marks[i] {
            edge.mark = text(mark, theme.labelFont, theme.valueColor)
          }
          let color = node.id == current ? theme.highlightText : theme.gradientColor
          edge.below = gradientLabel(
            numeric: evaluation.edgeGradients[node.id][i],
            formula: symbolic.edges[node.id][i], color: color)
        }
        diagram.edges.append(edge)
      }
    }

    if !colah, let out = boxOf[graph.output] {
      diagram.boxes.append(Diagram.Box(kind: .sink, id: "#output", role: .output, text: nil))
      diagram.edges.append(
        Diagram.Edge(
          from: out, to: diagram.boxes.count - 1, above: valueLabel(graph.output),
          below: gradientLabel(
            numeric: evaluation.upstream, formula: symbolic.seed, color: theme.gradientColor,
            given: true),
          showBelow: gradients, weight: 1))
    }
    // colah's short names are each defined in their own node (u₁ = a + b): no legend.
    if (processed ?? 1) == 1 && !colah { diagram.legend = legend(for: diagram) }
    return diagram
  }

  // MARK: Legend

  /// A line for each short name (`u₁`) that one of the diagram's texts uses, saying what it
  /// stands for: every name a figure uses is defined in it.
  private func legend(for diagram: Diagram) -> [Diagram.Text] {
    guard !symbolic.abbreviations.isEmpty else { return [] }
    var texts: [String] = diagram.boxes.compactMap { $0.text?.markup }
    for edge in diagram.edges {
      texts += [edge.above, edge.below, edge.box].compactMap { $0?.markup }
    }
    // Every whole name the texts show (u₁ is not inside u₁₂), found in one pass: a figure of
    // a thousand-term sum has a thousand short names and three thousand texts.
    var shown: Set<String> = []
    for text in texts.map(PangoMarkupDialect.plainText) {
      var name = ""
      for c in text {
        if c.isLetter || c.isNumber || c == "_" {
          name.append(c)
        } else if !name.isEmpty {
          shown.insert(name)
          name = ""
        }
      }
      if !name.isEmpty { shown.insert(name) }
    }
    return symbolic.abbreviations.compactMap { name, value in
      guard shown.contains(name.unicode()) else { return nil }
      return text(formula(name) + " = " + formula(value), theme.labelFont, theme.secondaryColor)
    }
  }

  // MARK: Constants

  /// The constants folded into their consumer's gate (CS231n, colah), each with its side.
  static func foldedConstants(_ graph: Graph, theme: Theme) -> [Node.ID: (
    consumer: Node.ID, side: Int
  )] {
    guard theme.constants == .folded else { return [:] }
    var result: [Node.ID: (consumer: Node.ID, side: Int)] = [:]
    for node in graph.nodes where node.inputs.count == 2 {
      let kinds = node.inputs.map { graph[$0].op == .constant }
      for side in [1, 0] where kinds[side] && !kinds[1 - side] {
        let c = graph[node.inputs[side]].parameter
        if OperatorText.folded(node, constant: c, side: side) != nil {
          result[node.inputs[side]] = (node.id, side)
          break
        }
      }
    }
    return result
  }

  private func operatorText(_ node: Node, folded: [Node.ID: (consumer: Node.ID, side: Int)])
    -> String
  {
    Self.operatorText(node, graph: graph, theme: theme, folded: folded)
  }

  /// The text in an operation node: the theme's sign or gate, with a folded constant.
  static func operatorText(
    _ node: Node, graph: Graph, theme: Theme, folded: [Node.ID: (consumer: Node.ID, side: Int)]
  ) -> String {
    for (side, input) in node.inputs.enumerated() where folded[input]?.consumer == node.id {
      if let text = OperatorText.folded(node, constant: graph[input].parameter, side: side) {
        return text
      }
    }
    return OperatorText.symbol(node, theme: theme)
  }

  // MARK: Labels

  private func text(_ markup: String, _ font: Font, _ color: Color) -> Diagram.Text {
    Diagram.Text(markup: markup, font: font, color: color)
  }

  private func number(_ v: Double) -> String {
    PangoMarkupDialect.number(theme.numbers.format(v))
  }

  /// Numbers inside formulas are written exactly (`1/(…)`); the style's number format
  /// (CS231n's two decimals) is for numeric labels.
  private let formulaWriter = LinearFormulaWriter<PangoMarkupDialect>(
    numbers: .shortest(significantDigits: 6))

  private func formula(_ f: Formula) -> String {
    formulaWriter.write(f)
  }

  /// The formula, the number, or the formula over the number in a smaller grey line.
  private func combined(_ f: Formula, _ v: Double) -> String {
    switch labels {
    case .numeric: return number(v)
    case .symbolic: return formula(f)
    case .both:
      if case .number = f { return number(v) }
      return formula(f) + "\n" + secondary(number(v))
    }
  }

  private func secondary(_ markup: String) -> String {
    "<span font_desc=\"\(theme.secondaryFont)\" foreground=\"\(theme.secondaryColor)\">"
      + markup + "</span>"
  }

  /// The label above a node's outgoing wire. A named intermediate or output is named in every
  /// mode (`q = 3`); the output's defining expression is stacked under its name with a
  /// rotated equals sign, as DLFS does (`y ‖ 1/(1 + exp(−x))`).
  private func valueLabel(_ id: Node.ID) -> Diagram.Text {
    let node = graph[id]
    if blanks.values && !node.op.isLeaf { return blank(theme.valueColor) }
    let named = node.name != nil && node.op != .input
    var markup = combined(symbolic.values[id], evaluation.value(id))
    if named && labels == .numeric {
      markup = formula(symbolic.values[id]) + " = " + markup
    }
    if id == graph.output && labels != .numeric, let definition = outputDefinition {
      let lines = markup.split(separator: "\n", maxSplits: 1).map(String.init)
      markup = ([lines[0], "‖", formula(definition)] + lines.dropFirst()).joined(separator: "\n")
    }
    return text(markup, theme.labelFont, theme.valueColor)
  }

  /// A gradient's label; on an exercise's figure an empty box unless it is `given` (the
  /// seed).
  private func gradientLabel(numeric: Double, formula f: Formula, color: Color, given: Bool = false)
    -> Diagram.Text
  {
    if blanks.gradients && !given { return blank(color) }
    // The gradient a step has just computed, in bold too: its colour alone printed lighter
    // than the others' in grey, the emphasis reversed.
    let markup = combined(f, numeric)
    return text(
      color == theme.highlightText ? "<b>" + markup + "</b>" : markup, theme.gradientFont, color)
  }

  /// An empty box as wide as a six-digit number, in `color`.
  private func blank(_ color: Color) -> Diagram.Text {
    // Measured in a larger size than the labels: room to write a number by hand.
    var font = theme.labelFont
    font.size *= 1.4
    var t = text(PangoMarkupDialect.number("−0.000000"), font, color)
    t.blank = true
    return t
  }

  /// colah's node: `c = a + b`, then `c = 3`, then `∂e/∂c = 2` once the backward pass got there.
  private func colahText(_ node: Node, values: Bool, gradient: Bool) -> Diagram.Text {
    let label = formula(symbolic.values[node.id])
    var lines: [String] = []
    let definition = formula(formulas.tidiedDefinitions[node.id])
    switch node.op {
    case .constant:
      // A number is its own value, and nothing is differentiated with respect to it.
      return text(label, theme.operatorFont, .black)
    case .input:
      lines.append(values ? label + " = " + number(evaluation.value(node.id)) : label)
    default:
      // A value given a short name (u₁, too long to write on every edge) says so.
      let named =
        node.name != nil || symbolic.values[node.id] != formulas.tidiedDefinitions[node.id]
      lines.append(named ? label + " = " + definition : definition)
      if values {
        let value = blanks.values ? PangoMarkupDialect.blank : number(evaluation.value(node.id))
        lines.append((named ? label : "") + " = " + value)
      }
    }
    if gradient {
      let g =
        "∂" + PangoMarkupDialect.symbol(graph.outputName) + "/∂"
        + formulaWriter.write(
          symbolic.values[node.id], context: 5)
      var line = g
      let gradient = symbolic.gradients[node.id]
      if blanks.gradients && node.id != graph.output {
        line += " = " + PangoMarkupDialect.blank
      } else if labels != .symbolic || node.id == graph.output {
        line += " = " + number(evaluation.gradient(node.id))
      } else if case .derivative = gradient {
        // Already ∂e/∂c itself: nothing more to say symbolically.
      } else {
        line += " = " + formula(gradient)
      }
      // Upright: the line says ∂e/∂c =, so it reads as a gradient in grey too (italic would
      // slant the exp of ∂e/∂exp(−x)).
      lines.append("<span foreground=\"\(theme.gradientColor)\">" + line + "</span>")
    }
    return text(lines.joined(separator: "\n"), theme.operatorFont, .black)
  }

  /// colah's edge box: `∂c/∂a = 1` (symbolic: `∂e/∂c = d`).
  private func localDerivative(_ node: Node, input i: Int) -> Diagram.Text {
    let writer = formulaWriter
    // ∂y/∂x on the edge into the output y would be the same symbol as the ∂y/∂x in x's node,
    // a different number when x is used elsewhere too (the local derivative against the
    // total): the edge writes y by its definition, ∂(x·w + x)/∂x.
    let input = node.inputs[i]
    let consumer =
      node.id == graph.output && uses[input] > 1
      ? formulas.tidiedDefinitions[node.id] : symbolic.values[node.id]
    let head =
      "∂" + writer.write(consumer, context: 5) + "/∂"
      + writer.write(symbolic.values[input], context: 5)
    // The preferred form: in the result where the textbooks write it so.
    let local = formulas.locals[node.id][i].last ?? 0
    let value = number(evaluation.localGradients[node.id][i])
    var body: String
    switch labels {
    case .numeric: body = value
    case .symbolic: body = writer.write(local)
    case .both:
      if case .number = local { body = value } else { body = writer.write(local) + " = " + value }
    }
    if blanks.gradients { body = PangoMarkupDialect.blank }
    return text(head + " = " + body, theme.labelFont, .black)
  }
}
