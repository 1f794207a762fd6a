import Analysis
import ArgumentParser

/// `--exercise [forward]`: also write the exercise sheet with its answer key.
struct ExerciseOptions: ParsableArguments {
  @Option(
    name: .customLong("exercise"),
    help: ArgumentHelp(
      "Also write <id>-exercise.pdf/.md/.html: the gradients left blank, then the answer key "
        + "(--exercise forward: the forward values too).", valueName: "forward"))
  var exercise: String?

  /// What the sheet leaves blank: nil when `--exercise` was not given.
  var blanks: Blanks? {
    switch exercise {
    case nil: nil
    case "forward": .forward
    default: .gradients
    }
  }

  func validate() throws {
    if let exercise, !["gradients", "forward"].contains(exercise) {
      throw ValidationError(
        "unknown exercise '\(exercise)'; use --exercise (gradients blank) or --exercise forward")
    }
  }

  /// The command line with `--exercise` given its value: a bare `--exercise` means
  /// `--exercise=gradients`, and `--exercise forward` is kept together (the option's value is
  /// optional, which ArgumentParser's options cannot say).
  static func normalise(_ arguments: [String]) -> [String] {
    var out: [String] = []
    var i = 0
    while i < arguments.count {
      let argument = arguments[i]
      if argument == "--" {
        out += arguments[i...]
        break
      }
      if argument == "--exercise" {
        if i + 1 < arguments.count, ["forward", "gradients"].contains(arguments[i + 1]) {
          out.append("--exercise=" + arguments[i + 1])
          i += 2
          continue
        }
        out.append("--exercise=gradients")
      } else {
        out.append(argument)
      }
      i += 1
    }
    return out
  }
}
