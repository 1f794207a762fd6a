import Analysis
import CairoBackend
import Drawing
import Explain
import Figures
import Foundation
import GraphEngine
import LessonKit
import Testing

/// The figures of a built-in lesson, drawn in memory.
func figures(
  _ id: String, style: Theme, labels: LabelMode = .numeric,
  kinds: [FigureKind] = FigureKind.allCases
) throws -> [Figure] {
  let compiled = try LessonSource.builtin(id).compile()
  return FigureSet(
    LessonAnalysis(compiled, figures: kinds, convention: style.convention),
    theme: style, labels: labels,
    titles: Walkthrough(LessonAnalysis(compiled), language: .english).figureTitle
  ).compose(measurer: PangoTextMeasurer())
}

/// Deterministic pseudo-random numbers (SplitMix64), so the random graphs are the same in
/// every run.
struct SplitMix: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// A random function over a, b, c of a few statements, using every kind of node.
func randomLesson(_ rng: inout SplitMix) -> (function: String, inputs: [String: Double]) {
  var names = ["a", "b", "c"]
  func expression(_ depth: Int) -> String {
    if depth == 0 || Int.random(in: 0..<10, using: &rng) < 2 {
      if Int.random(in: 0..<5, using: &rng) == 0 {
        return String(Int.random(in: 1...3, using: &rng))
      }
      return names.randomElement(using: &rng) ?? "a"
    }
    let a = expression(depth - 1)
    let b = expression(depth - 1)
    switch Int.random(in: 0..<14, using: &rng) {
    case 0: return "(\(a) + \(b))"
    case 1: return "(\(a) - \(b))"
    case 2: return "\(a) * \(b)"
    case 3: return "\(a) / (1 + \(b)^2)"
    case 4: return "exp(\(a) * 0.1)"
    case 5: return "sin(\(a))"
    case 6: return "cos(\(b))"
    case 7: return "tanh(\(a))"
    case 8: return "sigmoid(\(b))"
    case 9: return "relu(\(a))"
    case 10: return "max(\(a), \(b))"
    case 11: return "min(\(a), \(b))"
    case 12: return "-\(a)"
    default: return "(\(a))^2"
    }
  }
  var statements: [String] = []
  let count = Int.random(in: 1...3, using: &rng)
  for i in 0..<count {
    let name = i == count - 1 ? "y" : "t\(i)"
    var body = expression(Int.random(in: 1...4, using: &rng))
    if i > 0 { body = "\(names[names.count - 1]) * \(body)" }
    statements.append("\(name) = \(body)")
    names.append(name)
  }
  let function = statements.joined(separator: "\n")
  var inputs: [String: Double] = [:]
  for name in ["a", "b", "c"] {
    let value = Double.random(in: -1...1, using: &rng)
    // Only the variables the function uses: an unused input is an error.
    if function.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).contains(Substring(name)) {
      inputs[name] = value
    }
  }
  return (function, inputs)
}

/// Runs a command-line tool (pdfinfo, pdftotext, …) and returns what it printed.
func runTool(_ tool: String, _ arguments: [String]) throws -> String {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = [tool] + arguments
  let pipe = Pipe()
  process.standardOutput = pipe
  try process.run()
  let data = pipe.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  #expect(process.terminationStatus == 0, "\(tool) \(arguments)")
  return String(decoding: data, as: UTF8.self)
}
