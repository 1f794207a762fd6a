import Analysis
import Figures
import GraphLayout
import Testing

@Suite("Cutting a wide figure into parts")
struct SplitTests {
  @Test("every wire across a cut ends in a lettered mark and starts again from the same letter")
  func marksPair() throws {
    let scene = try #require(
      figures("tanh", style: .dlfs, kinds: [.expanded]).first?.scene)
    #expect(scene.cuts.count >= 3)
    let cuts = [scene.cuts[1], scene.cuts[scene.cuts.count - 2]]
    let parts = scene.split(at: cuts)
    #expect(parts.count == 3)
    func letters(_ part: Scene) -> [String] {
      part.elements.compactMap {
        if case .text(let run, .page) = $0 { return run.markup }
        return nil
      }
    }
    // Marks at a cut: in the part before it, at its right edge, and after it, at its left.
    let first = Set(letters(parts[0]))
    let middle = letters(parts[1])
    let last = Set(letters(parts[2]))
    #expect(!first.isEmpty && !last.isEmpty)
    #expect(first.isSubset(of: Set(middle)) && last.isSubset(of: Set(middle)))
    #expect(first.isDisjoint(with: last))
    #expect(middle.count == first.count + last.count)
    // Nothing of the figure is lost: every text and node lands in exactly one part.
    let texts = scene.elements.filter {
      if case .text = $0 { return true }; return false
    }.count
    let partTexts = parts.map { part in
      part.elements.filter {
        if case .text(_, let owner) = $0 { return owner != .page }; return false
      }
      .count
    }
    #expect(partTexts.reduce(0, +) == texts)
    // Parts are narrower than the whole and hold everything inside themselves.
    for part in parts {
      #expect(part.size.width < scene.size.width)
      for case .text(let run, _) in part.elements {
        #expect(run.frame.minX >= -0.01 && run.frame.maxX <= part.size.width + 0.01)
      }
      for case .polyline(let points, _, _, _) in part.elements {
        #expect(points.allSatisfy { $0.x >= -0.01 && $0.x <= part.size.width + 0.01 })
      }
    }
  }

  @Test("no cut, one part: the figure itself")
  func noCut() throws {
    let scene = try #require(figures("sigmoid", style: .dlfs, kinds: [.graph]).first?.scene)
    let parts = scene.split(at: [])
    #expect(parts.count == 1 && parts[0].size == scene.size)
  }

  @Test("colah trees carry a turned version when wide or tall; narrow ones do not")
  func turned() throws {
    for figure in try figures("tanh", style: .colah) {
      let large =
        figure.scene.size.width > FigureSet.turnWidth
        || figure.scene.size.height > FigureSet.turnHeight
      #expect(figure.scene.turned.isEmpty == !large, "\(figure.id.fileStem)")
      if let turned = figure.scene.turned.first { #expect(!turned.cuts.isEmpty) }
    }
    for figure in try figures("tanh", style: .dlfs) { #expect(figure.scene.turned.isEmpty) }
  }
}
