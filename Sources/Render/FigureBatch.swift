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

  /// Every figure in every format, in figure order then format order, and the results of
  /// `alongside` (jobs such as the handout, run first since they are the longest).
  public static func render(
    _ figures: [Figure], formats: [FigureFormat], alongside: [@Sendable () throws -> Data] = []
  ) throws -> (figures: [Output], alongside: [Data]) {
    let pairs = figures.flatMap { figure in formats.map { (figure, $0) } }
    var jobs: [@Sendable () throws -> Data] = alongside
    for (figure, format) in pairs {
      jobs.append { try FigureRenderer.render(figure.scene, as: format) }
    }
    let data = try run(jobs)
    let outputs = zip(pairs, data.dropFirst(alongside.count)).map { pair, bytes in
      Output(figure: pair.0.name, format: pair.1, data: bytes)
    }
    return (outputs, Array(data.prefix(alongside.count)))
  }

  /// Runs the jobs on all cores; the results in job order, or the first error.
  static func run(_ jobs: [@Sendable () throws -> Data]) throws -> [Data] {
    let results = Mutex([Result<Data, RenderError>?](repeating: nil, count: jobs.count))
    DispatchQueue.concurrentPerform(iterations: jobs.count) { i in
      let result: Result<Data, RenderError>
      do {
        result = .success(try jobs[i]())
      } catch let error as RenderError {
        result = .failure(error)
      } catch {
        result = .failure(RenderError(description: "\(error)"))
      }
      results.withLock { $0[i] = result }
    }
    return try results.withLock { all in
      try all.map { result in
        guard let result else { throw RenderError(description: "a file was not rendered") }
        return try result.get()
      }
    }
  }
}
