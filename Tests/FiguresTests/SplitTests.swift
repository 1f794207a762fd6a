import Analysis
import Figures
import GraphLayout
import Testing

@testable import Drawing

@Suite("Cutting a wide figure into parts")
struct SplitTests {
  @Test("no cut just after a branch point, where its wires part and their marks would pile up")
  func noCutAfterBranch() throws {
    let scene = try #require(
      figures("tanh", style: .dlfs, kinds: [.expanded]).first?.scene)
    // The branch points' dots: small filled circles.
    let dots = scene.elements.compactMap { element -> Double? in
      if case .circle(let center, let radius, _, _) = element, radius < 4 { return center.x }
      return nil
    }
    #expect(!dots.isEmpty)
    for x in dots {
      #expect(!scene.cuts.contains { $0 > x && $0 - x < 12 }, "a cut just after the dot at \(x)")
    }
  }

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

@Suite("Cutting: close wires")
struct CloseWireSplitTests {
  @Test("marks of wires closer than a mark's width are staggered, never overlapping")
  func staggered() {
    var scene = Scene(size: Size(width: 200, height: 60), background: .white, title: "t")
    for y in [20.0, 25.0, 30.0] {
      scene.elements.append(
        .polyline(
          [Point(x: 10, y: y), Point(x: 190, y: y)], color: .black, width: 1, owner: .edge(0)))
    }
    let parts = scene.split(at: [100])
    #expect(parts.count == 2)
    for part in parts {
      var circles: [Point] = []
      for case .circle(let center, let radius, _, .page) in part.elements {
        circles.append(center)
        #expect(center.x - radius >= 0 && center.x + radius <= part.size.width)
      }
      #expect(circles.count == 3)
      for (i, a) in circles.enumerated() {
        for b in circles[(i + 1)...] {
          let d = ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()
          #expect(d >= 13, "marks at \(a) and \(b) overlap")
        }
      }
    }
  }
}

@Suite("Cutting: a close-up's marks")
struct CloseUpMarkTests {
  @Test("a part shown alone keeps its marks' circles and drops their letters")
  func letters() {
    var scene = Scene(size: Size(width: 200, height: 60), background: .white, title: "t")
    scene.elements.append(
      .polyline(
        [Point(x: 10, y: 30), Point(x: 190, y: 30)], color: .black, width: 1, owner: .edge(0)))
    scene.elements.append(
      .text(
        TextRun(
          markup: "x", font: Font(family: "DejaVu Serif", size: 9), color: .black,
          frame: Rect(x: 20, y: 10, width: 8, height: 12)),
        owner: .edge(0)))
    let part = scene.split(at: [100])[0]
    func count(_ scene: Scene) -> (circles: Int, pageTexts: Int, texts: Int) {
      var result = (circles: 0, pageTexts: 0, texts: 0)
      for element in scene.elements {
        switch element {
        case .circle: result.circles += 1
        case .text(_, .page): result.pageTexts += 1
        case .text: result.texts += 1
        default: break
        }
      }
      return result
    }
    #expect(count(part) == (circles: 1, pageTexts: 1, texts: 1))
    #expect(count(part.withoutMarkLetters) == (circles: 1, pageTexts: 0, texts: 1))
  }
}

@Suite("Cutting: mark letters")
struct MarkLetterTests {
  @Test("marks never use L (the loss) or N (a batch's rows); after Z come AA, AB, …")
  func letters() {
    let names = (0..<60).map { Scene.markName($0) }
    #expect(!names.contains("L") && !names.contains("N"))
    #expect(
      Array(names.prefix(12)) == ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "M"])
    #expect(names[24] == "AA" && Set(names).count == names.count)
  }
}
