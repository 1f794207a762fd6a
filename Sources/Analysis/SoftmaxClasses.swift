public import GraphEngine
public import LessonKit

/// A Softmax-with-Loss layer of a lesson of vectors drawn out class by class, as DLFS draws
/// it in Appendix A: for scores a₁…a_C and labels t₁…t_C (C = 2 or 3),
///
///     eₖ = exp(aₖ),  S = e₁ + … + e_C,  yₖ = eₖ · (1/S),
///     L = −(t₁ log y₁ + … + t_C log y_C),
///
/// a lesson of numbers whose graph has exp, +, /, ×, log and ×(−1) nodes. Of a batch of N
/// rows, Appendix A's one example is the first row: its scores a₁ₖ, and its share of the
/// error, the mean over the rows, L₁ = −(Σₖ t₁ₖ log y₁ₖ)/N (every row is drawn the same
/// way). Its backward pass brings each score the gradient (yₖ − tₖ)/N (times the layer's
/// upstream gradient), which the layer sends back at once; the numbers come from the scalar
/// engine, independently of the layer's own rule.
public struct SoftmaxClasses: Sendable {
  /// The lesson of numbers, compiled.
  public let compiled: CompiledLesson
  /// How many rows the scores have: 1 for a vector. The first is drawn.
  public let rows: Int
  /// How many classes: 2 or 3.
  public let classes: Int
  /// The node of the lesson's graph drawn out.
  public let node: Node.ID

  /// The most classes drawn out (DLFS draws three).
  public static let largest = 3

  /// The first Softmax-with-Loss node whose scores have 2 or 3 classes; nil when there is
  /// none.
  public init?(_ shaped: CompiledTensorLesson) {
    var failure: String?
    self.init(shaped, failure: &failure)
  }

  /// Why the lesson's Softmax-with-Loss of 2 or 3 classes cannot be drawn out class by class
  /// (its lesson of numbers does not compute at these scores: exp(1000) overflows), or nil
  /// when it can be, or there is none.
  public static func problem(_ shaped: CompiledTensorLesson) -> String? {
    var failure: String?
    _ = SoftmaxClasses(shaped, failure: &failure)
    return failure
  }

  private init?(_ shaped: CompiledTensorLesson, failure: inout String?) {
    let graph = shaped.graph
    let evaluation = shaped.evaluation
    guard
      let node = graph.nodes.first(where: { node in
        node.op.role == .softmaxLoss
          && (2...Self.largest).contains(
            evaluation.values[node.inputs[0]].shape.dimensions.last ?? 0)
      })
    else { return nil }
    let shape = evaluation.values[node.inputs[0]].shape
    let rows = shape.rank == 2 ? shape.dimensions[0] : 1
    let classes = shape.dimensions.last ?? 0
    let a = evaluation.values[node.inputs[0]].elements
    let t = evaluation.values[node.inputs[1]].elements
    let upstream = evaluation.gradients[node.id].elements.first ?? 1
    let index = { (k: Int) in Self.index(k, rows: rows) }
    let row = rows == 1 ? "" : "1"
    let range = 1...classes
    var lines = range.map { "  e\(index($0)) = exp(a\(index($0)))" }
    lines.append("  S\(row) = " + range.map { "e\(index($0))" }.joined(separator: " + "))
    lines.append("  r\(row) = 1 / S\(row)")
    lines += range.map { "  y\(index($0)) = e\(index($0)) * r\(row)" }
    let sum =
      "-(" + range.map { "t\(index($0)) * log(y\(index($0)))" }.joined(separator: " + ") + ")"
    lines.append(rows == 1 ? "  L = " + sum : "  L1 = " + sum + " / \(rows)")
    var text = "title: Softmax-with-Loss class by class\nfunction: |\n"
    text += lines.joined(separator: "\n") + "\ninputs:\n"
    // Swift writes a double's shortest decimal that reads back as the same double.
    for k in range { text += "  a\(index(k)): \(a[k - 1])\n" }
    for k in range { text += "  t\(index(k)): \(t[k - 1])\n" }
    if upstream != 1 { text += "upstream: \(upstream)\n" }
    let compiled: CompiledLesson
    do throws(LessonError) {
      let lesson = try LessonLoader.load(
        text: text, path: shaped.lesson.path, id: shaped.lesson.id)
      compiled = try CompiledLesson.compile(lesson)
    } catch {
      failure = error.diagnostics.first?.message ?? "a value is not a finite number"
      return nil
    }
    self.compiled = compiled
    self.rows = rows
    self.classes = classes
    self.node = node.id
  }

  /// The subscript of the first row's class k (1-based): `k` for a vector, `1k` for a batch.
  public static func index(_ k: Int, rows: Int) -> String {
    rows == 1 ? "\(k)" : "1\(k)"
  }

  /// The gradient the drawn-out graph brings to the first row's score of class k
  /// (1-based), from the scalar engine.
  public func scoreGradient(_ k: Int) -> Double {
    let name = "a" + Self.index(k, rows: rows)
    let id = compiled.graph.inputs.first { compiled.graph[$0].name == name } ?? 0
    return compiled.evaluation.gradient(id)
  }

  /// y of the first row's class k (1-based), the softmax's output, from the scalar engine.
  public func probability(_ k: Int) -> Double {
    let name = "y" + Self.index(k, rows: rows)
    let id = compiled.graph.nodes.first { $0.name == name }?.id ?? 0
    return compiled.evaluation.value(id)
  }
}
