import GraphEngine
import Yams

extension LessonLoader {
  /// Reads `plot: {from: a, to: b}`: two finite numbers, `from` below `to`, in a lesson with
  /// one input (the plot draws the function of that input).
  static func readPlot(
    _ key: Yams.Node, _ value: Yams.Node, inputs: [Lesson.Input],
    fail: (String, SourceLocation) -> Void
  ) -> PlotRange? {
    guard case .mapping(let entries) = value else {
      fail("'plot' is a mapping such as {from: -6, to: 6}", value.location(orAfter: key))
      return nil
    }
    var bounds: [String: Double] = [:]
    for (name, entry) in entries {
      let word = name.scalar?.string ?? "?"
      guard word == "from" || word == "to" else {
        fail("unknown key '\(word)' in 'plot'; it has 'from' and 'to'", name.location)
        continue
      }
      switch number(entry) {
      case .success(let v): bounds[word] = v
      case .failure(let problem):
        fail("'plot: \(word)' \(problem.message)", entry.location(orAfter: name))
      }
    }
    guard let from = bounds["from"], let to = bounds["to"] else {
      if bounds.count == entries.count {
        fail("'plot' needs both 'from' and 'to'", value.location)
      }
      return nil
    }
    guard from < to else {
      fail(
        "'plot' goes from a smaller number to a larger one (from: \(from), to: \(to))",
        value.location)
      return nil
    }
    if inputs.count != 1 {
      let names = inputs.map(\.name).joined(separator: ", ")
      fail(
        "'plot' draws a function of one input; this lesson has \(inputs.count) (\(names))",
        key.location)
      return nil
    }
    return PlotRange(from: from, to: to)
  }
}
