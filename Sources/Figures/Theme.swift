public import Analysis
import Drawing
import GraphEngine
public import GraphLayout

/// A house style as data: one renderer draws all of them. The values follow
/// `reference/textbook-figures.md` (Deep Learning from Scratch, CS231n, colah).
public struct Theme: Sendable {
  /// How operation nodes look.
  public enum NodeShape: Sendable {
    /// A circle with the operator inside (DLFS, CS231n).
    case circle
    /// A rounded ellipse holding the node's definition and value (colah).
    case ellipse
  }

  /// The symbols inside operation nodes.
  public enum OperatorNotation: Sendable {
    /// The textbook's: `×`, `/`, `−`.
    case textbook
    /// Code-like gates, as CS231n draws them: `*`, `1/x`, `*−1`.
    case gates
  }

  /// How numbers in the graph are attached to the function.
  public enum Constants: Sendable {
    /// A constant is its own side input into the node (DLFS: `−1` into `×`).
    case sideInputs
    /// A constant is folded into a unary gate (CS231n `*-1`, `+1`; colah `d = b + 1`).
    case folded
  }

  /// Where a figure writes its numbers and formulas.
  public enum LabelPlacement: Sendable {
    /// Values above the wires and gradients below them (DLFS, CS231n).
    case onWires
    /// Each node holds its definition, value and gradient; each wire a box with its local
    /// derivative (colah).
    case inNodes
  }

  public var name: String
  /// Where values, gradients and local derivatives are written.
  public var placement: LabelPlacement
  /// Whose derivatives the symbolic gradients are: ∂L/∂x, or the output's own (colah's ∂e/∂c).
  public var convention: LabelConvention
  /// How operators are written inside the nodes.
  public var operators: OperatorNotation
  /// Whether an input used once, with symbolic labels, is named only on its wire (DLFS
  /// writes `x` above the arrow and no name at its start).
  public var namesLoneInputOnWire: Bool
  public var direction: LayoutRequest.Direction
  public var shape: NodeShape
  public var constants: Constants
  public var numbers: NumberFormat

  public var background: Color = .white
  public var nodeFill: Color = .white
  public var nodeStroke: Color
  public var nodeStrokeWidth: Double
  /// Least circle radius.
  public var nodeRadius: Double
  public var operatorFont: Font
  public var operatorColor: Color = .black
  public var labelFont: Font
  /// The gradients' labels: the labels' font in italic, so that a gradient differs from a
  /// value by more than its colour (printed in grey, DLFS's values and gradients were 20 %
  /// and 29 % luma).
  public var gradientFont: Font {
    var font = labelFont
    font.italic = true
    return font
  }
  /// The smaller second line of `--labels both`.
  public var secondaryFont: Font
  public var secondaryColor: Color
  public var inputFont: Font

  public var edgeColor: Color
  public var edgeWidth: Double
  /// How wires and open arrowheads turn their corners.
  public var lineJoin: LineJoin = .round
  /// Open arrowheads (two strokes) or filled triangles.
  public var openArrowheads: Bool
  public var arrowheadLength: Double
  public var arrowheadWidth: Double

  public var valueColor: Color
  public var gradientColor: Color
  /// A separate thick arrow under the forward one, pointing back (DLFS).
  public var backwardArrow: BackwardArrow?
  /// A box on each edge holding the local derivative (colah).
  public var edgeBox: EdgeBox?

  public var highlightFill: Color
  public var highlightStroke: Color
  /// The gradient just passed on in a step figure (at least 4.5:1 on the background).
  public var highlightText: Color

  /// The thick backward arrow of DLFS.
  public struct BackwardArrow: Sendable {
    public var color: Color
    public var width: Double
    /// Distance below the forward arrow.
    public var offset: Double
  }

  /// colah's derivative boxes.
  public struct EdgeBox: Sendable {
    public var fill: Color
    public var padding: Double
  }

  /// All styles, by name.
  public static let all: [Theme] = [.dlfs, .cs231n, .colah]

  /// The style named `name`, if there is one.
  public static func named(_ name: String) -> Theme? {
    all.first { $0.name == name }
  }

  /// Deep Learning from Scratch: white circles with a thin light-grey outline, light-grey
  /// forward arrows with open heads, values above; a thick dark-grey backward arrow below
  /// with the gradient under it; constants as side inputs; up to six significant digits.
  public static let dlfs = Theme(
    name: "dlfs", placement: .onWires, convention: .loss, operators: .textbook,
    namesLoneInputOnWire: true, direction: .leftToRight,
    shape: .circle, constants: .sideInputs,
    numbers: .shortest(significantDigits: 6),
    nodeStroke: Color(hex: 0xb3b3b3), nodeStrokeWidth: 1.2, nodeRadius: 17,
    operatorFont: Font(family: "DejaVu Sans, NanumGothic", size: 12),
    labelFont: Font(family: "DejaVu Serif, NanumMyeongjo", size: 11),
    secondaryFont: Font(family: "DejaVu Serif, NanumMyeongjo", size: 9),
    secondaryColor: Color(hex: 0x555555),
    inputFont: Font(family: "DejaVu Serif, NanumMyeongjo", size: 12),
    edgeColor: Color(hex: 0xb3b3b3), edgeWidth: 1.3, openArrowheads: true,
    arrowheadLength: 8, arrowheadWidth: 8,
    valueColor: Color(hex: 0x111111), gradientColor: Color(hex: 0x333333),
    backwardArrow: BackwardArrow(color: Color(hex: 0x666666), width: 4.5, offset: 10),
    edgeBox: nil,
    highlightFill: Color(hex: 0xfff1b8), highlightStroke: Color(hex: 0xc99a00),
    highlightText: Color(hex: 0x8a6500))

  /// CS231n: white circles with a black outline, black wires with small filled heads,
  /// values above in green and gradients below in red on the same wire, constants folded
  /// into unary gates, two decimals.
  public static let cs231n = Theme(
    name: "cs231n", placement: .onWires, convention: .loss, operators: .gates,
    namesLoneInputOnWire: false, direction: .leftToRight,
    shape: .circle, constants: .folded,
    numbers: .fixed(decimals: 2),
    nodeStroke: .black, nodeStrokeWidth: 1, nodeRadius: 17,
    operatorFont: Font(family: "DejaVu Sans, NanumGothic", size: 11),
    labelFont: Font(family: "DejaVu Sans, NanumGothic", size: 11),
    secondaryFont: Font(family: "DejaVu Sans, NanumGothic", size: 9),
    secondaryColor: Color(hex: 0x555555),
    inputFont: Font(family: "DejaVu Sans, NanumGothic", size: 12),
    edgeColor: .black, edgeWidth: 1, openArrowheads: false,
    arrowheadLength: 6, arrowheadWidth: 5,
    valueColor: Color(hex: 0x0b4f0b), gradientColor: Color(hex: 0xd01010),
    backwardArrow: nil, edgeBox: nil,
    highlightFill: Color(hex: 0xfff1b8), highlightStroke: Color(hex: 0xc99a00),
    highlightText: Color(hex: 0x8a6500))

  /// colah: a tree growing upward, periwinkle ellipses holding `c = a + b` and the value,
  /// beige boxes on the edges with the local derivative `∂c/∂a = 1`, and in the backward
  /// figures the gradient of the output with respect to the node inside it.
  public static let colah = Theme(
    name: "colah", placement: .inNodes, convention: .output, operators: .textbook,
    namesLoneInputOnWire: false, direction: .bottomToTop,
    shape: .ellipse, constants: .folded,
    numbers: .shortest(significantDigits: 6),
    nodeFill: Color(hex: 0xc0c6f8), nodeStroke: Color(hex: 0x8d95d6), nodeStrokeWidth: 0.8,
    nodeRadius: 16,
    operatorFont: Font(family: "DejaVu Serif, NanumMyeongjo", size: 11),
    labelFont: Font(family: "DejaVu Serif, NanumMyeongjo", size: 10),
    secondaryFont: Font(family: "DejaVu Serif, NanumMyeongjo", size: 9),
    secondaryColor: Color(hex: 0x444444),
    inputFont: Font(family: "DejaVu Serif, NanumMyeongjo", size: 11),
    edgeColor: Color(hex: 0x333333), edgeWidth: 1, openArrowheads: false,
    arrowheadLength: 7, arrowheadWidth: 6,
    valueColor: .black, gradientColor: Color(hex: 0x8a2a0a),
    backwardArrow: nil, edgeBox: EdgeBox(fill: Color(hex: 0xeddec9), padding: 4),
    highlightFill: Color(hex: 0xfff1b8), highlightStroke: Color(hex: 0xc99a00),
    highlightText: Color(hex: 0x8a6500))
}
