import ArgumentParser
import Foundation
import LessonKit
import Render

/// `lessongen LESSON`: everything for one lesson into `Output/<id>/`.
struct Generate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Generate everything for one lesson into ./Output/<id>/ (or --out DIR/<id>/).")

  @OptionGroup var options: LessonOptions
  @OptionGroup var style: StyleOptions

  @Option(help: ArgumentHelp("Write under DIR/<id>/ instead of ./Output/<id>/.", valueName: "DIR"))
  var out: String = "Output"

  func run() throws {
    let helper = RenderThread()
    helper.async { HandoutRenderer.loadFonts() }
    let compiled = try options.compile()
    var plan: FigurePlan
    do {
      plan = try FigurePlan.make(
        for: compiled, style: style.style, labels: style.labels, language: style.lang)
      plan.paper = Paper(rawValue: style.paper) ?? .a4
    } catch {
      Terminal.printError(error.description)
      throw ExitCode.failure
    }
    let folder = URL(fileURLWithPath: out).appendingPathComponent(compiled.lesson.id)
    do {
      let artifacts = try Artifacts.make(for: compiled, plan: plan, helper: helper)
      try OutputFolder(folder).write(artifacts)
    } catch {
      Terminal.printError("error: \(error)")
      throw ExitCode.failure
    }
    Terminal.write("wrote \(compiled.lesson.id) to \(folder.relativePath)/\n")
  }
}
