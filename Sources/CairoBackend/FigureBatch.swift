public import Analysis
import Dispatch
import Drawing
public import Figures
import Foundation
import Synchronization

/// Renders many figures in many formats on the calling thread and on helper threads.
///
/// Each job draws on its own Cairo surface with the Pango cache of the thread it runs on;
/// jobs on different threads share nothing mutable.
public enum FigureBatch {
  /// One rendered file.
  public struct Output: Sendable {
    public var figure: FigureID
    public var format: FigureFormat
    public var data: Data
  }

  /// Every figure in every format, in figure order then format order.
  ///
  /// The calling thread takes the files one by one from a shared list, and so does each
  /// helper once the work it already has is done (the handout thread joins after the
  /// handout). The calling thread should be the one that composed the scenes: it has their
  /// fonts loaded already.
  public static func render(
    _ figures: [Figure], formats: [FigureFormat], helpers: [RenderThread] = []
  ) throws -> [Output] {
    let pairs = figures.flatMap { figure in formats.map { (figure, $0) } }
    let jobs: [@Sendable () throws -> Data] = pairs.map { figure, format in
      { try FigureRenderer.render(figure.scene, as: format) }
    }
    let data = try run(jobs, helpers: helpers)
    return zip(pairs, data).map { pair, bytes in
      Output(figure: pair.0.id, format: pair.1, data: bytes)
    }
  }

  /// Runs the jobs on this thread and the helpers; the results in job order, or the first
  /// error.
  static func run(_ jobs: [@Sendable () throws -> Data], helpers: [RenderThread]) throws
    -> [Data]
  {
    let list = JobList(jobs)
    let joined = helpers.map { helper in helper.submit { list.work() } }
    list.work()
    for helper in joined { try helper.value() }
    return try list.results()
  }
}

/// Jobs that any number of threads take one at a time, and their results.
private final class JobList: Sendable {
  private let jobs: [@Sendable () throws -> Data]
  private let next = Atomic<Int>(0)
  private let done: Mutex<[Result<Data, RenderError>?]>

  init(_ jobs: [@Sendable () throws -> Data]) {
    self.jobs = jobs
    done = Mutex(Array(repeating: nil, count: jobs.count))
  }

  /// Runs jobs until none is left.
  func work() {
    while true {
      let i = next.add(1, ordering: .relaxed).oldValue
      guard i < jobs.count else { return }
      let result: Result<Data, RenderError>
      do {
        result = .success(try jobs[i]())
      } catch let error as RenderError {
        result = .failure(error)
      } catch {
        result = .failure(RenderError(description: "\(error)"))
      }
      done.withLock { $0[i] = result }
    }
  }

  /// Every result in job order, or the first error.
  func results() throws -> [Data] {
    try done.withLock { all in
      try all.map { result in
        guard let result else { throw RenderError(description: "a file was not rendered") }
        return try result.get()
      }
    }
  }
}
