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

  public init(
    forward: @escaping @Sendable ([Tensor], Double) -> Tensor,
    backward: @escaping @Sendable ([Tensor], Tensor, Tensor, Double) -> [Tensor]
  ) {
    self.forward = forward
    self.backward = backward
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
      })
  }
}
