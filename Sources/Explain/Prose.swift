import Analysis
import GraphEngine

/// The generated sentences of a walk-through in one language: one catalogue per language
/// (``EnglishProse``, ``KoreanProse``), each a complete conformance, so a sentence missing in
/// one language does not compile. Sentences with math are templates: `{0}`, `{1}`, … stand
/// for formulas and `{L}` for the loss L (see ``fill(_:_:)``).
protocol Prose: Sendable {
  var functionHeading: String { get }
  var forwardHeading: String { get }
  var backwardHeading: String { get }
  var stepsHeading: String { get }
  /// A step figure's caption: step `k` of `count`, the node's name, and what it sends back
  /// along each input (`∂L/∂x = 0.5 × 2 = 1`).
  func stepCaption(_ k: Int, of count: Int, node: String, sends: [String]) -> String
  /// What a step sends back to a value used by `terms` nodes: one term of its gradient
  /// (`product` is `upstream × local = term`).
  func stepShare(_ target: String, of terms: Int, _ product: String) -> String
  var backwardTableHeading: String { get }
  var backwardTableIntro: String { get }
  var compositeHeading: String { get }
  var derivationHeading: String { get }
  var checkHeading: String { get }
  /// A course handout's contents page, and the heading of the answer keys.
  var contentsHeading: String { get }
  var answerKeyHeading: String { get }
  /// A site's navigation: the previous and next lesson, and a lesson's exercise sheet.
  var previousWord: String { get }
  var nextWord: String { get }
  var exerciseWord: String { get }
  var lessonsHeading: String { get }
  /// A lesson's graph, as a thumbnail's alt text says it.
  func graphOf(_ title: String) -> String
  /// The sentence before the plot: `y` as a function of `x` over [from, to], its derivative,
  /// and the lesson's point `x = x0` with the tangent of slope `slope` there.
  func plotIntro(
    _ y: Formula, _ x: Formula, from: Formula, to: Formula, point: Formula, slope: Formula
  )
    -> [Inline]
  /// An exercise sheet's title, and the sentence that opens it.
  func exerciseTitle(_ title: String) -> String
  func exerciseIntro(forward: Bool) -> String
  var functionIs: String { get }
  var inputsAre: String { get }
  var forwardIntro: String { get }
  /// The forward table's introduction when the lesson's inputs are left out of it.
  var forwardIntroGivenInputs: String { get }
  var nodeColumn: String { get }
  var operationColumn: String { get }
  var valueColumn: String { get }
  /// The first paragraph of the backward pass: where the gradient starts, ∂L/∂y = upstream.
  func seed(output: Formula, upstream: Formula, isOne: Bool) -> [Inline]
  var rule: String { get }
  func nodeHeading(_ op: String, _ name: Formula) -> [Inline]
  func upstream(_ name: Formula) -> [Inline]
  /// A node used by several nodes or edges: its gradient is the sum over its edges (`x` in
  /// x·x + x is used by 2 nodes along 3 edges).
  func fanOut(_ name: Formula, edges: Int, nodes: Int) -> [Inline]
  func local(_ name: Formula, _ input: Formula) -> [Inline]
  /// The local gradient of one input slot of a node that uses the same value in several
  /// (x·x): the slot's, not ∂y/∂x.
  func localInSlot(_ name: Formula, _ input: Formula, slot: Int, of count: Int) -> [Inline]
  /// What flows back along one of several edges to an input: one term of its gradient.
  func alongEdge(_ input: Formula) -> [Inline]
  /// After an edge's ∂y/∂x in the backward table when x enters y more than once: which slot.
  func slot(_ k: Int) -> String
  func downstream(_ input: Formula) -> [Inline]
  /// Before a node's local gradient with respect to `input` and, under it, upstream × local
  /// = downstream (or, `alongEdge`, what flows back along one of `input`'s edges).
  func localAndDownstream(_ name: Formula, _ input: Formula, alongEdge: Bool) -> [Inline]
  /// Before a later input's local gradient and downstream product, once the node's first
  /// input was told with ``localAndDownstream(_:_:alongEdge:)``.
  func localAndDownstreamAgain(_ input: Formula) -> [Inline]
  /// Before the one-line-per-input form of a node whose operation (`op`) was told in full
  /// at an earlier node.
  func appliedRule(_ op: String) -> String
  func inputResult(_ name: Formula) -> [Inline]
  /// A composite op expanded: the chain (or graph) of primitives it stands for.
  func composite(_ name: String, _ chain: String, isChain: Bool) -> String
  /// The end of a sentence after inline math.
  var stop: String { get }
  /// Before the composite's numbers: the chain's local gradients multiplied (or, with more
  /// than one path, the gradient through the expanded graph), then the closed form.
  func inNumbers(isChain: Bool) -> String
  func derivationIntro(_ y: Formula, _ x: Formula, points: Int) -> [Inline]
  func checkIntro(_ h: String) -> String
  func longFunction(_ count: Int) -> String
  func longStatement(_ name: String, operations: Int) -> String
  /// Why an input has no row in the numeric check.
  func checkSkipped(_ name: String, _ why: GradientCheck.Skip) -> String
  /// Why a figure is not drawn, said where it would stand.
  func omitted(_ figure: OmittedFigure) -> String
  func tableLeftOut(_ rows: Int) -> String
  func figureTooLarge(_ id: FigureID) -> String
  var inputColumn: String { get }
  var backpropColumn: String { get }
  var differenceColumn: String { get }
  var errorColumn: String { get }
  var verdictColumn: String { get }
  /// A gradient check's verdict in a word.
  func verdict(_ verdict: GradientCheck.Verdict) -> String
  /// A figure's caption.
  func figureCaption(_ id: FigureID) -> String
  var edgeColumn: String { get }
  var upstreamColumn: String { get }
  var localColumn: String { get }
  var downstreamColumn: String { get }
  /// An op's name in words (`multiplication`, `곱셈`).
  func name(of op: Op) -> String
  /// What a figure shows, for its title (`the graph`, `계산 그래프`).
  func figureTitle(_ id: FigureID) -> String
}

/// The catalogue for a language.
func prose(for language: Language) -> any Prose {
  switch language {
  case .english: EnglishProse()
  case .korean: KoreanProse()
  }
}

extension Prose {
  /// How the walk-through names an op's node: by its sign or call (`the × node`).
  func operatorName(_ op: Op) -> String { op.descriptor.walkthroughName }

  /// The heading of a composite's section: `The composite node: tanh (hyperbolic tangent)`,
  /// with the op's name in words where it differs from its call.
  func compositeTitle(_ op: Op) -> String {
    let name = name(of: op)
    return compositeHeading + ": " + op.rawValue + (name == op.rawValue ? "" : " (\(name))")
  }

  /// A sentence with math in it: `{0}`, `{1}`, … become the formulas, `{L}` the loss L.
  func fill(_ template: String, _ formulas: [Formula]) -> [Inline] {
    var out: [Inline] = []
    var text = ""
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
      text += rest[..<open]
      let key = rest[rest.index(after: open)..<close]
      let formula: Formula? =
        key == "L" ? .symbol("L") : Int(key).flatMap { $0 < formulas.count ? formulas[$0] : nil }
      if let formula {
        if !text.isEmpty { out.append(.text(text)) }
        text = ""
        out.append(.math(formula))
      } else {
        text += rest[open...close]
      }
      rest = rest[rest.index(after: close)...]
    }
    text += rest
    if !text.isEmpty { out.append(.text(text)) }
    return out
  }
}

/// Why a figure is not drawn, in `language` (`en` or `ko`), as the walk-through says it where
/// the figure would stand.
public func omittedFigureSentence(_ figure: OmittedFigure, language: Language) -> String {
  prose(for: language).omitted(figure)
}
