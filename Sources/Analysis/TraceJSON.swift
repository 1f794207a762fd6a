import GraphEngine
public import LessonKit

/// Writes the trace JSON of the lesson format (§5): the output, each input's value and
/// gradient, and every node in topological order, at full double precision.
public enum TraceJSON {
  public static func write(_ compiled: CompiledLesson) -> String {
    let evaluation = compiled.evaluation
    let graph = evaluation.graph
    var out = "{\n"
    out += "  \"lesson\": \(string(compiled.lesson.id)),\n"
    out += "  \"output\": { \"name\": \(string(graph.outputName)), "
    out += "\"value\": \(number(evaluation.value(graph.output))), "
    out += "\"grad\": \(number(evaluation.upstream)) },\n"

    let inputNode = Dictionary(
      graph.inputs.compactMap { id in graph[id].name.map { ($0, id) } },
      uniquingKeysWith: { a, _ in a })
    let inputs = compiled.lesson.inputs.compactMap { input -> String? in
      guard let id = inputNode[input.name] else { return nil }
      return "    \(string(input.name)): { \"value\": \(number(evaluation.value(id))), "
        + "\"grad\": \(number(evaluation.gradient(id))) }"
    }
    out +=
      "  \"inputs\": {" + (inputs.isEmpty ? "" : "\n" + inputs.joined(separator: ",\n") + "\n  ")
    out += "},\n"

    let nodes = graph.nodes.map { node -> String in
      let ids = node.inputs.map { string(graph.traceID($0)) }.joined(separator: ", ")
      let local = evaluation.localGradients[node.id].map(number).joined(separator: ", ")
      return "    { \"id\": \(string(graph.traceID(node.id))), "
        + "\"op\": \(string(node.op.traceName)), \"inputs\": [\(ids)], "
        + "\"value\": \(number(evaluation.value(node.id))), "
        + "\"grad\": \(number(evaluation.gradient(node.id))), \"local\": [\(local)] }"
    }
    out += "  \"nodes\": [\n" + nodes.joined(separator: ",\n") + "\n  ]\n}\n"
    return out
  }

  /// The trace JSON of a lesson of vectors and matrices: as for numbers, with each shaped
  /// value and gradient a nested list (rows of a matrix) and a `shape` field beside it; a
  /// node's `local` lists, per input, what the node sends back along that edge (∂L/∂input
  /// through it, of the input's shape: ∂L/∂Y·Wᵀ for X of X @ W), since a matrix op's local
  /// Jacobian is not what the books show. Numbers stay numbers, without a shape.
  public static func write(_ compiled: CompiledTensorLesson) -> String {
    let evaluation = compiled.evaluation
    let graph = evaluation.graph
    func field(_ name: String, _ t: Tensor) -> String {
      "\"\(name)\": \(tensor(t))"
    }
    func shape(_ t: Tensor) -> String {
      t.shape.isScalar
        ? "" : "\"shape\": [" + t.shape.dimensions.map(String.init).joined(separator: ", ") + "], "
    }
    let output = evaluation.values[graph.output]
    var out = "{\n"
    out += "  \"lesson\": \(string(compiled.lesson.id)),\n"
    out += "  \"output\": { \"name\": \(string(graph.outputName)), \(shape(output))"
    out += field("value", output) + ", " + field("grad", evaluation.upstream) + " },\n"
    let inputNode = Dictionary(
      graph.inputs.compactMap { id in graph[id].name.map { ($0, id) } },
      uniquingKeysWith: { a, _ in a })
    let inputs = compiled.lesson.inputs.compactMap { input -> String? in
      guard let id = inputNode[input.name] else { return nil }
      let value = evaluation.values[id]
      return "    \(string(input.name)): { \(shape(value))" + field("value", value) + ", "
        + field("grad", evaluation.gradients[id]) + " }"
    }
    out +=
      "  \"inputs\": {" + (inputs.isEmpty ? "" : "\n" + inputs.joined(separator: ",\n") + "\n  ")
    out += "},\n"
    let nodes = graph.nodes.map { node -> String in
      let ids = node.inputs.map { string(graph.traceID($0)) }.joined(separator: ", ")
      let local = evaluation.edgeGradients[node.id].map(tensor).joined(separator: ", ")
      let value = evaluation.values[node.id]
      return "    { \"id\": \(string(graph.traceID(node.id))), "
        + "\"op\": \(string(node.op.traceName)), \"inputs\": [\(ids)], \(shape(value))"
        + field("value", value) + ", " + field("grad", evaluation.gradients[node.id])
        + ", \"local\": [\(local)] }"
    }
    out += "  \"nodes\": [\n" + nodes.joined(separator: ",\n") + "\n  ]\n}\n"
    return out
  }

  /// A number, or a vector as a list, or a matrix as a list of rows.
  static func tensor(_ t: Tensor) -> String {
    switch t.shape.rank {
    case 0: return number(t.scalar)
    case 1: return "[" + t.elements.map(number).joined(separator: ", ") + "]"
    default:
      let width = t.shape.dimensions[t.shape.rank - 1]
      let rows = stride(from: 0, to: t.elements.count, by: width).map {
        "[" + t.elements[$0..<($0 + width)].map(number).joined(separator: ", ") + "]"
      }
      return "[" + rows.joined(separator: ", ") + "]"
    }
  }

  /// A JSON number: the shortest text that reads back as the same double.
  public static func number(_ v: Double) -> String {
    NumberFormat.full.format(v)
  }

  /// A JSON string literal.
  public static func string(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}
