import Analysis
import CairoBackend
import Drawing
import Figures
import Foundation
import Synchronization
import Testing

@Suite("Render thread and figure batch")
struct RenderThreadTests {
  struct Failure: Error {}

  @Test("work runs in the order given, all of it on one thread that is not the caller's")
  func orderAndThread() throws {
    let thread = RenderThread()
    let seen = Mutex<[(Int, UInt)]>([])
    var last: Pending<Int>?
    for i in 0..<50 {
      last = thread.submit {
        seen.withLock { $0.append((i, UInt(bitPattern: Int(bitPattern: pthread_self())))) }
        return i
      }
    }
    #expect(try last?.value() == 49)
    let runs = seen.withLock { $0 }
    #expect(runs.map(\.0) == Array(0..<50))
    #expect(Set(runs.map(\.1)).count == 1)
    #expect(runs.first?.1 != UInt(bitPattern: Int(bitPattern: pthread_self())))
  }

  @Test("a pending result gives back the error its work threw, as often as asked")
  func errors() {
    let pending = RenderThread().submit { () throws -> Int in throw Failure() }
    #expect(throws: Failure.self) { try pending.value() }
    #expect(throws: Failure.self) { try pending.value() }
  }

  @Test("figures rendered with a helper thread: every file, in order, the same bytes as alone")
  func batchWithHelper() throws {
    let figures = try figures("sigmoid", style: .dlfs, kinds: [.graph, .steps])
    let alone = try FigureBatch.render(figures, formats: FigureFormat.allCases)
    let shared = try FigureBatch.render(
      figures, formats: FigureFormat.allCases, helpers: [RenderThread()])
    #expect(alone.count == figures.count * 3)
    #expect(shared.map(\.figure) == alone.map(\.figure))
    #expect(shared.map(\.format) == alone.map(\.format))
    #expect(shared.map(\.data) == alone.map(\.data))
  }
}
