extension Tensor {
  /// The lanes along one axis: for each element of the reduced result, in its row-major
  /// order, the indices into ``elements`` of the elements it is made from, in order along the
  /// axis. Along axis 1 of an (R, C) matrix these are its R rows; along axis 0 its C columns;
  /// for every axis (`along` nil), one lane of all elements.
  public func lanes(along axis: Int?) -> [[Int]] {
    guard let axis, axis < shape.rank else { return [Array(elements.indices)] }
    let strides = shape.strides
    let length = shape.dimensions[axis]
    var rest = shape.dimensions
    rest[axis] = 1
    let starts = Shape(rest)
    var index = [Int](repeating: 0, count: shape.rank)
    var out: [[Int]] = []
    out.reserveCapacity(starts.count)
    for _ in 0..<starts.count {
      let start = zip(index, strides).reduce(0) { $0 + $1.0 * $1.1 }
      out.append((0..<length).map { start + $0 * strides[axis] })
      starts.increment(&index)
    }
    return out
  }
}
