import Drawing
import GraphEngine

/// A figure before measuring and layout: boxes with their text, edges with their labels,
/// all as Pango markup. Built by ``DiagramBuilder``, drawn by ``SceneComposer``.
struct Diagram {
  enum BoxKind {
    /// An operation (circle or ellipse).
    case operation
    /// A free variable's name where its wire starts.
    case input
    /// A constant side input (DLFS).
    case constant
    /// The invisible end of the output's wire.
    case sink
    /// Where a value used along several edges branches (DLFS's branch node): a dot.
    case branch
  }

  struct Box {
    var kind: BoxKind
    /// The graph node's trace id (`x`, `#3`), `#output` for the output's end.
    var id = ""
    /// What the node is in the graph, whatever its drawing (colah draws inputs as ellipses).
    var role = FigureGeometry.NodeKind.operation
    /// The text inside or at the box; nil for none.
    var text: Text?
    var highlighted = false
    /// An operation drawn as DLFS draws its layers (Affine, Softmax-with-Loss; chapter 5): a
    /// rounded rectangle around the layer's name, whatever the style's node shape.
    var layer = false
  }

  struct Text {
    var markup: String
    var font: Font
    var color: Color
    /// An empty box to fill in, the size `markup` (a placeholder, never the answer) would
    /// take: an exercise's blank.
    var blank = false
    /// An exercise's blank matrix: `markup`'s first line is its heading (`∂L/∂W (2, 3)`),
    /// drawn; the lines under it are a placeholder for `rows` × `columns` boxes, one per
    /// element (one box for the whole of a larger matrix).
    var grid: Grid?

    struct Grid: Equatable {
      var rows: Int
      var columns: Int
    }
  }

  struct Edge {
    var from: Int
    var to: Int
    /// Above the wire (value).
    var above: Text?
    /// Below the wire (gradient).
    var below: Text?
    /// Whether `below` and the backward arrow are drawn in this figure; the space is kept
    /// either way, so the figures of a step sequence share one layout.
    var showBelow: Bool
    /// A box on the wire (colah's local derivative).
    var box: Text?
    var weight: Double
    /// Whether the wire ends in an arrowhead (not into a branch point's dot).
    var arrowhead = true
    /// The operand's role where operands do not commute (`−`, `÷`, `^` on the second
    /// operand's wire), set above the wire at the end of its label slot, by the arrowhead.
    var mark: Text?
    /// Room added between the value label and the wire: a matrix's bottom bracket (⎦)
    /// reaches the foot of its text box, where a line of digits leaves its descender's
    /// room, and at the usual 3 pt it seemed to sit on the wire.
    var aboveGap = 0.0
  }

  var boxes: [Box] = []
  var edges: [Edge] = []
  var title: String
  /// Lines under the graph defining the short names its labels use (`u₁ = exp(−x)`).
  var legend: [Text] = []
}
