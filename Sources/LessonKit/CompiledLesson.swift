public import ExpressionLanguage
public import GraphEngine

/// A lesson with its graph built and evaluated: everything the writers need.
public struct CompiledLesson: Sendable {
  public let lesson: Lesson
  public let program: Program
  public let graph: Graph
  public let evaluation: Evaluation
  /// The input values used (the lesson's, with `--set` overrides applied).
  public let inputValues: [String: Double]

  /// Parses the function, builds the graph and runs both passes.
  ///
  /// - Parameter overrides: input values that replace the lesson's (`--set name=value`).
  /// - Throws: every diagnostic of the function, located in the lesson file; or an error for
  ///   an override naming no input.
  public static func compile(_ lesson: Lesson, overrides: [String: Double] = [:])
    throws(LessonError) -> CompiledLesson
  {
    func located(_ list: DiagnosticList) -> LessonError {
      LessonError(list.diagnostics.map { Diagnostic($0, path: lesson.path, source: lesson.source) })
    }
    let known = Set(lesson.inputs.map(\.name))
    for name in overrides.keys.sorted() where !known.contains(name) {
      let names = lesson.inputs.map(\.name).joined(separator: ", ")
      throw LessonError([
        Diagnostic(
          path: lesson.path, location: nil,
          message: "--set \(name): the lesson has no input '\(name)' (its inputs: \(names))",
          sourceLine: nil)
      ])
    }
    let (program, graph): (Program, Graph)
    switch buildGraph(lesson) {
    case .success(let built): (program, graph) = built
    case .failure(let list): throw located(list)
    }
    let unknown = unknownNoteNames(lesson, graph)
    if !unknown.isEmpty { throw located(DiagnosticList(unknown)) }
    if let shaped = tensorUse(lesson, graph) { throw located(DiagnosticList([shaped])) }
    var values: [String: Double] = [:]
    for input in lesson.inputs { values[input.name] = overrides[input.name] ?? input.value }
    if let derivation = lesson.derivation {
      let problems = DerivationChecker.problems(
        derivation, lesson: lesson, graph: graph, upstream: lesson.upstream)
      if !problems.isEmpty { throw located(DiagnosticList(problems)) }
    }
    switch Evaluator.evaluate(graph, inputs: values, upstream: lesson.upstream) {
    case .success(let evaluation):
      return CompiledLesson(
        lesson: lesson, program: program, graph: graph, evaluation: evaluation,
        inputValues: values)
    case .failure(let list): throw located(list)
    }
  }

  /// Compiles a lesson file's bytes (as read from `path`), reporting every problem at once.
  public static func compile(bytes: [UInt8], path: String, id: String) throws(LessonError)
    -> CompiledLesson
  {
    try compile(draft: LessonLoader.read(bytes: bytes, path: path, id: id), overrides: [:])
  }

  /// Reads, checks and compiles a lesson file, reporting every problem of the file in one
  /// error: those of its YAML structure together with those of its function.
  static func compile(draft: LessonLoader.Draft, overrides: [String: Double]) throws(LessonError)
    -> CompiledLesson
  {
    guard !draft.problems.isEmpty else {
      return try compile(draft.lesson, overrides: overrides)
    }
    var problems = draft.problems
    if !draft.lesson.function.isEmpty {
      var lesson = draft.lesson
      if !draft.inputsRead { lesson.inputs = [] }
      switch buildGraph(lesson) {
      case .failure(let list) where draft.inputsRead:
        problems += list.diagnostics
      case .success(let (_, graph)):
        problems += unknownNoteNames(lesson, graph)
      case .failure(let list):
        // Without readable inputs only the syntax can be judged.
        problems += list.diagnostics.filter { !$0.message.contains("has no value") }
      }
    }
    throw draft.error(problems)
  }

  /// A note (in any language) for a name no node of the graph has: located at the note's
  /// name, with the nearest name when one is close (`Y` → `y`).
  static func unknownNoteNames(_ lesson: Lesson, _ graph: Graph) -> [EngineDiagnostic] {
    let names = graph.nodes.compactMap(\.name)
    let known = Set(names)
    var problems: [EngineDiagnostic] = []
    for language in lesson.text.keys.sorted() {
      guard let text = lesson.text[language] else { continue }
      for (name, location) in text.noteLocations where !known.contains(name) {
        var message = "a note for '\(name)', but no node is named '\(name)'"
        if let close = Suggestion.closest(to: name, in: names) {
          message += "; did you mean '\(close)'?"
        } else {
          let shown = names.prefix(12).joined(separator: ", ")
          message += "; the named nodes are " + shown + (names.count > 12 ? ", …" : "")
        }
        problems.append(EngineDiagnostic(message, at: location))
      }
    }
    return problems.sorted { $0.location < $1.location }
  }

  /// Where a lesson first uses vectors or matrices, which are compiled on shaped values
  /// (``CompiledTensorLesson``, ``LessonSource/compileAny(overrides:)``), not on numbers: a
  /// list under `inputs` or `upstream`, or an op of shaped values.
  static func tensorUse(_ lesson: Lesson, _ graph: Graph) -> EngineDiagnostic? {
    let what: String
    let location: SourceLocation
    if let input = lesson.inputs.first(where: { $0.tensor != nil }), let tensor = input.tensor {
      what = "input '\(input.name)' is a \(CompiledTensorLesson.kind(tensor.shape)) \(tensor.shape)"
      location = input.location
    } else if let node = graph.nodes.first(where: { $0.op.descriptor.tensor != nil }) {
      what = "\(node.op.descriptor.walkthroughName) works on vectors and matrices"
      location = node.location
    } else if lesson.upstreamTensor != nil, let input = lesson.inputs.first {
      what = "'upstream' is a list"
      location = input.location
    } else {
      return nil
    }
    return EngineDiagnostic(
      what + ": a lesson of vectors and matrices, compiled on shaped values, not on numbers",
      at: location)
  }

  /// Parses the function and builds its graph.
  static func buildGraph(_ lesson: Lesson) -> Result<(Program, Graph), DiagnosticList> {
    let locator = lesson.functionLocator
    let (parsed, problems) = Parser.parsePartially(lesson.function) { locator.location($0) }
    guard let program = parsed else { return .failure(DiagnosticList(problems)) }
    let names = lesson.inputs.map { GraphBuilder.InputName($0.name, at: $0.location) }
    let built = GraphBuilder.build(program, inputs: names).map { (program, $0) }
    guard !problems.isEmpty else { return built }
    // The statements are whole but a call could not be made: its problems, and the graph's.
    var all = problems
    if case .failure(let list) = built { all += list.diagnostics }
    return .failure(DiagnosticList(all.sorted { $0.location < $1.location }))
  }
}
