import Analysis
import Foundation
import GraphEngine
import LessonKit
import Testing

@Suite("Trace JSON")
struct TraceJSONTests {
  @Test("the sigmoid trace is exactly the shape of the lesson format, §5")
  func sigmoidShape() throws {
    let json = TraceJSON.write(try LessonSource.builtin("sigmoid").compile())
    #expect(
      json == """
        {
          "lesson": "sigmoid",
          "output": { "name": "y", "value": 0.7310585786300049, "grad": 1 },
          "inputs": {
            "x": { "value": 1, "grad": 0.19661193324148185 }
          },
          "nodes": [
            { "id": "x", "op": "input", "inputs": [], "value": 1, "grad": 0.19661193324148185, "local": [] },
            { "id": "y", "op": "sigmoid", "inputs": ["x"], "value": 0.7310585786300049, "grad": 1, "local": [0.19661193324148185] }
          ]
        }

        """)
  }

  @Test("every built-in trace is valid JSON with the documented keys and full precision")
  func allLessons() throws {
    for entry in try LessonSource.builtinCatalog()
    where LessonSource.builtinIDs(tensors: false).contains(entry.id) {
      let compiled = try LessonSource.builtin(entry.id).compile()
      let data = Data(TraceJSON.write(compiled).utf8)
      let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
      #expect(Set(object.keys) == ["lesson", "output", "inputs", "nodes"])
      #expect(object["lesson"] as? String == entry.id)
      let output = try #require(object["output"] as? [String: Any])
      #expect(output["name"] as? String == compiled.graph.outputName)
      #expect(output["grad"] as? Double == compiled.lesson.upstream)
      let inputs = try #require(object["inputs"] as? [String: [String: Double]])
      #expect(Set(inputs.keys) == Set(compiled.lesson.inputs.map(\.name)))
      // Foundation's JSON reader on Linux rounds the last digit, so full precision is checked
      // on the text: each number's token must read back as exactly the engine's double.
      let text = String(decoding: data, as: UTF8.self)
      let lines = text.split(separator: "\n").map(String.init)
      let evaluation = compiled.evaluation
      let graph = compiled.graph
      let outputLine = try #require(lines.first { $0.hasPrefix("  \"output\": ") })
      expectNumber(outputLine, "value", evaluation.value(graph.output), entry.id)
      expectNumber(outputLine, "grad", compiled.lesson.upstream, entry.id)
      for id in graph.inputs {
        let name = try #require(graph[id].name)
        let line = try #require(lines.first { $0.hasPrefix("    \"\(name)\": { ") }, "\(name)")
        expectNumber(line, "value", evaluation.value(id), "\(entry.id) \(name)")
        expectNumber(line, "grad", evaluation.gradient(id), "\(entry.id) \(name)")
      }
      // One line a node, in the graph's order.
      let nodeLines = lines.filter { $0.hasPrefix("    { \"id\": ") }
      #expect(nodeLines.count == graph.nodes.count)
      for (node, line) in zip(graph.nodes, nodeLines) {
        let where_ = "\(entry.id) node \(node.id)"
        expectNumber(line, "value", evaluation.value(node.id), where_)
        expectNumber(line, "grad", evaluation.gradient(node.id), where_)
        let local = try #require(token(after: "\"local\": [", upTo: "]", in: line), "\(where_)")
        let tokens = local.isEmpty ? [] : local.components(separatedBy: ", ")
        let expected = evaluation.localGradients[node.id]
        #expect(tokens.count == expected.count, "\(where_): \(line)")
        for (token, value) in zip(tokens, expected) {
          expectToken(token, value, "\(where_) local")
        }
      }
      let nodes = try #require(object["nodes"] as? [[String: Any]])
      #expect(nodes.count == graph.nodes.count)
      var seen: Set<String> = []
      for node in nodes {
        #expect(Set(node.keys) == ["id", "op", "inputs", "value", "grad", "local"])
        let id = try #require(node["id"] as? String)
        for input in try #require(node["inputs"] as? [String]) {
          #expect(seen.contains(input), "\(entry.id): \(id) uses \(input) before it is listed")
        }
        #expect((node["local"] as? [Double])?.count == (node["inputs"] as? [String])?.count)
        seen.insert(id)
      }
    }
  }

  @Test("a number token is checked by reading it back, not by formatting the expected value")
  func tokensReadBack() {
    // What the checks below accept and reject, so that they can fail.
    #expect(isJSONNumber("0.19661193324148185"))
    #expect(isJSONNumber("-1.5e-7"))
    #expect(isJSONNumber("220.00000000000003"))
    for bad in ["inf", "nan", "+1", "1.", ".5", "01", "0x1p3", "1e", ""] {
      #expect(!isJSONNumber(bad), "\(bad)")
    }
    #expect(Double("0.1966119332414818") != 0.19661193324148185)
    #expect(significantDigits("0.19661193324148185") == 17)
    #expect(significantDigits("1") == 1)
    #expect(significantDigits("1.000") == 1)
    #expect(significantDigits("-0.0025") == 2)
    #expect(significantDigits("2.5e-07") == 2)
    #expect(
      token(after: "\"grad\": ", upTo: ",", in: #"{ "value": 1, "grad": 0.25, "local": [] }"#)
        == "0.25")
    #expect(token(after: "\"grad\": ", upTo: ",", in: #"{ "value": 1, "grad": 0.25 }"#) == "0.25")
  }

  @Test("unnamed nodes get ids that cannot collide with names")
  func syntheticIDs() throws {
    let lesson = try LessonLoader.load(
      text:
        "title: t\nfunction: price = apple * num * tax\ninputs: {apple: 100, num: 2, tax: 1.1}\n",
      path: "apple.yaml", id: "apple")
    let json = TraceJSON.write(try CompiledLesson.compile(lesson))
    #expect(
      json.contains(##"{ "id": "#2", "op": "mul", "inputs": ["apple", "num"], "value": 200"##))
    #expect(json.contains(#""price": "#) == false)
    #expect(
      json.contains(#""output": { "name": "price", "value": 220.00000000000003, "grad": 1 }"#))
  }

  @Test("--set overrides an input value")
  func overrides() throws {
    let compiled = try LessonSource.builtin("sigmoid").compile(overrides: ["x": 0])
    #expect(compiled.evaluation.value(compiled.graph.output) == 0.5)
    #expect(compiled.evaluation.gradient(compiled.graph.inputs[0]) == 0.25)
  }
}

/// The text after `key` in `line`, up to the first of `end` or ` }` (trimmed).
private func token(after key: String, upTo end: String, in line: String) -> String? {
  guard let start = line.range(of: key)?.upperBound else { return nil }
  let rest = line[start...]
  let stops = [end, " }"].compactMap { rest.range(of: $0)?.lowerBound }
  guard let stop = stops.min() else { return nil }
  return rest[..<stop].trimmingCharacters(in: .whitespaces)
}

/// A number as JSON writes it (no `inf`, `nan`, `+`, hexadecimal or leading zeros).
private func isJSONNumber(_ token: String) -> Bool {
  token.wholeMatch(of: /-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/) != nil
}

/// How many significant digits a decimal token has.
private func significantDigits(_ token: String) -> Int {
  let mantissa = token.prefix { $0 != "e" && $0 != "E" }.filter(\.isNumber)
  return mantissa.drop { $0 == "0" }.reversed().drop { $0 == "0" }.count
}

/// The token is a JSON number that reads back as exactly `expected`, in no more digits than
/// the shortest text that does.
private func expectToken(
  _ token: String, _ expected: Double, _ where_: String,
  sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
  #expect(
    isJSONNumber(token), "\(where_): \(token) is not a JSON number", sourceLocation: sourceLocation)
  #expect(
    Double(token) == expected,
    "\(where_): \(token) reads back as \(Double(token).map { "\($0)" } ?? "nothing"), not \(expected)",
    sourceLocation: sourceLocation)
  #expect(
    significantDigits(token) <= significantDigits(expected.description),
    "\(where_): \(token) is longer than \(expected.description)", sourceLocation: sourceLocation)
}

/// The number after `"key": ` in a line of the trace reads back as exactly `expected`.
private func expectNumber(
  _ line: String, _ key: String, _ expected: Double, _ where_: String,
  sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
  guard let token = token(after: "\"\(key)\": ", upTo: ",", in: line) else {
    Issue.record("\(where_): no \(key) in \(line)", sourceLocation: sourceLocation)
    return
  }
  expectToken(token, expected, "\(where_) \(key)", sourceLocation: sourceLocation)
}
