import Analysis
import Drawing
import Figures
import Testing

@Suite("Step figures")
struct StepFigureTests {
  /// The markup of every text in a scene, joined.
  func text(_ scene: Scene) -> String {
    scene.elements.compactMap { element -> String? in
      if case .text(let run, _) = element { return run.markup }
      return nil
    }.joined(separator: "\n")
  }

  @Test("colah: an input's gradient appears once every node using it has passed its part back")
  func inputGradientsWhenComplete() throws {
    // e = c·d, c = a + b, d = b + 1: the backward pass processes e, then d, then c.
    let steps = try figures("colah-tree", style: .colah, kinds: [.steps])
    try #require(steps.count == 3)
    let a = "∂<i>e</i>/∂<i>a</i>"
    let b = "∂<i>e</i>/∂<i>b</i>"
    #expect(!text(steps[0].scene).contains(a) && !text(steps[0].scene).contains(b))
    // After d, b still waits for c's part.
    #expect(!text(steps[1].scene).contains(a) && !text(steps[1].scene).contains(b))
    #expect(text(steps[2].scene).contains(a) && text(steps[2].scene).contains(b))
    // The whole graph shows them.
    let graph = try figures("colah-tree", style: .colah, kinds: [.graph])[0]
    #expect(text(graph.scene).contains(a) && text(graph.scene).contains(b))
  }
}
