/// An op's forward value and backward pass on shaped values (``Tensor``).
///
/// The backward pass is a vector–Jacobian product, as in PyTorch's autograd and JAX's
/// `vjp`: given ∂L/∂y (the upstream gradient, y's shape) it returns ∂L/∂xᵢ for each input,
/// each of that input's shape, without forming the Jacobian (a (64, 100)·(100, 10) product
/// has a Jacobian of 640 × 7,400 numbers; its vector–Jacobian products are ∂L/∂Y·Wᵀ and
/// Xᵀ·∂L/∂Y).
public struct TensorRule: Sendable {
  /// y from the inputs and the node's parameter k. Pre: the shapes passed the op's
  /// ``OpDescriptor/shape`` rule.
  public let forward: @Sendable (_ x: [Tensor], _ k: Double) -> Tensor
  /// ∂L/∂xᵢ for each input, given the inputs, y and ∂L/∂y.
  public let backward:
    @Sendable (_ x: [Tensor], _ y: Tensor, _ upstream: Tensor, _ k: Double) -> [Tensor]
  /// The same backward pass as formulas, one per input, over ``Formula/upstream`` (∂L/∂Y),
  /// ``Formula/operand(_:)`` and ``Formula/result``: ∂L/∂X = ∂L/∂Y·Wᵀ, sum(∂L/∂Y, 0),
  /// (softmax(a) − t)/N. nil for an input whose gradient no short formula says (softmax's
  /// own) or that is not differentiated (a loss's labels t). The figures' symbolic labels
  /// and the walk-through's derivations both write these.
  public let formulas: @Sendable (_ shapes: GradientShapes) -> [Formula?]
  /// Whether its first two inputs are multiplied as matrices, (N, D)·(D, H) (the matrix
  /// product, the Affine layer): the figures write their dimension check and take a left
  /// operand of several rows for a batch, and its work is counted as m·k·n multiply–adds.
  public let multipliesMatrices: Bool
  /// The inputs that are a loss's labels t: data the loss compares against, which nothing
  /// learns, so no gradient is followed to them (``Op/isLabelSlot(_:)``).
  public let labels: Set<Int>
  /// What the lessons say of the node beyond its formula.
  public let role: Role
  /// Why these inputs have no value although their shapes fit (a class label that is not
  /// one of the classes), checked before ``forward``; nil for an op whose every input of a
  /// fitting shape has one.
  public let problem: (@Sendable (_ x: [Tensor], _ k: Double) -> String?)?
  /// Whether its backward pass run on absolute values does not give the size of its terms:
  /// it subtracts by design (softmax's y ⊙ (g − Σ g·y)), or |x| picks other elements (a
  /// maximum) or another y (logsumexp). Every |∂yⱼ/∂xᵢ| of these is at most 1, so the
  /// upstream sizes' total bounds the terms (``TensorEvaluation/magnitudes``).
  public let cancels: Bool
  /// How many elements its backward pass divides by (a mean's n: ∂L/∂x = ∂L/∂y·𝟏/n, also
  /// when they are a batch's N rows), which its formulas write as ``GradientShapes/count``
  /// says; nil for an op that divides by no count, or by its input's rows as a loss does
  /// (``GradientShapes/rows``).
  public let averagesOver: (@Sendable (_ shapes: GradientShapes) -> Int)?

  /// A node the figures and the walk-through explain by what it does, beyond its formula.
  public enum Role: Sendable, Equatable {
    /// An op its formulas explain.
    case plain
    /// n copies of one row (a bias repeated over a batch, DLFS 2 §1.3.4): its gradient is
    /// the sum of the copies' gradients, and its rows are a batch's rows.
    case rowCopies
    /// softmax then cross-entropy as one layer (DLFS's Softmax-with-Loss): its gradient is
    /// (y − t)/N, and its classes can be drawn out one by one.
    case softmaxLoss
    /// Each element moved to another place, unchanged (the transpose): its gradient is moved
    /// back the same way.
    case rearrangement
  }

  public init(
    forward: @escaping @Sendable ([Tensor], Double) -> Tensor,
    backward: @escaping @Sendable ([Tensor], Tensor, Tensor, Double) -> [Tensor],
    formulas: @escaping @Sendable (GradientShapes) -> [Formula?],
    multipliesMatrices: Bool = false, labels: Set<Int> = [], role: Role = .plain,
    problem: (@Sendable ([Tensor], Double) -> String?)? = nil, cancels: Bool = false,
    averagesOver: (@Sendable (GradientShapes) -> Int)? = nil
  ) {
    self.forward = forward
    self.backward = backward
    self.formulas = formulas
    self.multipliesMatrices = multipliesMatrices
    self.labels = labels
    self.role = role
    self.problem = problem
    self.cancels = cancels
    self.averagesOver = averagesOver
  }

  /// An op that works element by element, from its scalar rules: the inputs are broadcast to
  /// y's shape, y = f(x) at every element, and ∂L/∂xᵢ = ∂L/∂y ⊙ ∂y/∂xᵢ, summed over the axes
  /// that broadcasting stretched (DLFS's bias: the batch's gradients summed over axis 0).
  static func elementwise(_ descriptor: @escaping @Sendable () -> OpDescriptor) -> TensorRule {
    TensorRule(
      forward: { x, k in
        let op = descriptor()
        let shape = Shape.broadcast(x.map(\.shape)) ?? .scalar
        let spread = x.map { $0.broadcast(to: shape).elements }
        var out = [Double](repeating: 0, count: shape.count)
        var scalars = [Double](repeating: 0, count: x.count)
        for e in out.indices {
          for i in x.indices { scalars[i] = spread[i][e] }
          out[e] = op.forward(scalars, k)
        }
        return Tensor(shape, out)
      },
      backward: { x, y, upstream, k in
        let op = descriptor()
        let spread = x.map { $0.broadcast(to: y.shape).elements }
        var grads = x.map { _ in [Double](repeating: 0, count: y.shape.count) }
        var scalars = [Double](repeating: 0, count: x.count)
        for e in y.elements.indices {
          for i in x.indices { scalars[i] = spread[i][e] }
          let local = op.gradients(scalars, y.elements[e], k)
          for i in x.indices { grads[i][e] = upstream.elements[e] * local[i] }
        }
        return x.indices.map { Tensor(y.shape, grads[$0]).reduced(to: x[$0].shape) }
      },
      formulas: { shapes in
        let rules = descriptor().rules(shapes.k)
        return shapes.inputs.indices.map { i in
          guard i < rules.count else { return nil }
          let local = rules[i].preferred
          // ∂L/∂Y ⊙ ∂y/∂xᵢ; a product with a local gradient that is one number.
          let gradient: Formula
          switch local {
          case .number(1): gradient = .upstream
          case .number(-1): gradient = .negate(.upstream)
          default:
            gradient =
              shapes.isScalar(local) || shapes.output.isScalar
              ? .product([.upstream, local]) : .hadamard(.upstream, local)
          }
          return GradientShapes.summed(gradient, from: shapes.output, to: shapes.inputs[i])
        }
      })
  }
}

extension GradientShapes {
  /// The axes of `output` along which numpy's broadcasting stretched `input`: the leading
  /// axes `input` lacks, and those where it has size 1 and `output` does not. [0] for a bias
  /// (H) or (1, H) added to every row of (N, H); [1] for a column (N, 1).
  public static func broadcastAxes(from input: Shape, to output: Shape) -> [Int] {
    let lead = output.rank - input.rank
    var axes = Array(0..<max(0, lead))
    for (k, size) in input.dimensions.enumerated()
    where size == 1 && lead + k >= 0 && output.dimensions[lead + k] != 1 {
      axes.append(lead + k)
    }
    return axes
  }
}

/// What an op's backward formulas (``TensorRule/formulas``) may depend on besides its
/// operands: their shapes, y's, the node's parameter k, and how each input's number of rows
/// is written (N for a batch's rows, else the number; 1 for a vector), and the count a mean
/// divides by (``TensorRule/averagesOver``).
public struct GradientShapes: Sendable {
  public let inputs: [Shape]
  public let output: Shape
  public let k: Double
  public let rows: [Formula]
  /// How the count of ``TensorRule/averagesOver`` is written: a symbol the figure defines
  /// (n, or a batch's N); nil: its number.
  public var count: Formula?

  public init(inputs: [Shape], output: Shape, k: Double, rows: [Formula]? = nil) {
    self.inputs = inputs
    self.output = output
    self.k = k
    self.rows = rows ?? inputs.map { .number(Double($0.rank == 2 ? $0.dimensions[0] : 1)) }
  }

  /// The count `n` a mean divides by, as ``count`` writes it.
  public func written(count n: Int) -> Formula { count ?? .number(Double(n)) }

  /// Whether `formula` is one number at every element: it names no operand or result that
  /// is a vector or a matrix.
  public func isScalar(_ formula: Formula) -> Bool {
    var scalar = true
    _ = formula.map { leaf in
      switch leaf {
      case .operand(let i) where i < inputs.count && !inputs[i].isScalar: scalar = false
      case .result where !output.isScalar: scalar = false
      default: break
      }
      return leaf
    }
    return scalar
  }

  /// `gradient`, of `output`'s shape, summed over the axes along which numpy's broadcasting
  /// stretched `input` to it (missing leading axes and axes of size 1): sum(∂L/∂Y, 0) for a
  /// bias added to every row, sum(∂L/∂Y, 1) for a column added to every column.
  public static func summed(_ gradient: Formula, from output: Shape, to input: Shape) -> Formula {
    guard output != input else { return gradient }
    if input.isScalar { return .call(.sum, [gradient]) }
    let axes = broadcastAxes(from: input, to: output)
    guard !axes.isEmpty else { return gradient }
    let written: Formula =
      axes.count == 1
      ? .number(Double(axes[0]))
      : .symbol("(" + axes.map(String.init).joined(separator: ", ") + ")")
    return .call(.sum, [gradient, written])
  }
}
