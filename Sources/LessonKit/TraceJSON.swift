import GraphEngine

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
