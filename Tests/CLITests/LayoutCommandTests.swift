import FormulaWriting
import Foundation
import Testing

/// `lessongen layout`: a figure's geometry as the JSON its contract names, and geometry that
/// holds together (inside the figure, wires between their nodes, labels clear of the nodes).
@Suite("layout command")
struct LayoutCommandTests {
  struct Box {
    var x, y, width, height: Double
    init(_ d: [String: Any]) {
      x = d["x"] as? Double ?? .nan
      y = d["y"] as? Double ?? .nan
      width = d["width"] as? Double ?? .nan
      height = d["height"] as? Double ?? .nan
    }
    func overlaps(_ o: Box) -> Bool {
      x < o.x + o.width - 0.5 && o.x < x + width - 0.5 && y < o.y + o.height - 0.5
        && o.y < y + height - 0.5
    }
    func near(_ p: [Double], within d: Double) -> Bool {
      p[0] >= x - d && p[0] <= x + width + d && p[1] >= y - d && p[1] <= y + height + d
    }
  }

  static func layout(_ arguments: [String]) throws -> [String: Any] {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    let result = try ProcessRunner.run(["layout"] + arguments, in: folder.url)
    #expect(result.status == 0, "\(arguments): \(result.stderr)")
    #expect(folder.listing() == [], "layout writes nothing")
    let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    return try #require(json as? [String: Any])
  }

  @Test(
    "exactly the contract's fields; nodes, wires and labels inside the figure and consistent",
    arguments: [
      ["sigmoid"], ["sigmoid", "--figure", "expanded", "--style", "cs231n"],
      ["sigmoid", "--figure", "step-02", "--labels", "both"],
      ["tanh", "--style", "colah", "--labels", "symbolic"], ["cs231n-circuit"],
      ["dlfs-apple-orange", "--figure", "forward"],
    ])
  func contract(_ arguments: [String]) throws {
    let g = try Self.layout(arguments)
    #expect(Set(g.keys) == ["width", "height", "direction", "nodes", "edges", "labels"])
    let width = try #require(g["width"] as? Double)
    let height = try #require(g["height"] as? Double)
    let direction = try #require(g["direction"] as? String)
    #expect(direction == (arguments.contains("colah") ? "up" : "right"))
    let nodes = try #require(g["nodes"] as? [[String: Any]])
    let edges = try #require(g["edges"] as? [[String: Any]])
    let labels = try #require(g["labels"] as? [[String: Any]])
    let figure = Box(["x": 0.0, "y": 0.0, "width": width, "height": height])
    var boxes: [String: Box] = [:]
    for node in nodes {
      #expect(Set(node.keys) == ["id", "kind", "label", "x", "y", "width", "height"])
      let kind = try #require(node["kind"] as? String)
      #expect(["input", "constant", "operation", "output"].contains(kind))
      let label = try #require(node["label"] as? String)
      #expect(!label.contains("<"), "markup in \(label)")
      let box = Box(node)
      #expect(box.x >= 0 && box.y >= 0 && box.x + box.width <= width + 0.01)
      #expect(box.y + box.height <= height + 0.01)
      boxes[try #require(node["id"] as? String)] = box
    }
    for edge in edges {
      #expect(Set(edge.keys) == ["from", "to", "points"])
      let from = try #require(boxes[edge["from"] as? String ?? ""])
      let to = try #require(boxes[edge["to"] as? String ?? ""])
      let points = try #require(edge["points"] as? [[Double]])
      #expect(points.count >= 2)
      // From the source's boundary to the target's.
      #expect(from.near(points[0], within: 1), "\(edge)")
      #expect(to.near(points[points.count - 1], within: 1), "\(edge)")
      for p in points { #expect(figure.near(p, within: 0.01)) }
    }
    for label in labels {
      #expect(Set(label.keys) == ["text", "x", "y", "width", "height"])
      let text = try #require(label["text"] as? String)
      #expect(!text.isEmpty && !text.contains("<"), "\(text)")
      let box = Box(label)
      #expect(figure.near([box.x, box.y], within: 0.01))
      for (id, node) in boxes where node.width > 0 {
        #expect(!box.overlaps(node), "label \(text) overlaps node \(id)")
      }
    }
  }

  @Test("scripts are Unicode, no markup: w₀·x₀, not <i>w</i><span>0</span>")
  func plainText() throws {
    let g = try Self.layout(["cs231n-sigmoid-neuron", "--labels", "symbolic"])
    let texts = (g["labels"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
    #expect(texts.contains("w₀·x₀"), "\(texts)")
  }

  @Test("an unknown figure, or one this lesson does not have, is an error naming the figures")
  func unknownFigure() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    let missing = try ProcessRunner.run(
      ["layout", "sigmoid", "--figure", "step-09"], in: folder.url)
    #expect(missing.status == 1)
    #expect(missing.stderr.contains("error: no figure 'step-09'"))
    #expect(missing.stderr.contains("step-01"))
    let none = try ProcessRunner.run(
      ["layout", "cs231n-circuit", "--figure", "expanded"], in: folder.url)
    #expect(none.status == 1)
    #expect(none.stdout == "")
  }
}
