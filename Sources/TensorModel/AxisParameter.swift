/// The parameter of an op that works along one axis, numpy's `axis=k` and `keepdims=True`:
/// `sum`, `mean` and `max` over an axis, `logsumexp`, `softmax` and `log_softmax`.
///
/// A node holds its parameter as one number (``Node/parameter``), so the three cases are
/// written into it as:
/// - axis k, removed from the result (numpy's default): k itself (`-1` counts from the last);
/// - axis k, kept with size 1 (`keepdims=True`): k + ½;
/// - every axis (numpy's `axis=None`, `logsumexp(x)`): ``everyAxisParameter``.
///
/// The two never mix because a lesson's axis is a whole number with |k| < ``largestAxis``
/// (`GraphBuilder` refuses any other with its location before a node is made).
public struct AxisParameter: Equatable, Sendable {
  /// The axis, negative from the last; nil for every axis.
  public var axis: Int?
  /// Whether the axis stays in the result with size 1.
  public var keepsDims: Bool

  public init(axis: Int?, keepsDims: Bool = false) {
    self.axis = axis
    self.keepsDims = keepsDims
  }

  /// The largest |k| a lesson may write for an axis (values have at most two axes).
  public static let largestAxis = 64
  /// The parameter that stands for every axis.
  public static let everyAxisParameter = 1_000.0

  /// Reads a node's parameter. Pre: it was written by ``parameter`` or is a whole number
  /// below ``largestAxis`` (an axis a lesson wrote).
  public init(_ parameter: Double) {
    guard parameter.isFinite, Swift.abs(parameter) < Double(Self.largestAxis) else {
      self.init(axis: nil)
      return
    }
    let whole = parameter.rounded(.down)
    self.init(axis: Int(whole), keepsDims: parameter != whole)
  }

  /// The node's parameter.
  public var parameter: Double {
    guard let axis else { return Self.everyAxisParameter }
    return Double(axis) + (keepsDims ? 0.5 : 0)
  }

  /// The axis of a value of `shape` it means, 0 to rank − 1 (nil for every axis, or an axis
  /// the shape does not have).
  public func index(in shape: Shape) -> Int? {
    guard let axis else { return nil }
    let k = axis < 0 ? axis + shape.rank : axis
    return (0..<shape.rank).contains(k) ? k : nil
  }

  /// Whether a value of `shape` has the axis (every shape has every axis).
  public func fits(_ shape: Shape) -> Bool { axis == nil || index(in: shape) != nil }

  /// The result's shape when the axis of `shape` is reduced: removed, or kept with size 1;
  /// a number for every axis. Pre: ``fits(_:)``.
  public func reduced(_ shape: Shape) -> Shape {
    guard let k = index(in: shape) else { return .scalar }
    var d = shape.dimensions
    if keepsDims { d[k] = 1 } else { d.remove(at: k) }
    return Shape(d)
  }

  /// How many elements each lane along the axis has (all of them for every axis).
  public func laneLength(_ shape: Shape) -> Int {
    index(in: shape).map { shape.dimensions[$0] } ?? shape.count
  }

  /// Why a value of `shape` cannot be reduced along the axis, or nil.
  public func problem(_ shape: Shape) -> ShapeMismatch? {
    guard !fits(shape), let axis else { return nil }
    return ShapeMismatch(
      "\(shape) has no axis \(axis)"
        + (shape.rank == 0
          ? "" : "; its axes are 0 to \(shape.rank - 1), or -\(shape.rank) to -1 from the last"))
  }
}
