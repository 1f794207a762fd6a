/// A shaped value: a number, a vector or a matrix, its elements in row-major order (numpy's
/// default), so element (i, j) of an (R, C) matrix is `elements[i * C + j]`.
public struct Tensor: Hashable, Sendable {
  public var shape: Shape
  public var elements: [Double]

  /// Pre: `elements.count` is the product of `shape`'s sizes.
  public init(_ shape: Shape, _ elements: [Double]) {
    precondition(elements.count == shape.count, "\(elements.count) elements for \(shape)")
    self.shape = shape
    self.elements = elements
  }

  /// A number.
  public init(scalar: Double) {
    self.init(.scalar, [scalar])
  }

  /// Every element `value`.
  public init(repeating value: Double, _ shape: Shape) {
    self.init(shape, [Double](repeating: value, count: shape.count))
  }

  /// The value of a number (the first element otherwise).
  public var scalar: Double { elements[0] }

  /// Element by element.
  public func map(_ f: (Double) -> Double) -> Tensor {
    Tensor(shape, elements.map(f))
  }

  /// The tensor stretched to `target` by numpy's broadcasting. Pre: `shape` broadcasts to
  /// `target` (``Shape/broadcast(_:)`` gives `target` for the two).
  public func broadcast(to target: Shape) -> Tensor {
    if shape == target { return self }
    let offset = target.rank - shape.rank
    let strides = shape.strides
    var out = [Double](repeating: 0, count: target.count)
    var index = [Int](repeating: 0, count: target.rank)
    for k in out.indices {
      var source = 0
      for axis in 0..<shape.rank where shape.dimensions[axis] != 1 {
        source += index[offset + axis] * strides[axis]
      }
      out[k] = elements[source]
      target.increment(&index)
    }
    return Tensor(target, out)
  }

  /// The sum over the axes that broadcasting stretched, so that the result has `target`'s
  /// shape: the backward pass of a broadcast (a bias `(3,)` added to a batch `(N, 3)` gets
  /// the batch's gradients summed over axis 0). Pre: `target` broadcasts to `shape`.
  public func reduced(to target: Shape) -> Tensor {
    if shape == target { return self }
    let offset = shape.rank - target.rank
    let strides = target.strides
    var out = [Double](repeating: 0, count: target.count)
    var index = [Int](repeating: 0, count: shape.rank)
    for k in elements.indices {
      var destination = 0
      for axis in 0..<target.rank where target.dimensions[axis] != 1 {
        destination += index[offset + axis] * strides[axis]
      }
      out[destination] += elements[k]
      shape.increment(&index)
    }
    return Tensor(target, out)
  }

  /// The matrix transposed; a vector or number unchanged.
  public var transposed: Tensor {
    guard shape.rank == 2 else { return self }
    let (r, c) = (shape.dimensions[0], shape.dimensions[1])
    var out = [Double](repeating: 0, count: r * c)
    for i in 0..<r { for j in 0..<c { out[j * r + i] = elements[i * c + j] } }
    return Tensor(Shape([c, r]), out)
  }

  /// The same elements under another shape of the same count.
  public func reshaped(_ target: Shape) -> Tensor {
    Tensor(target, elements)
  }

  /// The product of two matrices, (N, D)·(D, H) → (N, H). Pre: both are matrices whose inner
  /// sizes agree.
  public static func matrixProduct(_ a: Tensor, _ b: Tensor) -> Tensor {
    let (n, d, h) = (a.shape.dimensions[0], a.shape.dimensions[1], b.shape.dimensions[1])
    precondition(b.shape.dimensions[0] == d, "inner sizes differ")
    var out = [Double](repeating: 0, count: n * h)
    a.elements.withUnsafeBufferPointer { x in
      b.elements.withUnsafeBufferPointer { w in
        out.withUnsafeMutableBufferPointer { y in
          for i in 0..<n {
            for k in 0..<d {
              let v = x[i * d + k]
              if v == 0 { continue }
              for j in 0..<h { y[i * h + j] += v * w[k * h + j] }
            }
          }
        }
      }
    }
    return Tensor(Shape([n, h]), out)
  }
}

extension Shape {
  /// The number of axes.
  public var rank: Int { dimensions.count }

  /// The number of elements (1 for a number).
  public var count: Int { dimensions.reduce(1, *) }

  /// How far apart neighbours along each axis are in row-major order.
  var strides: [Int] {
    var result = [Int](repeating: 1, count: rank)
    var step = 1
    for axis in stride(from: rank - 1, through: 0, by: -1) {
      result[axis] = step
      step *= dimensions[axis]
    }
    return result
  }

  /// Moves a multi-index to the next element in row-major order.
  func increment(_ index: inout [Int]) {
    var axis = rank - 1
    while axis >= 0 {
      index[axis] += 1
      if index[axis] < dimensions[axis] { return }
      index[axis] = 0
      axis -= 1
    }
  }
}
