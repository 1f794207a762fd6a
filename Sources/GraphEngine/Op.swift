/// The operations of a computational graph.
///
/// Everything about an op is its ``descriptor`` (`Sources/GraphEngine/Ops/`): arity, forward
/// value, local gradients as numbers and as formulas, expansion, domain messages, node labels
/// and formula spelling. Adding an op is a case here, its descriptor, and (for a function) the
/// name it is called by, which the descriptor holds; the compiler refuses a case without a
/// descriptor and a descriptor without every rule.
///
/// | op | y | ∂y/∂x₀ | ∂y/∂x₁ |
/// |---|---|---|---|
/// | add | a + b | 1 | 1 |
/// | sub | a − b | 1 | −1 |
/// | mul | a · b | b | a |
/// | div | a / b | 1/b | −a/b² |
/// | recip | 1/a | −1/a² = −y² | |
/// | neg | −a | −1 | |
/// | pow | aᵇ | b·aᵇ⁻¹ | aᵇ·ln a (needs a > 0) |
/// | powconst | aᵏ | k·aᵏ⁻¹ | |
/// | exp | eᵃ | eᵃ = y | |
/// | log | ln a | 1/a | |
/// | sqrt | √a | 1/(2√a) = 1/(2y) | |
/// | sin, cos, tan | | cos a, −sin a, 1 + y² | |
/// | tanh | composite | 1 − y² | |
/// | sigmoid | composite, σ(a) | y(1 − y) | |
/// | softplus | composite, ln(1 + eᵃ) | σ(a) | |
/// | relu | max(a, 0) | 1 if a > 0, else 0 | |
/// | abs | abs a | sign a | |
/// | max, min | | 1 for the chosen input (ties: the first) | |
///
/// On vectors and matrices (``TensorRule``): `matmul` (A @ B), `sum`, `sumAxis` (sum over
/// axis k), `mean`, `meanAxis`, `repeatRows` (n copies of a row), `crossEntropy`, and the
/// composites `softmaxWithLoss` and `affine`, in `Ops/Tensors.swift`; the reductions along an
/// axis (`sumAxis`, `meanAxis`, `maxAxis`, `logsumexp`) in `Ops/Reductions.swift`; `softmax`
/// and `logSoftmax` in `Ops/Softmax.swift`.
/// `transpose` (Wᵀ) is in `Ops/Transpose.swift`.
public enum Op: String, CaseIterable, Hashable, Sendable {
  /// A free variable; its value comes from the lesson's `inputs`.
  case input
  /// A number written in the function; the node's `parameter` is its value.
  case constant = "const"
  case add, sub, mul, div
  /// 1 / a: the textbooks' unary `/` node, written `1/expr`.
  case recip
  case neg
  /// a^b with a variable exponent.
  case pow
  /// a^k with a constant exponent k (the node's `parameter`).
  case powConst = "powconst"
  case exp, log, sqrt, sin, cos, tan
  case tanh, sigmoid, softplus
  case relu, abs, max, min
  /// A @ B, the matrix product.
  case matmul
  case sum
  /// The sum over axis k (the node's `parameter`), written `sum(x, k)`.
  case sumAxis = "sum_axis"
  case mean
  /// The mean over axis k (the node's `parameter`), written `mean(x, k)`.
  case meanAxis = "mean_axis"
  /// The largest element along axis k, written `max(x, axis=k)`.
  case maxAxis = "max_axis"
  /// log Σ exp along axis k (every element without one), written `logsumexp(x, axis=k)`.
  case logsumexp
  /// n copies of a row (n is the node's `parameter`), written `repeat(x, n)`.
  case repeatRows = "repeat"
  case softmax
  case logSoftmax = "log_softmax"
  case crossEntropy = "cross_entropy"
  case softmaxWithLoss = "softmax_with_loss"
  case affine
  /// Wᵀ, written `W.T` or `transpose(W)`.
  case transpose

  /// Everything about the op.
  public var descriptor: OpDescriptor {
    switch self {
    case .input: .input
    case .constant: .constant
    case .add: .add
    case .sub: .sub
    case .mul: .mul
    case .div: .div
    case .recip: .recip
    case .neg: .neg
    case .pow: .pow
    case .powConst: .powConst
    case .exp: .exp
    case .log: .log
    case .sqrt: .sqrt
    case .sin: .sin
    case .cos: .cos
    case .tan: .tan
    case .tanh: .tanh
    case .sigmoid: .sigmoid
    case .softplus: .softplus
    case .relu: .relu
    case .abs: .abs
    case .max: .max
    case .min: .min
    case .matmul: .matmul
    case .sum: .sum
    case .sumAxis: .sumAxis
    case .mean: .mean
    case .meanAxis: .meanAxis
    case .maxAxis: .maxAxis
    case .logsumexp: .logsumexp
    case .repeatRows: .repeatRows
    case .softmax: .softmax
    case .logSoftmax: .logSoftmax
    case .crossEntropy: .crossEntropy
    case .softmaxWithLoss: .softmaxWithLoss
    case .affine: .affine
    case .transpose: .transpose
    }
  }

  /// How many inputs a node of this op has.
  public var arity: Int { descriptor.arity }

  /// The name used in the trace JSON (`"mul"`, `"sigmoid"`, …).
  public var traceName: String { rawValue }

  /// Whether the op is drawn as one node but can be expanded into a primitive graph.
  public var isComposite: Bool { descriptor.expansion != nil }

  /// Whether the node is a leaf (no inputs).
  public var isLeaf: Bool { arity == 0 }

  /// How formulas spell a call of the op (its name otherwise, for an operator).
  public var spelling: OpDescriptor.Spelling {
    // An op along an axis without a name of its own is spelled as it is called (sum_axis
    // as sum).
    let name = descriptor.axis?.name ?? rawValue
    return descriptor.call?.spelling
      ?? OpDescriptor.Spelling(name, latex: "\\operatorname{\(name)}")
  }

  /// The op as a formula's function.
  public var function: Formula.Function { Formula.Function(id: rawValue, spelling: spelling) }

  /// The op whose ``function`` this is.
  public init?(_ function: Formula.Function) { self.init(rawValue: function.id) }

  /// The op a lesson calls by `name` (`exp`, `sigmoid`), if there is one.
  public static func called(_ name: String) -> Op? { callNames[name] }

  /// The names of the functions a lesson may call, in the order of ``allCases``.
  public static let functionNames: [String] =
    allCases.compactMap { $0.descriptor.call?.name } + ["repeat"]

  /// The functions whose last argument is a number written in the call, the node's
  /// parameter: `sum(x, k)` sums over axis k, `repeat(x, n)` stacks n rows, `softmax(x, k)`
  /// works along axis k (``OpDescriptor/AxisUse/positional``).
  public static func calledWithParameter(_ name: String) -> Op? {
    if name == "repeat" { return .repeatRows }
    return calledWithAxis(name).flatMap { $0.descriptor.axis?.positional == true ? $0 : nil }
  }

  /// The op `name(x, axis=k)` calls (`sum`, `mean`, `max`, `logsumexp`, `softmax`,
  /// `log_softmax`).
  public static func calledWithAxis(_ name: String) -> Op? { axisNames[name] }

  /// The names that take `axis=`, in the order of ``allCases``.
  public static let axisFunctionNames: [String] = allCases.compactMap { $0.descriptor.axis?.name }

  private static let axisNames: [String: Op] = Dictionary(
    uniqueKeysWithValues: allCases.compactMap { op in op.descriptor.axis.map { ($0.name, op) } })

  /// The forward value and backward pass on shaped values.
  /// Whether the op multiplies its first two inputs as matrices (``TensorRule/multipliesMatrices``).
  public var multipliesMatrices: Bool { descriptor.tensor?.multipliesMatrices ?? false }

  /// What the lessons say of the op beyond its formula (``TensorRule/role``).
  public var role: TensorRule.Role { descriptor.tensor?.role ?? .plain }

  public var tensorRule: TensorRule {
    descriptor.tensor ?? .elementwise { self.descriptor }
  }

  private static let callNames: [String: Op] = Dictionary(
    uniqueKeysWithValues: allCases.compactMap { op in op.descriptor.call.map { ($0.name, op) } })

  /// The forward value y of a node whose inputs have the values `x`; `parameter` is a
  /// constant's value or a constant exponent. Results outside the reals come back as NaN or
  /// ±∞, which ``Evaluator`` turns into located errors.
  public func forward(_ x: [Double], parameter: Double) -> Double {
    descriptor.forward(x, parameter)
  }

  /// The local gradients ∂y/∂xᵢ, one per input, at input values `x` and output `y`.
  public func localGradients(_ x: [Double], output y: Double, parameter: Double) -> [Double] {
    descriptor.gradients(x, y, parameter)
  }

  /// The symbolic local gradients ∂y/∂xᵢ, one per input, with `a` = operand 0, `b` = operand
  /// 1, `y` = the result and `k` = `parameter`, tidied. They agree with
  /// ``localGradients(_:output:parameter:)`` wherever both are defined.
  public func symbolicLocalGradients(parameter k: Double) -> [LocalGradientFormula] {
    descriptor.rules(k).map {
      LocalGradientFormula($0.inOperands.tidied(), orInResult: $0.inResult?.tidied())
    }
  }
}
