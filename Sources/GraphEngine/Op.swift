/// The operations of a computational graph.
///
/// Each op defines, in one exhaustive `switch` each, its forward value
/// (``Op/forward(_:parameter:)``), its numeric local gradient per input
/// (``Op/localGradients(_:output:parameter:)``) and its symbolic local gradient as data
/// (``Op/symbolicLocalGradients(parameter:)``), so adding an op without all three does not
/// compile.
public enum Op: String, CaseIterable, Hashable, Sendable {
  /// A free variable; its value comes from the lesson's `inputs`.
  case input
  /// A number written in the function; the node's `parameter` is its value.
  case constant = "const"
  /// a + b
  case add
  /// a − b
  case sub
  /// a · b
  case mul
  /// a / b
  case div
  /// 1 / a: the textbooks' unary `/` node, written `1/expr`.
  case recip
  /// −a
  case neg
  /// a^b with a variable exponent.
  case pow
  /// a^k with a constant exponent k (the node's `parameter`), drawn `**k` in DLFS.
  case powConst = "powconst"
  case exp, log, sqrt, sin, cos
  /// Composite: tanh a = (eᵃ − e⁻ᵃ)/(eᵃ + e⁻ᵃ).
  case tanh
  /// Composite: σ(a) = 1/(1 + e⁻ᵃ).
  case sigmoid
  case relu, abs, max, min

  /// How many inputs a node of this op has.
  public var arity: Int {
    switch self {
    case .input, .constant: 0
    case .add, .sub, .mul, .div, .pow, .max, .min: 2
    case .recip, .neg, .powConst, .exp, .log, .sqrt, .sin, .cos, .tanh, .sigmoid, .relu, .abs: 1
    }
  }

  /// The name used in the trace JSON (`"mul"`, `"sigmoid"`, …).
  public var traceName: String { rawValue }

  /// Whether the op is drawn as one node but can be expanded into a primitive graph.
  public var isComposite: Bool { self == .sigmoid || self == .tanh }

  /// Whether the node is a leaf (no inputs).
  public var isLeaf: Bool { arity == 0 }
}
