public import Analysis
import Drawing
import FormulaWriting
public import GraphEngine

/// The graph of a lesson of vectors and matrices, as DLFS draws its Affine layer (Fig. 5-25):
/// each wire labelled with its value's name and shape above (`X (2,)`, `W (2, 3)`) and its
/// gradient's below (`∂L/∂X (2,)`), and, when the value is small (at most 4 × 6: ``GraphEngine/Shape/isWrittenOut``), the matrix
/// itself under its name and the gradient's matrix under its. A value used along several
/// edges gets a branch point whose stem carries the summed gradient, as in the scalar
/// figures.
public enum TensorFigure {
  /// A house style as lessons of vectors and matrices draw it: colah writes values inside
  /// its nodes, which a matrix does not fit, so its wires carry them as DLFS's do, in
  /// colah's colours; CS231n's two decimals made every entry of a small gradient 0.01, so
  /// three significant digits.
  public static func adapted(_ theme: Theme) -> Theme {
    var adapted = theme
    if adapted.placement == .inNodes {
      adapted.placement = Theme.dlfs.placement
      adapted.direction = Theme.dlfs.direction
      adapted.edgeBox = nil
    }
    if case .fixed = adapted.numbers { adapted.numbers = .shortest(significantDigits: 3) }
    return adapted
  }

  /// Draws the whole graph with its forward values and backward gradients: the lesson's
  /// `graph` figure, or (given the expanded graph's evaluation) its `expanded` one; with
  /// `geometry`, the scene records where everything went (`lessongen layout`).
  public static func compose(
    _ evaluation: TensorEvaluation, theme: Theme, measurer: any TextMeasuring,
    labels: LabelMode = .numeric, title: String, id: FigureID = .graph, geometry: Bool = false,
    blanks: Blanks = .none, reusing lessonNames: WireNames? = nil
  ) -> Figure {
    let theme = adapted(theme)
    var builder = Builder(
      evaluation: evaluation, theme: theme, labels: labels, reusing: lessonNames)
    builder.blanks = blanks
    var composer = SceneComposer(theme: theme, measurer: measurer)
    composer.recordsGeometry = geometry
    let scene = composer.compose(builder.diagram(title: title))
    return Figure(id: id, scene: scene)
  }

  /// The backward pass step by step, on the graph `evaluation` holds: one figure per
  /// operation, the gradients filled in as far as that node, the node highlighted; the
  /// figures share one layout.
  public static func steps(
    _ evaluation: TensorEvaluation, theme: Theme, measurer: any TextMeasuring,
    labels: LabelMode = .numeric, title: (Int, Int) -> String, geometry: Bool = false
  ) -> [Figure] {
    let theme = adapted(theme)
    let builder = Builder(evaluation: evaluation, theme: theme, labels: labels)
    let count = LessonAnalysis.backwardOrder(evaluation.graph).count
    let diagrams = (1...max(1, count)).map {
      builder.diagram(title: title($0, count), processed: $0)
    }
    var composer = SceneComposer(theme: theme, measurer: measurer)
    composer.recordsGeometry = geometry
    let scenes = composer.compose(sequence: diagrams)
    return scenes.enumerated().map { k, scene in
      Figure(id: .step(k + 1, of: count), scene: scene)
    }
  }

  /// A matrix as lines of text: a vector in brackets on one line, a matrix with the bracket
  /// pieces ⎡ ⎢ ⎣ and ⎤ ⎥ ⎦ around its rows; each column right-aligned with spaces. The
  /// lines are set in a monospaced face (``monospaced(_:)``): with proportional figures a
  /// minus sign or a point is narrower than the padding, and the brackets and columns went
  /// out of line by half a digit.
  static func matrixLines(_ t: Tensor, format: NumberFormat) -> [String] {
    let texts = t.elements.map { String(format.format($0).map { $0 == "-" ? "−" : $0 }) }
    guard t.shape.rank == 2 else {
      return ["[" + texts.joined(separator: "  ") + "]"]
    }
    let (rows, columns) = (t.shape.dimensions[0], t.shape.dimensions[1])
    var widths = [Int](repeating: 0, count: columns)
    for (k, text) in texts.enumerated() {
      widths[k % columns] = max(widths[k % columns], text.count)
    }
    return (0..<rows).map { i in
      let cells = (0..<columns).map { j -> String in
        let text = texts[i * columns + j]
        return String(repeating: " ", count: widths[j] - text.count) + text
      }
      let (open, close) =
        rows == 1 ? ("[", "]") : i == 0 ? ("⎡", "⎤") : i == rows - 1 ? ("⎣", "⎦") : ("⎢", "⎥")
      return open + cells.joined(separator: "  ") + close
    }
  }

  /// Lines of a matrix as markup in DejaVu Sans Mono, the monospaced face installed with
  /// Cairo's fonts.
  static func monospaced(_ lines: [String]) -> String {
    "<span font_family=\"DejaVu Sans Mono\" size=\"92%\">"
      + PangoMarkupDialect.escape(lines.joined(separator: "\n")) + "</span>"
  }

  /// numpy's shape, `(2,)` or `(2, 3)`; a number's is not written.
  static func shapeText(_ shape: Shape) -> String {
    shape.isScalar ? "" : " " + shape.description
  }

  struct Builder {
    let evaluation: TensorEvaluation
    let theme: Theme
    /// Numbers (the matrices), formulas (∂L/∂X = ∂L/∂Y·Wᵀ, no numbers) or both.
    var labels: LabelMode = .numeric
    /// The nodes whose rows are a batch, written N in formulas (``batchRows(_:shapes:)``);
    /// none with numeric labels.
    var batch: Set<Node.ID> = []
    /// What each wire is called, as the text calls it (``Analysis/Graph/wireNames(shapes:reusing:)``).
    let wires: WireNames
    /// An exercise's blanks: every gradient but the seed ∂L/∂L (and the forward values but
    /// the inputs') an empty box per element.
    var blanks = Blanks.none
    var graph: Graph { evaluation.graph }
    /// How each mean's count is written (``counts(_:shapes:batch:labels:)``).
    var counts: (written: [Node.ID: Formula], legend: [Formula]) = ([:], [])

    /// - Parameter lessonNames: for the expanded graph, the lesson's own wire names, which
    ///   it keeps where it can (``Analysis/Graph/wireNames(shapes:reusing:)``).
    init(
      evaluation: TensorEvaluation, theme: Theme, labels: LabelMode,
      reusing lessonNames: WireNames? = nil
    ) {
      self.evaluation = evaluation
      self.theme = theme
      self.labels = labels
      wires = evaluation.graph.wireNames(
        shapes: evaluation.values.map(\.shape), reusing: lessonNames)
      if labels != .numeric {
        batch = TensorFigure.batchRows(evaluation.graph, shapes: evaluation.values.map(\.shape))
      }
      counts = Self.counts(
        evaluation.graph, shapes: evaluation.values.map(\.shape), batch: batch, labels: labels)
    }

    /// The gradients' formulas (``TensorGradientFormula``).
    var formulas: TensorGradientFormula {
      TensorGradientFormula(
        graph: graph, shapes: evaluation.values.map(\.shape), name: { nameFormula($0) },
        batch: batch, counts: counts.written)
    }

    /// How the count each mean divides by (``GraphEngine/TensorRule/averagesOver``) is
    /// written in symbolic labels, with no number in them: a batch's N when it is the
    /// batch's rows, else n (n₂, n₃ for other counts), which the legend defines (`n = 6`,
    /// `n = N·2` for every element of a batch). Empty with numeric labels.
    static func counts(
      _ graph: Graph, shapes: [Shape], batch: Set<Node.ID>, labels: LabelMode
    ) -> (written: [Node.ID: Formula], legend: [Formula]) {
      guard labels != .numeric else { return ([:], []) }
      var written: [Node.ID: Formula] = [:]
      var named: [String: Formula] = [:]
      var legend: [Formula] = []
      // n, unless the lesson names a value n (u₁'s rule: never a name the lesson uses).
      let taken = Set(graph.nodes.compactMap(\.name))
      let base = ["n", "m", "count"].first { !taken.contains($0) } ?? "n"
      for node in graph.nodes {
        guard node.inputs.count == 1, let averagesOver = node.op.tensorRule.averagesOver
        else { continue }
        let x = shapes[node.inputs[0]]
        let n = averagesOver(
          GradientShapes(
            inputs: node.inputs.map { shapes[$0] }, output: shapes[node.id],
            k: node.parameter))
        let isBatch = batch.contains(node.inputs[0]) && x.rank >= 1
        // Over the batch's rows themselves (every element of a batch's vector, or axis 0 of
        // its matrix), by the axis, not by the number (a row of 3 of a batch of 3 is not N).
        let overRows =
          node.op.descriptor.axis == nil
          ? x.rank == 1 : AxisParameter(node.parameter).index(in: x) == 0
        if isBatch && overRows {
          written[node.id] = .symbol("N")
          continue
        }
        // Every element of a batch: N rows of the rest.
        let value: Formula =
          isBatch && x.rank == 2 && n == x.count
          ? .product([.symbol("N"), .number(Double(x.dimensions[1]))]) : .number(Double(n))
        // One symbol for one definition (n = N·2 and n = 6 are not the same count).
        let key = value.unicode()
        if let symbol = named[key] {
          written[node.id] = symbol
          continue
        }
        let symbol = Formula.symbol(named.isEmpty ? base : "\(base)\(named.count + 1)")
        named[key] = symbol
        written[node.id] = symbol
        legend.append(.equation([symbol, value]))
      }
      return (written, legend)
    }

    func text(_ markup: String, _ color: Color) -> Diagram.Text {
      Diagram.Text(markup: markup, font: theme.labelFont, color: color)
    }

    /// What a value is called on its wire: its name, or for an unnamed node the formula of
    /// its operands' names when that is short (`X·W`), else its short name (`u₁`).
    func name(_ id: Node.ID) -> String? {
      let node = graph[id]
      if let name = node.name { return PangoMarkupDialect.symbol(name) }
      if node.op == .constant {
        return PangoMarkupDialect.number(theme.numbers.format(node.parameter))
      }
      return nameFormula(id).map {
        LinearFormulaWriter<PangoMarkupDialect>(numbers: .shortest(significantDigits: 6))
          .write($0)
      }
    }

    /// ``name(_:)`` as a formula: the node's name, a constant's number, the formula of its
    /// operands' names when that is short enough to name a wire (`X·W₁ + b₁`, `repeat(b₁, N)`),
    /// else its short name (`u₁`, defined in the legend).
    func nameFormula(_ id: Node.ID) -> Formula? {
      let node = graph[id]
      if node.op.role == .rowCopies && batch.contains(id) && !wires.isShort(id) {
        // N copies.
        return .call(node.op, [wires.names[node.inputs[0]], .symbol("N")])
      }
      return wires.names[id]
    }

    /// A line for each short name the figure uses, in the figure's names (a batch's rows N):
    /// u₁ = X·W + repeat(b, N).
    func legend() -> [Diagram.Text] {
      let writer = LinearFormulaWriter<PangoMarkupDialect>(numbers: .shortest(significantDigits: 6))
      let shapes = evaluation.values.map(\.shape)
      let names = wires.shortNames.map { short in
        let node = graph[short.id]
        let operands = node.inputs.map { nameFormula($0) ?? wires.names[$0] }
        // A bias repeated over a batch: N copies, as its wire's shape says (N, 3).
        let definition =
          node.op.role == .rowCopies && batch.contains(short.id)
          ? .call(node.op, [operands[0], .symbol("N")])
          : graph.valueFormula(short.id, operands: operands, shapes: shapes)
        return text(
          writer.write(.equation([.symbol(short.name), definition])), theme.secondaryColor)
      }
      return names + counts.legend.map { text(writer.write($0), theme.secondaryColor) }
    }

    /// An exercise's blank: `heading`, then a box per element of a value of `shape` of at
    /// most 9 elements (a 3 × 3 matrix's), one box for a larger one (its placeholder 2 rows of
    /// 3), each as large as a six-digit number written by hand.
    func blankLabel(_ heading: String, _ shape: Shape, _ color: Color) -> Diagram.Text {
      let rows = shape.rank == 2 ? shape.dimensions[0] : 1
      let columns = shape.dimensions.last ?? 1
      let each = shape.count <= 9
      let cells = [String](repeating: "−0.00000", count: each ? columns : 3)
      let lines = [String](
        repeating: " " + cells.joined(separator: "  ") + " ", count: each ? rows : 2)
      // Taller lines than a matrix's: room to write in each box, and a gap between rows.
      let placeholder =
        "<span font_family=\"DejaVu Sans Mono\" line_height=\"1.7\">"
        + PangoMarkupDialect.escape(lines.joined(separator: "\n")) + "</span>"
      var label = text(heading + "\n" + placeholder, color)
      label.grid = Diagram.Text.Grid(rows: each ? rows : 1, columns: each ? columns : 1)
      return label
    }

    /// The value's label: name and shape, then the matrix if it is small.
    func valueLabel(_ id: Node.ID) -> Diagram.Text {
      let value = evaluation.values[id]
      let head =
        (name(id) ?? "") + TensorFigure.shapeText(value.shape, batch: batch.contains(id))
      if blanks.values && !graph[id].op.isLeaf {
        return blankLabel(
          head.isEmpty ? value.shape.description : head, value.shape, theme.valueColor)
      }
      return text(lines(head, value), theme.valueColor)
    }

    /// The gradient's name: ∂L/∂X, of a formula ∂L/∂(X·W) (the formula writers' rule, so
    /// that it reads as the gradient formulas write it: ∂L/∂repeat(x, 3) as ∂L/∂exp(−x)).
    func gradientName(_ id: Node.ID) -> String {
      guard let name = nameFormula(id) else { return "∂<i>L</i>/∂·" }
      return LinearFormulaWriter<PangoMarkupDialect>(numbers: .shortest(significantDigits: 6))
        .write(.derivative(of: .symbol("L"), withRespectTo: name))
    }

    /// A gradient's label: ∂L/∂name, in symbolic labels ` = ` its formula, and the shape;
    /// then, unless symbolic, the matrix if it is small. A `share` (one branch of a value
    /// used several times) is not ∂L/∂name, which is the branches' sum on the stem: it is
    /// written by its formula or its shape alone, as the scalar figures write a branch's
    /// number alone.
    func gradientLabel(
      _ id: Node.ID, _ gradient: Tensor, formula: String? = nil, share: Bool = false,
      given: Bool = false
    ) -> Diagram.Text {
      var head = share ? "" : gradientName(id)
      var shape = TensorFigure.shapeText(gradient.shape, batch: batch.contains(id))
      if blanks.gradients && !given {
        // The answer's formula is left out too: it is the answer.
        var label = blankLabel(
          share ? String(shape.drop { $0 == " " }) : head + shape, gradient.shape,
          theme.gradientColor)
        label.font = theme.gradientFont
        return label
      }
      if labels != .numeric, let formula {
        // The shape on a line of its own under a formula (`…·Wᵀ (2,)` read as a call).
        head += share ? formula : " = " + formula
        if !shape.isEmpty { shape = "\n" + shape.dropFirst() }
      } else if share {
        shape = String(shape.drop { $0 == " " })
      }
      var label = text(lines(head + shape, gradient), theme.gradientColor)
      label.font = theme.gradientFont
      return label
    }

    /// The style's numbers (three significant digits in CS231n's: ``adapted(_:)``).
    var numbers: NumberFormat { theme.numbers }

    func lines(_ head: String, _ t: Tensor) -> String {
      if labels == .symbolic && !head.isEmpty { return head }
      if t.shape.isScalar {
        return head.isEmpty
          ? PangoMarkupDialect.number(numbers.format(t.scalar))
          : head + " = " + PangoMarkupDialect.number(numbers.format(t.scalar))
      }
      guard t.shape.isWrittenOut else { return head }
      return head + "\n" + TensorFigure.monospaced(TensorFigure.matrixLines(t, format: numbers))
    }

    /// Under an op along an axis, the axis as numpy writes it (`axis=1`, `axis=0, keepdims`);
    /// nil for another op, or an axis the op takes when none is written (softmax's last).
    func axisNote(_ node: Node) -> String? {
      guard let use = node.op.descriptor.axis, node.parameter != use.absent else { return nil }
      let p = AxisParameter(node.parameter)
      guard let axis = p.axis else { return nil }
      return "axis=" + (axis < 0 ? "−\(-axis)" : "\(axis)") + (p.keepsDims ? ", keepdims" : "")
    }

    /// A matrix product's dimension check, as CS231n teaches it: the inner sizes agree and
    /// the outer ones make the result, `(2×2)·(2×3) → 2×3`; nil for any other op.
    func dimensionCheck(_ node: Node) -> String? {
      guard node.op.multipliesMatrices else { return nil }
      // With formulas, a batch's rows as N: (N×2)·(2×3) → N×3.
      func written(_ shape: Shape, _ id: Node.ID) -> String {
        shape.dimensions.enumerated().map { k, size in
          k == 0 && shape.rank == 2 && batch.contains(id) ? "<i>N</i>" : String(size)
        }.joined(separator: "×")
      }
      let a = evaluation.values[node.inputs[0]].shape
      let b = evaluation.values[node.inputs[1]].shape
      let product = evaluation.values[node.id].shape  // Affine's bias keeps it.
      // A vector as its wires write it, (2,).
      func factor(_ shape: Shape, _ id: Node.ID) -> String {
        shape.rank == 1 ? shape.description : "(" + written(shape, id) + ")"
      }
      let result =
        product.isScalar
        ? "1" : product.rank == 1 ? product.description : written(product, node.id)
      return factor(a, node.inputs[0]) + "·" + factor(b, node.inputs[1]) + " → " + result
    }

    /// - Parameter processed: for a step figure, how many nodes the backward pass has
    ///   processed (the last highlighted); nil: all.
    func diagram(title: String, processed: Int? = nil) -> Diagram {
      var diagram = Diagram(title: title)
      // As the scalar figures: the legend once, on the graph and a sequence's first step.
      if (processed ?? 1) == 1 { diagram.legend = legend() }
      let order = LessonAnalysis.backwardOrder(graph)
      let done = Set(order.prefix(processed ?? order.count))
      let current = processed.flatMap { $0 > 0 && $0 <= order.count ? order[$0 - 1] : nil }
      let consumers = graph.consumers
      var uses = [Int](repeating: 0, count: graph.nodes.count)
      for node in graph.nodes { for input in node.inputs { uses[input] += 1 } }
      var boxOf = [Int](repeating: 0, count: graph.nodes.count)
      var branchOf = [Int?](repeating: nil, count: graph.nodes.count)
      for node in graph.nodes {
        var box: Diagram.Box
        switch node.op {
        case .input:
          box = Diagram.Box(
            kind: .input,
            text: Diagram.Text(
              markup: PangoMarkupDialect.symbol(node.name ?? ""), font: theme.inputFont,
              color: .black))
          box.role = .input
        case .constant:
          box = Diagram.Box(
            kind: .constant,
            text: text(OperatorText.constant(node.parameter), theme.valueColor))
          box.role = .constant
        default:
          // Two arrays multiplied element by element: ⊙, as the text writes them (a gate
          // keeps numpy's *).
          let hadamard =
            theme.operators != .gates
            && graph.isHadamard(node.id, shapes: evaluation.values.map(\.shape))
          let symbol = hadamard ? "⊙" : OperatorText.symbol(node, theme: theme)
          var markup = PangoMarkupDialect.escape(symbol)
          if let check = dimensionCheck(node) ?? axisNote(node) {
            markup += "\n<span size=\"72%\">" + check + "</span>"
          }
          box = Diagram.Box(
            kind: .operation,
            text: Diagram.Text(
              markup: markup, font: theme.operatorFont, color: theme.operatorColor))
          // A layer's name (Affine, MatMul, Softmax-with-Loss) in a rounded rectangle, as
          // DLFS draws its layers; operators and short names (`exp`) stay in circles.
          // Sum and Repeat alike (DLFS 2 §1.3.4): every op of shaped values is a layer.
          box.layer =
            markup != PangoMarkupDialect.escape(symbol) || node.op.descriptor.tensor != nil
            || (symbol.count > 3 && symbol.allSatisfy { $0.isLetter || $0 == "-" || $0 == " " })
        }
        box.id = graph.traceID(node.id)
        box.highlighted = node.id == current
        boxOf[node.id] = diagram.boxes.count
        diagram.boxes.append(box)
        if uses[node.id] > 1 && node.op != .constant {
          branchOf[node.id] = diagram.boxes.count
          diagram.boxes.append(
            Diagram.Box(kind: .branch, id: "#branch" + graph.traceID(node.id), text: nil))
        }
      }
      var stemDrawn = Set<Int>()
      for node in graph.nodes {
        for (i, input) in node.inputs.enumerated() {
          var from = boxOf[input]
          if let branch = branchOf[input] {
            if stemDrawn.insert(branch).inserted {
              // The summed gradient, once every use has sent its part back.
              let complete = consumers[input].allSatisfy { done.contains($0) }
              diagram.edges.append(
                Diagram.Edge(
                  from: from, to: branch, above: valueLabel(input),
                  below: gradientLabel(input, evaluation.shownGradient(input)),
                  showBelow: complete, weight: 1, arrowhead: false))
            }
            from = branch
          }
          // Labels t of a loss get no gradient, as in DLFS: nothing learns them; a constant
          // is a short stub whose box shows its number.
          let constant = graph[input].op == .constant
          let label = node.op.isLabelSlot(i) || constant
          var below =
            label
            ? nil
            : gradientLabel(
              input, evaluation.shownEdgeGradient(node.id, i),
              formula: labels == .numeric || name(node.id) == nil
                ? nil : formulas.text(node, input: i), share: branchOf[input] != nil)
          if node.id == current {
            // In bold too: its colour alone printed lighter than the others' in grey.
            below?.color = theme.highlightText
            if let markup = below?.markup { below?.markup = "<b>" + markup + "</b>" }
          }
          var edge = Diagram.Edge(
            from: from, to: boxOf[node.id], above: constant ? nil : valueLabel(input),
            below: below, showBelow: !label && done.contains(node.id),
            weight: constant ? 0.01 : 1)
          let marks = node.op.descriptor.operandMarks
          if i < marks.count, let mark = marks[i] {
            edge.mark = text(mark, theme.valueColor)
          }
          diagram.edges.append(edge)
        }
      }
      diagram.boxes.append(Diagram.Box(kind: .sink, id: "#output", role: .output, text: nil))
      diagram.edges.append(
        Diagram.Edge(
          from: boxOf[graph.output], to: diagram.boxes.count - 1,
          above: valueLabel(graph.output),
          below: gradientLabel(graph.output, evaluation.upstream, given: true), showBelow: true,
          weight: 1))
      // A matrix of several rows above a wire ends in a bracket's foot: 2 pt more room.
      for k in diagram.edges.indices where diagram.edges[k].above?.markup.contains("⎦") == true {
        diagram.edges[k].aboveGap = 2
      }
      return diagram
    }
  }
}
