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
    for entry in try LessonSource.builtinCatalog() {
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
      // on the text: each number must read back as exactly the engine's double.
      let text = String(decoding: data, as: UTF8.self)
      for id in compiled.graph.inputs {
        let name = try #require(compiled.graph[id].name)
        let grad = NumberFormat.full.format(compiled.evaluation.gradient(id))
        let value = NumberFormat.full.format(compiled.evaluation.value(id))
        #expect(Double(grad) == compiled.evaluation.gradient(id))
        #expect(text.contains("\"\(name)\": { \"value\": \(value), \"grad\": \(grad) }"))
      }
      let nodes = try #require(object["nodes"] as? [[String: Any]])
      #expect(nodes.count == compiled.graph.nodes.count)
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
