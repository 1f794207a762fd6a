import Analysis
import Drawing
import ExpressionLanguage
import FormulaWriting
import GraphEngine
import Testing

@testable import Figures

/// The graph of a lesson of vectors and matrices: shapes and small matrices on the wires.
@Suite("Tensor figures")
struct TensorFigureTests {
  static func evaluation(_ function: String, _ inputs: [String: Tensor], upstream: Tensor? = nil)
    throws -> TensorEvaluation
  {
    let locate = { GraphEngine.SourceLocation(line: 1, column: $0 + 1) }
    let names = inputs.keys.sorted().map {
      GraphBuilder.InputName($0, at: .init(line: 9, column: 3))
    }
    let program = try Parser.parse(function, locate: locate).get()
    let graph = try GraphBuilder.build(program, inputs: names).get()
    return try TensorEvaluator.evaluate(graph, inputs: inputs, upstream: upstream).get()
  }

  /// The texts of `function`'s figure in DLFS style with symbolic labels.
  static func symbolicTexts(_ function: String, _ inputs: [String: Tensor]) throws -> [String] {
    texts(
      TensorFigure.compose(
        try evaluation(function, inputs), theme: .dlfs, measurer: EstimatedTextMeasurer(),
        labels: .symbolic, title: "t"
      ).scene)
  }

  /// The texts the scene draws, markup removed.
  static func texts(_ scene: Scene) -> [String] {
    scene.elements.compactMap { element in
      if case .text(let run, _) = element { return PangoMarkupDialect.plainText(run.markup) }
      return nil
    }
  }

  @Test("DLFS's Affine layer: names and shapes above and below, the matrices written out")
  func affine() throws {
    let e = try Self.evaluation(
      "Y = X @ W + B",
      [
        "X": Tensor(Shape([2]), [1, 0.5]),
        "W": Tensor(Shape([2, 3]), [0.1, 0.3, 0.5, 0.2, 0.4, 0.6]),
        "B": Tensor(Shape([3]), [0.1, 0.2, 0.3]),
      ], upstream: Tensor(Shape([3]), [1, 2, 3]))
    let figure = TensorFigure.compose(
      e, theme: .dlfs, measurer: EstimatedTextMeasurer(), title: "Affine")
    #expect(figure.id == .graph)
    let texts = Self.texts(figure.scene)
    #expect(texts.contains("X (2,)\n[1  0.5]"))
    #expect(texts.contains("W (2, 3)\n⎡0.1  0.3  0.5⎤\n⎣0.2  0.4  0.6⎦"))
    #expect(texts.contains("X·W (3,)\n[0.2  0.5  0.8]"))
    #expect(texts.contains("Y (3,)\n[0.3  0.7  1.1]"))
    // ∂L/∂X = ∂L/∂Y·Wᵀ = (2.2, 2.8); ∂L/∂W = Xᵀ·∂L/∂Y.
    #expect(texts.contains("∂L/∂X (2,)\n[2.2  2.8]"))
    #expect(texts.contains("∂L/∂W (2, 3)\n⎡  1  2    3⎤\n⎣0.5  1  1.5⎦"), "\(texts)")
    #expect(texts.contains("∂L/∂(X·W) (3,)\n[1  2  3]"))
    // The matrix product's dimension check in its node, drawn as DLFS draws a layer.
    #expect(texts.contains("MatMul\n(2,)·(2×3) → (3,)"), "\(texts)")
    #expect(
      figure.scene.elements.contains {
        if case .roundedRect = $0 { return true }
        return false
      })
  }

  @Test("two arrays multiplied element by element are a ⊙ node; a gate keeps numpy's *")
  func hadamard() throws {
    let e = try Self.evaluation(
      "L = sum(X * W * 2)",
      [
        "X": Tensor(Shape([2]), [1, 0.5]),
        "W": Tensor(Shape([2]), [0.1, 0.3]),
      ])
    let dlfs = Self.texts(
      TensorFigure.compose(e, theme: .dlfs, measurer: EstimatedTextMeasurer(), title: "⊙").scene)
    #expect(dlfs.contains("⊙"))
    // Times a number stays ×.
    #expect(dlfs.contains("×"))
    let gates = Self.texts(
      TensorFigure.compose(e, theme: .cs231n, measurer: EstimatedTextMeasurer(), title: "⊙")
        .scene)
    #expect(!gates.contains("⊙"))
  }

  static let batch: [String: Tensor] = [
    "X": Tensor(Shape([2, 2]), [1, 0.5, -0.5, 2]),
    "W": Tensor(Shape([2, 3]), [0.1, 0.3, 0.5, 0.2, 0.4, 0.6]),
    "B": Tensor(Shape([3]), [0.1, 0.2, 0.3]),
  ]

  @Test("symbolic labels write each gradient's formula (DLFS Fig. 5-25), both adds the numbers")
  func symbolic() throws {
    let e = try Self.evaluation("Y = X @ W + B", Self.batch)
    let figure = TensorFigure.compose(
      e, theme: .dlfs, measurer: EstimatedTextMeasurer(), labels: .symbolic, title: "Affine")
    let texts = Self.texts(figure.scene)
    #expect(texts.contains("∂L/∂X = ∂L/∂(X·W)·Wᵀ\n(N, 2)"), "\(texts)")
    #expect(texts.contains("∂L/∂W = Xᵀ·∂L/∂(X·W)\n(2, 3)"))
    // The bias, broadcast over the batch: its gradient summed over axis 0.
    #expect(texts.contains("∂L/∂B = sum(∂L/∂Y, 0)\n(3,)"))
    #expect(texts.contains("∂L/∂(X·W) = ∂L/∂Y\n(N, 3)"))
    #expect(texts.contains("X (N, 2)"))
    #expect(texts.contains("W (2, 3)"))
    #expect(texts.contains("MatMul\n(N×2)·(2×3) → N×3"), "\(texts)")
    #expect(!texts.contains { $0.contains("0.5") }, "no numbers in symbolic labels")
    let both = Self.texts(
      TensorFigure.compose(
        e, theme: .dlfs, measurer: EstimatedTextMeasurer(), labels: .both, title: "Affine"
      ).scene)
    #expect(both.contains("∂L/∂B = sum(∂L/∂Y, 0)\n(3,)\n[2  2  2]"), "\(both)")
  }

  @Test("the formulas of element-by-element ops, Repeat, Sum and the losses")
  func formulas() throws {
    let row = Tensor(Shape([2]), [1, -2])
    let c = Tensor(Shape([3, 2]), [1, 2, 3, 4, 5, 6])
    let repeated = try Self.symbolicTexts(
      "Y = repeat(x, 3) * C\ns = sum(Y, 0)", ["x": row, "C": c])
    #expect(repeated.contains("∂L/∂x = sum(∂L/∂repeat(x, 3), 0)\n(2,)"), "\(repeated)")
    #expect(repeated.contains("∂L/∂C = ∂L/∂Y ⊙ repeat(x, 3)\n(3, 2)"))
    #expect(repeated.contains("∂L/∂Y = repeat(∂L/∂s, 3)\n(3, 2)"))
    // Two arrays multiplied element by element: ⊙, not the matrix product's ·.
    let squared = try Self.symbolicTexts("L = sum(Y * Y)", ["Y": c])
    #expect(squared.contains("Y ⊙ Y (3, 2)"), "\(squared)")
    // Y is used twice: each branch carries its share, by its formula; the stem the sum ∂L/∂Y.
    #expect(squared.count { $0 == "∂L/∂(Y ⊙ Y) ⊙ Y\n(3, 2)" } == 2, "\(squared)")
    #expect(squared.contains("∂L/∂Y (3, 2)"), "\(squared)")
    // With numbers, a branch's share is its shape and matrix, not a second ∂L/∂Y.
    let numeric = Self.texts(
      TensorFigure.compose(
        try Self.evaluation("L = sum(Y * Y)", ["Y": c]), theme: .dlfs,
        measurer: EstimatedTextMeasurer(), labels: .numeric, title: "t"
      ).scene)
    #expect(numeric.count { $0.hasPrefix("∂L/∂Y (3, 2)\n⎡ 2   4⎤") } == 1, "\(numeric)")
    #expect(numeric.count { $0.hasPrefix("(3, 2)\n⎡1  2⎤") } == 2, "\(numeric)")
    // The loss's own gradient is written as itself, not as a bare 1 beside the value 1.
    let summed = try Self.symbolicTexts("s = sum(Y)\nL = s + d", ["Y": c, "d": Tensor(scalar: 2)])
    #expect(summed.contains("∂L/∂s = ∂L/∂L"), "\(summed)")
    // A number times an array stays a product.
    let doubled = try Self.symbolicTexts("L = sum(2 * Y)", ["Y": c])
    #expect(!doubled.contains { $0.contains("⊙") }, "\(doubled)")
    let sigmoid = try Self.symbolicTexts(
      "h = sigmoid(X @ W)", ["X": Self.batch["X"]!, "W": Self.batch["W"]!])
    #expect(sigmoid.contains("∂L/∂(X·W) = ∂L/∂h ⊙ h(1 − h)\n(N, 3)"), "\(sigmoid)")
    let loss = try Self.symbolicTexts(
      "L = softmax_with_loss(a, t)",
      ["a": Tensor(Shape([2, 2]), [1, 2, 3, 4]), "t": Tensor(Shape([2, 2]), [0, 1, 1, 0])])
    // The loss's rows are its batch's examples: N, no number, in a symbolic label.
    #expect(loss.contains("∂L/∂a = (softmax(a) − t)/N\n(N, 2)"), "\(loss)")
    let scaled = try Self.symbolicTexts("y = 2 * x", ["x": row])
    #expect(scaled.contains("∂L/∂x = ∂L/∂y·2\n(2,)"), "\(scaled)")
  }

  @Test("a mean's count is n, defined in the legend, or a batch's N: no number in the label")
  func meanCounts() throws {
    let c = Tensor(Shape([3, 2]), [1, 2, 3, 4, 5, 6])
    let all = try Self.symbolicTexts("L = mean(Y * Y)", ["Y": c])
    #expect(all.contains("∂L/∂(Y ⊙ Y) = 1/n\n(3, 2)"), "\(all)")
    #expect(all.contains("n = 6"), "\(all)")
    #expect(!all.contains { $0.contains("/6") }, "\(all)")
    // Over a batch: n counts N rows; a batch's own rows are N itself.
    let batch = try Self.symbolicTexts(
      "L = mean(X @ W)", ["X": Self.batch["X"]!, "W": Self.batch["W"]!])
    #expect(batch.contains("∂L/∂(X·W) = 1/n\n(N, 3)"), "\(batch)")
    #expect(batch.contains("n = N·3"), "\(batch)")
    let rows = try Self.symbolicTexts(
      "s = sum(X @ W, 1)\nL = mean(s)", ["X": Self.batch["X"]!, "W": Self.batch["W"]!])
    #expect(rows.contains("∂L/∂s = 1/N\n(N,)"), "\(rows)")
    #expect(!rows.contains { $0.hasPrefix("n =") }, "\(rows)")
    // A sum along each row sends each row's gradient back along it: a column times 𝟏ᵀ.
    #expect(rows.contains("∂L/∂(X·W) = ∂L/∂s·1ᵀ\n(N, 3)"), "\(rows)")
    // A mean along each row of a square batch divides by its 3 columns: n, not N.
    let square = Tensor(Shape([3, 3]), [1, 2, 3, 4, 5, 6, 7, 8, 9])
    let rowMeans = try Self.symbolicTexts(
      "L = sum(mean(X @ W, axis=1))", ["X": square, "W": square])
    #expect(rowMeans.contains("n = 3"), "\(rowMeans)")
    #expect(!rowMeans.contains { $0.contains("/N") }, "\(rowMeans)")
    // One symbol one definition: every element of a batch (N·2, 4 elements) and an
    // unrelated 4.
    let mixed = try Self.symbolicTexts(
      "L = mean(X @ V) + mean(v)",
      [
        "X": Self.batch["X"]!, "V": Tensor(Shape([2, 2]), [1, 0, 0, 1]),
        "v": Tensor(Shape([4]), [1, 2, 3, 4]),
      ])
    #expect(mixed.contains("n = N·2") && mixed.contains("n₂ = 4"), "\(mixed)")
    // Two counts: n and n₂, each defined.
    let two = try Self.symbolicTexts(
      "L = mean(Y) + mean(y)", ["Y": c, "y": Tensor(Shape([4]), [1, 2, 3, 4])])
    #expect(two.contains("n = 6") && two.contains("n₂ = 4"), "\(two)")
  }

  @Test("a loss's labels t get no gradient on the figure")
  func labels() throws {
    let e = try Self.evaluation(
      "L = softmax_with_loss(a, t)",
      ["a": Tensor(Shape([3]), [0.3, 2.9, 4]), "t": Tensor(Shape([3]), [0, 0, 1])])
    let figure = TensorFigure.compose(
      e, theme: .dlfs, measurer: EstimatedTextMeasurer(), title: "loss")
    let texts = Self.texts(figure.scene)
    #expect(texts.contains { $0.hasPrefix("∂L/∂a (3,)") })
    #expect(!texts.contains { $0.hasPrefix("∂L/∂t") }, "labels get no gradient")
  }

  @Test("a large matrix is named by its shape alone; columns are right-aligned")
  func sizes() throws {
    // Up to 4 rows of 6 are written out (a 4-class lesson's scores); 5 rows are not, nor 7
    // columns.
    let big = Tensor(repeating: 0.5, Shape([5, 2]))
    let wide = Tensor(repeating: 0.25, Shape([4, 7]))
    let e = try Self.evaluation(
      "s = sum(A) + sum(B) + sum(C)",
      [
        "A": big, "B": wide, "C": Tensor(repeating: 0.5, Shape([4, 6])),
      ])
    let figure = TensorFigure.compose(
      e, theme: .cs231n, measurer: EstimatedTextMeasurer(), title: "sum")
    let texts = Self.texts(figure.scene)
    #expect(texts.contains("A (5, 2)"))
    #expect(texts.contains("B (4, 7)"))
    #expect(texts.contains { $0.hasPrefix("C (4, 6)\n⎡0.5  0.5  0.5  0.5  0.5  0.5⎤") })
    #expect(texts.contains("sum(A) = 5"))  // three significant digits, not CS231n's 5.00
    let lines = TensorFigure.matrixLines(
      Tensor(Shape([3, 2]), [1, -10, 100, 2, 3, 4]), format: .shortest(significantDigits: 6))
    #expect(lines == ["⎡  1  −10⎤", "⎢100    2⎥", "⎣  3    4⎦"])
  }

  @Test("a batch's rows are N in formulas: X, X·W, a repeated bias and the labels; not W")
  func batchRows() throws {
    let e = try Self.evaluation(
      "L = softmax_with_loss(X @ W + repeat(b, 2), t)",
      [
        "X": Self.batch["X"]!, "W": Tensor(Shape([2, 2]), [1, 2, 3, 4]),
        "b": Tensor(Shape([2]), [0, 1]), "t": Tensor(Shape([2, 2]), [0, 1, 1, 0]),
      ])
    let graph = e.graph
    let batch = TensorFigure.batchRows(graph, shapes: e.values.map(\.shape))
    let named = Set(batch.compactMap { graph[$0].name })
    #expect(named == ["X", "t"])
    #expect(batch.contains { graph[$0].op == .repeatRows })
    #expect(batch.contains { graph[$0].op == .matmul })
    #expect(!batch.contains { graph[$0].op == .softmaxWithLoss })
    let texts = Self.texts(
      TensorFigure.compose(
        e, theme: .dlfs, measurer: EstimatedTextMeasurer(), labels: .symbolic, title: "b"
      ).scene)
    #expect(texts.contains("W (2, 2)"), "\(texts)")
    // The sum is too long to name its wire: it is u₁, in the labels and the legend, whose
    // definition uses the figure's names (N rows).
    #expect(texts.contains("∂L/∂repeat(b, N) = ∂L/∂u₁\n(N, 2)"), "\(texts)")
    #expect(texts.contains("u₁ = X·W + repeat(b, N)"), "\(texts)")
    #expect(!texts.contains { $0.contains("∂L/∂·") })
    let loss = Self.texts(
      TensorFigure.compose(
        try Self.evaluation(
          "L = softmax_with_loss(X @ W, t)",
          [
            "X": Self.batch["X"]!, "W": Self.batch["W"]!,
            "t": Tensor(Shape([2, 3]), [0, 1, 0, 1, 0, 0]),
          ]),
        theme: .dlfs, measurer: EstimatedTextMeasurer(), labels: .symbolic, title: "b"
      ).scene)
    #expect(loss.contains("∂L/∂(X·W) = (softmax(X·W) − t)/N\n(N, 3)"), "\(loss)")
  }
  @Test("an exercise's figure: a box per element of each gradient up to 3 × 3, one above")
  func exerciseBlanks() throws {
    let e = try Self.evaluation(
      "L = sum(X @ W) + sum(A)",
      [
        "X": Tensor(Shape([2, 2]), [1, 2, 3, 4]), "W": Tensor(Shape([2, 3]), [1, 2, 3, 4, 5, 6]),
        "A": Tensor(repeating: 1, Shape([4, 4])),
      ])
    let figure = TensorFigure.compose(
      e, theme: .dlfs, measurer: EstimatedTextMeasurer(), title: "t", id: .exercise(.graph),
      blanks: .gradients)
    let texts = Self.texts(figure.scene)
    // The headings stay, the numbers of the gradients go; the values stay.
    #expect(texts.contains("∂L/∂W (2, 3)"), "\(texts)")
    #expect(texts.contains("∂L/∂A (4, 4)"))
    #expect(!texts.contains { $0.hasPrefix("∂L/∂X (2, 2)\n") })
    #expect(texts.contains { $0.hasPrefix("W (2, 3)\n⎡1  2  3⎤") })
    // X (2, 2): 4 boxes, W (2, 3): 6, X·W (2, 3): 6, A (4, 4): 1 — and the seed ∂L/∂L given.
    let boxes = figure.scene.elements.count {
      if case .roundedRect(_, let radius, _, _) = $0 { return radius == 2 }
      return false
    }
    #expect(boxes == 4 + 6 + 6 + 1 + 2, "\(boxes)")
    #expect(texts.contains { $0.hasPrefix("∂L/∂L") })
  }
  @Test("a batch's class indices (CS231n's y) are (N,) in symbolic figures, like its labels t")
  func classIndicesAreABatch() throws {
    let e = try Self.evaluation(
      "L = softmax_with_loss(X @ W, y)",
      [
        "X": Tensor(Shape([3, 2]), [1, 2, 3, 4, 5, 6]),
        "W": Tensor(Shape([2, 4]), [1, 0, 0, 1, 0, 1, 1, 0]),
        "y": Tensor(Shape([3]), [2, 0, 3]),
      ])
    let texts = Self.texts(
      TensorFigure.compose(
        e, theme: .dlfs, measurer: EstimatedTextMeasurer(), labels: .symbolic, title: "y"
      ).scene)
    #expect(texts.contains("y (N,)"), "\(texts)")
    #expect(texts.contains("X (N, 2)"))
  }
}
