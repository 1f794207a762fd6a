import Dispatch
import Foundation
import Synchronization

/// Renders many figures in many formats on all cores.
///
/// Each job draws on its own Cairo surface with its own Pango context; Pango's font map is
/// per thread, so jobs on different threads share nothing mutable.
public enum FigureBatch {
  /// One rendered file.
  public struct Output: Sendable {
    public var figure: String
    public var format: FigureFormat
    public var data: Data
  }

  /// Every figure in every format, in figure order then format order.
  public static func render(_ figures: [Figure], formats: [FigureFormat]) throws -> [Output] {
    let jobs = figures.flatMap { figure in formats.map { (figure, $0) } }
    let results = Mutex([Result<Data, RenderError>?](repeating: nil, count: jobs.count))
    DispatchQueue.concurrentPerform(iterations: jobs.count) { i in
      let (figure, format) = jobs[i]
      let result: Result<Data, RenderError>
      do {
        result = .success(try FigureRenderer.render(figure.scene, as: format))
      } catch let error as RenderError {
        result = .failure(error)
      } catch {
        result = .failure(RenderError(description: "\(error)"))
      }
      results.withLock { $0[i] = result }
    }
    return try results.withLock { all in
      try zip(jobs, all).map { job, result in
        guard let result else { throw RenderError(description: "a figure was not rendered") }
        return Output(figure: job.0.name, format: job.1, data: try result.get())
      }
    }
  }
}
