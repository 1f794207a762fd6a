public import GraphEngine
public import LessonKit

/// A lesson of vectors and matrices with its layers drawn apart
/// (``GraphEngine/Graph/expandingForShapes(_:)``: Affine as MatMul and +, a batch's bias
/// through Repeat, Softmax-with-Loss as its two nodes), evaluated at the lesson's inputs.
public enum TensorExpansion {
  /// The evaluation of the graph with its layers drawn apart
  /// (``GraphEngine/Graph/expandingForShapes(_:)``); nil when that changes nothing.
  public static func expanded(_ compiled: CompiledTensorLesson) -> TensorEvaluation? {
    guard case .success(let evaluation)? = expansion(compiled) else { return nil }
    return evaluation
  }

  /// The layers drawn apart and evaluated, or why they cannot be evaluated at these inputs
  /// (softmax's exp(1000) overflows where the layer itself is finite); nil when drawing
  /// them apart changes nothing.
  public static func expansion(_ compiled: CompiledTensorLesson) -> Result<
    TensorEvaluation, Unevaluable
  >? {
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
  public struct Unevaluable: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
  }
}
