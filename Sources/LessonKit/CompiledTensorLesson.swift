public import ExpressionLanguage
public import GraphEngine

/// A lesson of vectors and matrices (an input or `upstream` written as a list, or a function
/// that uses `@`, `sum`, `mean`, `repeat`, `softmax`, `cross_entropy`, `softmax_with_loss`
/// or `affine`) with its graph built and evaluated on shaped values.
public struct CompiledTensorLesson: Sendable {
  public let lesson: Lesson
  public let program: Program
  public let graph: Graph
  public let evaluation: TensorEvaluation

  /// Whether the lesson needs shaped values: a list under `inputs` or `upstream`, or an op
  /// that only vectors and matrices have.
  public static func needsTensors(_ lesson: Lesson, _ graph: Graph) -> Bool {
    lesson.hasTensorValues || graph.nodes.contains { $0.op.descriptor.tensor != nil }
  }

  /// Whether a lesson that reads is one of vectors and matrices, as ``LessonSource/compileAny(overrides:)``
  /// would find: false for one whose function does not build.
  public static func needsTensors(_ lesson: Lesson) -> Bool {
    if lesson.hasTensorValues { return true }
    guard case .success(let (_, graph)) = CompiledLesson.buildGraph(lesson) else { return false }
    return needsTensors(lesson, graph)
  }

  /// Builds the graph and runs both passes on shaped values: the shapes are checked first (a
  /// mismatch is a located error naming both shapes).
  ///
  /// - Parameter overrides: numbers that replace inputs (`--set name=value`); an input
  ///   written as a list cannot be replaced by one.
  public static func compile(_ lesson: Lesson, overrides: [String: Double] = [:])
    throws(LessonError) -> CompiledTensorLesson
  {
    func located(_ list: DiagnosticList) -> LessonError {
      LessonError(list.diagnostics.map { Diagnostic($0, path: lesson.path, source: lesson.source) })
    }
    var values: [String: Tensor] = [:]
    for input in lesson.inputs {
      if let number = overrides[input.name] {
        if let tensor = input.tensor {
          throw LessonError([
            Diagnostic(
              path: lesson.path, location: nil,
              message: "--set \(input.name): '\(input.name)' is a \(kind(tensor.shape)) "
                + "\(tensor.shape); --set gives numbers only", sourceLine: nil)
          ])
        }
        values[input.name] = Tensor(scalar: number)
      } else {
        values[input.name] = input.tensor ?? Tensor(scalar: input.value)
      }
    }
    let known = Set(lesson.inputs.map(\.name))
    for name in overrides.keys.sorted() where !known.contains(name) {
      throw LessonError([
        Diagnostic(
          path: lesson.path, location: nil,
          message: "--set \(name): the lesson has no input '\(name)'", sourceLine: nil)
      ])
    }
    let (program, graph): (Program, Graph)
    switch CompiledLesson.buildGraph(lesson) {
    case .success(let built): (program, graph) = built
    case .failure(let list): throw located(list)
    }
    let upstream = lesson.upstreamTensor ?? Tensor(scalar: lesson.upstream)
    switch TensorEvaluator.evaluate(graph, inputs: values, upstream: upstream) {
    case .success(let evaluation):
      return CompiledTensorLesson(
        lesson: lesson, program: program, graph: graph, evaluation: evaluation)
    case .failure(let list): throw located(list)
    }
  }

  /// Compiles a lesson file's bytes if it is a lesson of vectors and matrices; nil for any
  /// other lesson, valid or not (``CompiledLesson/compile(bytes:path:id:)`` reports those).
  public static func compile(bytes: [UInt8], path: String, id: String) throws(LessonError)
    -> CompiledTensorLesson?
  {
    let draft = try LessonLoader.read(bytes: bytes, path: path, id: id)
    return try compile(draft: draft, overrides: [:])
  }

  /// The draft compiled on shaped values if it is a valid lesson that needs them; nil
  /// otherwise (a lesson of numbers, or one with problems, which the numbers' compiler
  /// reports whole).
  static func compile(draft: LessonLoader.Draft, overrides: [String: Double]) throws(LessonError)
    -> CompiledTensorLesson?
  {
    guard draft.problems.isEmpty,
      case .success(let (_, graph)) = CompiledLesson.buildGraph(draft.lesson),
      needsTensors(draft.lesson, graph)
    else { return nil }
    return try compile(draft.lesson, overrides: overrides)
  }

  /// `vector` or `matrix`.
  static func kind(_ shape: Shape) -> String { shape.rank == 1 ? "vector" : "matrix" }
}
