public import GraphEngine

extension Tensor {
  /// A number for print: `digits` significant digits and a true minus sign (−, not -).
  public static func printed(_ v: Double, digits: Int) -> String {
    String(NumberFormat.shortest(significantDigits: digits).format(v).map { $0 == "-" ? "−" : $0 })
  }

  /// A vector or matrix of at most 4 × 6 (``GraphEngine/Shape/isWrittenOut``) as a
  /// ``Formula/matrix(_:)`` of its numbers (the writers give six significant digits; a vector
  /// is a row, as DLFS writes it); nil for a number or a larger one.
  public var matrixFormula: Formula? {
    guard shape.rank >= 1, shape.isWrittenOut else { return nil }
    let numbers = elements.map { Formula.number($0) }
    let columns = shape.dimensions.last ?? 1
    return .matrix(
      stride(from: 0, to: numbers.count, by: columns).map {
        Array(numbers[$0..<($0 + columns)])
      })
  }

  /// The value in the trace's nested-list notation, at six significant digits and with true
  /// minus signs; a large one by its shape alone.
  public var written: String {
    func format(_ v: Double) -> String { Self.printed(v, digits: 6) }
    if shape.isScalar { return format(scalar) }
    guard shape.isWrittenOut else { return "\(shape) (trace.json)" }
    func list(_ values: ArraySlice<Double>) -> String {
      "[" + values.map(format).joined(separator: ", ") + "]"
    }
    guard shape.rank == 2 else { return list(elements[...]) }
    let width = shape.dimensions[1]
    return "["
      + stride(from: 0, to: elements.count, by: width).map {
        list(elements[$0..<($0 + width)])
      }.joined(separator: ", ") + "]"
  }
}

extension Shape {
  /// An exercise's blank for a value of this shape: a matrix of empty boxes, one per element,
  /// up to 9 elements (a 3 × 3 matrix's); one box for a number or a larger value.
  public var blank: Formula {
    guard rank >= 1, count <= 9 else { return .blank }
    let columns = dimensions.last ?? 1
    let rows = rank == 2 ? dimensions[0] : 1
    return .matrix(
      [[Formula]](repeating: [Formula](repeating: .blank, count: columns), count: rows))
  }

  /// `[i]` or `[i, j]`, numpy's index of element k of a value of this shape.
  public func index(_ k: Int) -> String {
    switch rank {
    case 0: ""
    case 1: "[\(k)]"
    default: "[\(k / dimensions[1]), \(k % dimensions[1])]"
    }
  }
}
