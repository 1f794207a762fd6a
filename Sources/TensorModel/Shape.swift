/// The shape of a node's value: `()` for a number, `(3,)` for a vector, `(2, 3)` for a
/// matrix (rows, columns), as numpy writes them. Every value of today's lessons is a number;
/// the shape rules of the ops (``OpDescriptor/shape``) are where shaped values come in.
public struct Shape: Hashable, Sendable, CustomStringConvertible {
  /// The sizes of the axes, outermost first; empty for a number.
  public var dimensions: [Int]

  public init(_ dimensions: [Int]) {
    self.dimensions = dimensions
  }

  /// A number's shape.
  public static let scalar = Shape([])

  public var isScalar: Bool { dimensions.isEmpty }

  /// numpy's notation: `()`, `(3,)`, `(2, 3)`.
  public var description: String {
    dimensions.count == 1
      ? "(\(dimensions[0]),)" : "(" + dimensions.map(String.init).joined(separator: ", ") + ")"
  }

  /// The shape of an element-by-element result under numpy's broadcasting: the shapes are
  /// aligned at their last axis; two sizes agree when they are equal or one of them is 1, and
  /// the result has the larger. nil when some axis disagrees. (A bias `(3,)` added to a batch
  /// `(N, 3)` broadcasts to `(N, 3)`; its gradient is summed back over the broadcast axis.)
  public static func broadcast(_ shapes: [Shape]) -> Shape? {
    let rank = shapes.map(\.dimensions.count).max() ?? 0
    var result = [Int](repeating: 1, count: rank)
    for shape in shapes {
      let offset = rank - shape.dimensions.count
      for (i, size) in shape.dimensions.enumerated() {
        let current = result[offset + i]
        if current == 1 {
          result[offset + i] = size
        } else if size != 1 && size != current {
          return nil
        }
      }
    }
    return Shape(result)
  }
}

/// Why an op cannot take inputs of these shapes, said with both: `(3, 2) + (4, 2): sizes 3
/// and 4 of axis 0 differ`.
public struct ShapeMismatch: Error, Sendable, Equatable {
  public var message: String

  public init(_ message: String) {
    self.message = message
  }
}

extension Shape {
  /// The most rows and columns a vector or matrix is written out with, in the figures and
  /// the text: 4 rows of 6 (a 4-class lesson's scores on a batch of 4); a larger value is
  /// written by its shape, its numbers in the walk-through's tables and the trace.
  public static let writtenRows = 4
  public static let writtenColumns = 6

  /// Whether a value of this shape is written out element by element: a vector of at most
  /// ``writtenColumns`` elements (a row), a matrix of at most ``writtenRows`` ×
  /// ``writtenColumns``; a number always.
  public var isWrittenOut: Bool {
    switch rank {
    case 0: true
    case 1: dimensions[0] <= Self.writtenColumns
    case 2: dimensions[0] <= Self.writtenRows && dimensions[1] <= Self.writtenColumns
    default: false
    }
  }
}
