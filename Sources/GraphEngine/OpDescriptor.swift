/// Everything about one operation, in one place: its arity, its forward value, its local
/// gradients as numbers and as formulas, its expansion if it is a composite, what to say when
/// it leaves its domain, how the house styles label its node and how formulas spell it.
///
/// As in PyTorch's `derivatives.yaml` (one entry per op, a gradient formula per input) and
/// JAX's primitives (each registers its rules together), an op is one value of this type
/// (`Sources/GraphEngine/Ops/`): the initializer has no defaults, so a descriptor that leaves
/// out a rule does not compile, and ``Op/descriptor`` is an exhaustive switch.
public struct OpDescriptor: Sendable {
  /// How many inputs a node of the op has.
  public let arity: Int
  /// The name a lesson calls it by (`exp`, `sigmoid`) and how formulas spell the call; nil
  /// for operators written with a sign (`+`, `*`, `^`) and for leaves.
  public let call: Call?
  /// The shape of y from its inputs' shapes (and k), or why those shapes do not fit: the
  /// place where shaped values (vectors, matrices) enter. The ops of today work element by
  /// element (``OpDescriptor/elementwise``); a matrix product, a sum over an axis or a
  /// repeat will each state their own rule here, as they will state their forward value and
  /// their backward pass as a vector–Jacobian product beside it.
  public let shape: @Sendable (_ inputs: [Shape], _ k: Double) -> Result<Shape, ShapeMismatch>
  /// y from the inputs' values x and the node's parameter k (a constant's value, a constant
  /// exponent). Results outside the reals come back as NaN or ±∞; ``Evaluator`` turns them
  /// into located errors.
  public let forward: @Sendable (_ x: [Double], _ k: Double) -> Double
  /// ∂y/∂xᵢ as numbers, one per input, given the output y.
  public let gradients: @Sendable (_ x: [Double], _ y: Double, _ k: Double) -> [Double]
  /// ∂y/∂xᵢ as formulas over ``Formula/operand(_:)``, ``Formula/result`` and k, as written
  /// (``Op/symbolicLocalGradients(parameter:)`` tidies them); they agree with `gradients`
  /// wherever both are defined.
  public let rules: @Sendable (_ k: Double) -> [LocalGradientFormula]
  /// The node's value as a formula of its operands' formulas: the textbooks' labels
  /// (`−x`, `exp(−x)`, `1 + exp(−x)`).
  public let value: @Sendable (_ operands: [Formula], _ k: Double) -> Formula
  /// A composite's primitive graph, built on the expanded graph from its inputs' nodes;
  /// returns the node that takes the composite's place. nil for a primitive.
  public let expansion: (@Sendable (inout ExpansionBuilder, [Node.ID]) -> Node.ID)?
  /// What to tell the author when y is not finite, or nil for the generic message
  /// (`exp(1000) overflows to infinity`).
  public let valueProblem: @Sendable (_ x: [Double], _ y: Double, _ k: Double) -> String?
  /// What to tell the author when ∂y/∂xᵢ is not finite although y is, or nil for the generic
  /// message.
  public let gradientProblem: @Sendable (_ i: Int, _ x: [Double], _ k: Double) -> String?
  /// The text in the node, given the parameter as written: the textbooks' sign (DLFS: `×`,
  /// `/`, `**2`) and CS231n's gate (`*`, `1/x`).
  public let symbol: @Sendable (_ k: String) -> (textbook: String, gate: String)
  /// CS231n's gate with a constant folded in (`*-1`, `+1`), given the constant as written and
  /// the side it enters on; nil when the op has no such form.
  public let folded: @Sendable (_ constant: String, _ side: Int) -> String?
  /// How the walk-through names the node (`the × node`, `the exp node`).
  public let walkthroughName: String
  /// What the operation is called in words, in each language of the walk-through.
  public let names: Names
  /// For an operation whose operands do not commute, the mark a figure sets at the wire of
  /// each operand (nil: none), so the reader tells them apart: `a − b` marks b's wire `−`,
  /// `a / b` marks b's `÷`, `a ^ b` marks b's `^`. Empty for a commuting or unary op.
  public let operandMarks: [String?]
  /// For an op that works along an axis (numpy's `axis=k`, ``AxisParameter``): how a lesson
  /// calls it with one; nil for others.
  public let axis: AxisUse?
  /// The part it plays in a loss written out of its parts, whose combined gradient the
  /// walk-through derives (softmax then cross-entropy: (P − T)/N); nil for none.
  public let lossPart: LossPart?
  /// Its forward value and backward pass on vectors and matrices, for an op that does more
  /// than work element by element (a matrix product, a sum over an axis, softmax); nil for
  /// one that does, whose scalar rules give it (``TensorRule/elementwise(_:)``).
  public let tensor: TensorRule?

  /// An operation's name in words: `multiplication` / `곱셈`.
  public struct Names: Sendable {
    public let english: String
    public let korean: String

    public init(_ english: String, _ korean: String) {
      self.english = english
      self.korean = korean
    }
  }

  /// How a lesson calls an op that works along an axis: `name(x, axis=k)`, also
  /// `name(x, k)` when `positional`; and, when `name(x)` with no axis is this op too, the
  /// parameter it then has (`softmax(x)`: the last axis; `logsumexp(x)`: every axis).
  public struct AxisUse: Sendable {
    public let name: String
    public let absent: Double?
    /// Whether the axis may be written without `axis=`: not for `max`, whose `max(a, b)` is
    /// numpy's element-by-element maximum.
    public let positional: Bool
  }

  /// The parts of the losses the books derive whole: softmax then the cross-entropy error
  /// (DLFS's Softmax-with-Loss, (P − T)/N), a sigmoid then the binary cross-entropy
  /// (Sigmoid-with-Loss, (p − t)/N), and the mean of a squared difference (the mean squared
  /// error, 2(Y − T)/(N·D)). `logLikelihood` is the cross-entropy error's part: −Σ t·log p.
  public enum LossPart: Sendable, Equatable {
    case probabilities, logLikelihood, squashing, difference, power, average
  }

  /// A function a lesson can call.
  public struct Call: Sendable {
    /// The name in a lesson (`sigmoid`).
    public let name: String
    /// How formulas write it.
    public let spelling: Spelling
  }

  /// How the formula writers set a call (the formula model's).
  public typealias Spelling = Formula.Spelling

  public init(
    arity: Int, call: Call?,
    shape: @escaping @Sendable ([Shape], Double) -> Result<Shape, ShapeMismatch>,
    forward: @escaping @Sendable ([Double], Double) -> Double,
    gradients: @escaping @Sendable ([Double], Double, Double) -> [Double],
    rules: @escaping @Sendable (Double) -> [LocalGradientFormula],
    value: @escaping @Sendable ([Formula], Double) -> Formula,
    expansion: (@Sendable (inout ExpansionBuilder, [Node.ID]) -> Node.ID)?,
    valueProblem: @escaping @Sendable ([Double], Double, Double) -> String?,
    gradientProblem: @escaping @Sendable (Int, [Double], Double) -> String?,
    symbol: @escaping @Sendable (String) -> (textbook: String, gate: String),
    folded: @escaping @Sendable (String, Int) -> String?, walkthroughName: String,
    names: Names, operandMarks: [String?] = [], axis: AxisUse? = nil,
    lossPart: LossPart? = nil, tensor: TensorRule? = nil
  ) {
    self.arity = arity
    self.call = call
    self.shape = shape
    self.forward = forward
    self.gradients = gradients
    self.rules = rules
    self.value = value
    self.expansion = expansion
    self.valueProblem = valueProblem
    self.gradientProblem = gradientProblem
    self.symbol = symbol
    self.folded = folded
    self.walkthroughName = walkthroughName
    self.names = names
    self.operandMarks = operandMarks
    self.axis = axis
    self.lossPart = lossPart
    self.tensor = tensor
  }

  /// A function called by name (`exp`), spelled the common way.
  static func function(_ name: String, latex: String? = nil) -> Call {
    Call(name: name, spelling: Spelling(name, latex: latex ?? "\\" + name))
  }

  /// Element by element: the inputs broadcast against one another, as numpy does (a unary
  /// op keeps its input's shape).
  static let elementwise: @Sendable ([Shape], Double) -> Result<Shape, ShapeMismatch> = {
    shapes, _ in
    if let shape = Shape.broadcast(shapes) { return .success(shape) }
    return .failure(
      ShapeMismatch(
        shapes.map(\.description).joined(separator: " and ")
          + " do not broadcast: each axis needs equal sizes or a size of 1"))
  }

  /// No special message: the generic one.
  static let generic: @Sendable ([Double], Double, Double) -> String? = { _, _, _ in nil }
  static let genericGradient: @Sendable (Int, [Double], Double) -> String? = { _, _, _ in nil }
  /// No folded gate.
  static let notFolded: @Sendable (String, Int) -> String? = { _, _ in nil }
  /// A node labelled with the function's name in every style.
  static func named(_ name: String) -> @Sendable (String) -> (textbook: String, gate: String) {
    { _ in (name, name) }
  }
}

/// A symbolic local gradient ∂y/∂xᵢ, in the textbooks' two forms.
public struct LocalGradientFormula: Hashable, Sendable {
  /// In terms of the node's inputs (``Formula/operand(_:)``): −1/x² for `1/x`.
  public var inOperands: Formula
  /// The same in terms of the node's output y (``Formula/result``) where the textbooks
  /// prefer it: −y² for `1/x`, y(1−y) for σ, 1−y² for tanh. `nil` when there is none.
  public var inResult: Formula?

  public init(_ inOperands: Formula, orInResult inResult: Formula? = nil) {
    self.inOperands = inOperands
    self.inResult = inResult
  }

  /// The form the textbooks write in labels: the result form where there is one.
  public var preferred: Formula { inResult ?? inOperands }
}

/// Builds a composite's primitive graph in the expanded graph (``Graph/expandingComposites()``).
public struct ExpansionBuilder {
  /// The expanded graph's nodes so far.
  var nodes: [Node] = []
  /// The composite node being expanded: new nodes keep its location and point back to it.
  var source: Node?

  /// Adds a node of `op` on `inputs` and returns its id; without a parameter, an op along an
  /// axis works along its default one (softmax: the last).
  public mutating func add(_ op: Op, _ inputs: [Node.ID], _ parameter: Double? = nil) -> Node.ID {
    let parameter = parameter ?? op.descriptor.axis?.absent ?? 0
    let id = nodes.count
    let location = source?.location ?? SourceLocation(line: 1, column: 1)
    nodes.append(
      Node(
        id: id, op: op, inputs: inputs, parameter: parameter, location: location,
        origin: source.map { $0.origin ?? $0.id }))
    return id
  }
}
