/// A loss's labels t as CS231n's assignments write them: a vector of N class indices (`y`,
/// each from 0 to C − 1) for N rows of C scores, or one index for a vector of C scores.
/// They mean the one-hot rows of DLFS (1 at the class, 0 elsewhere), which is what the
/// losses compute with; being data, they get no gradient (a zero of their shape).
extension OpDescriptor {
  /// Whether `t` holds class indices for scores `y`: one axis fewer than `y`, the same rows.
  static func holdsIndices(_ t: Shape, for y: Shape) -> Bool {
    y.rank >= 1 && t.rank == y.rank - 1 && t.dimensions == Array(y.dimensions.dropLast())
  }

  /// The labels as one-hot rows of `y`'s shape (unchanged if they are one-hot already).
  /// Pre: ``labelProblem`` found none.
  public static func oneHot(_ t: Tensor, like y: Tensor) -> Tensor {
    guard holdsIndices(t.shape, for: y.shape) else { return t }
    let classes = y.shape.dimensions.last ?? 1
    var out = [Double](repeating: 0, count: y.elements.count)
    for (row, label) in t.elements.enumerated() { out[row * classes + Int(label)] = 1 }
    return Tensor(y.shape, out)
  }

  /// What a loss gives its labels back: nothing that is learnt, so zeros for class indices;
  /// `oneHotGradient` for one-hot rows (DLFS's −log(y)/N).
  static func labelGradient(_ t: Tensor, _ y: Tensor, oneHotGradient: () -> Tensor) -> Tensor {
    holdsIndices(t.shape, for: y.shape) ? Tensor(repeating: 0, t.shape) : oneHotGradient()
  }

  /// Why class indices `x[1]` do not name classes of the scores `x[0]`: an index that is not
  /// a whole number from 0 to C − 1.
  static let labelProblem: @Sendable ([Tensor], Double) -> String? = { x, _ in
    guard holdsIndices(x[1].shape, for: x[0].shape) else { return nil }
    let classes = x[0].shape.dimensions.last ?? 1
    for (row, label) in x[1].elements.enumerated()
    where label != label.rounded() || label < 0 || label >= Double(classes) {
      let place = x[1].shape.isScalar ? "the class label" : "the class label of row \(row)"
      return "\(place) is \(DomainMessage.number(label)), not a class: with \(classes) "
        + "scores a row, the classes are 0 to \(classes - 1)"
    }
    return nil
  }
}
