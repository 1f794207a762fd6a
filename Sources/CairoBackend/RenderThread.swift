internal import CDispatch
import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// One thread of its own that runs the work given to it in order.
///
/// Pango's fonts and shaped text are per thread (``PangoThreadCache``): work that should find
/// them — the handout, measured while the figures are still being composed, then drawn — must
/// run on the same thread each time, which a dispatch queue does not promise. The thread ends
/// when the process does.
public final class RenderThread: Sendable {
  private let queue = Mutex<[@Sendable () -> Void]>([])
  private let ready = DispatchSemaphore(value: 0)

  /// The thread's stack: deep formulas are typeset recursively (nesting is capped at 200).
  static let stackSize = 16 << 20

  public init() {
    let box = Unmanaged.passRetained(self).toOpaque()
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    pthread_attr_setstacksize(&attributes, Self.stackSize)
    pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
    var thread = pthread_t()
    let made = pthread_create(
      &thread, &attributes,
      { box in
        guard let box else { return nil }
        Unmanaged<RenderThread>.fromOpaque(box).takeRetainedValue().loop()
      }, box)
    precondition(made == 0, "lessongen could not start a thread (\(made))")
  }

  private func loop() -> Never {
    while true {
      ready.wait()
      let work = queue.withLock { $0.removeFirst() }
      work()
    }
  }

  /// Runs `work` on this thread after everything submitted before it.
  public func async(_ work: @escaping @Sendable () -> Void) {
    queue.withLock { $0.append(work) }
    ready.signal()
  }

  /// Runs `work` on this thread after everything submitted before it; its result, when done.
  public func submit<T: Sendable>(_ work: @escaping @Sendable () throws -> T) -> Pending<T> {
    let pending = Pending<T>()
    async { pending.fulfil(Result { try work() }) }
    return pending
  }
}

/// The result of work running elsewhere.
public final class Pending<T: Sendable>: Sendable {
  private let result = Mutex<Result<T, any Error>?>(nil)
  private let done = DispatchSemaphore(value: 0)

  fileprivate init() {}

  fileprivate func fulfil(_ value: Result<T, any Error>) {
    result.withLock { $0 = value }
    done.signal()
  }

  /// Waits for the work to finish; its value, or the error it threw.
  public func value() throws -> T {
    done.wait()
    done.signal()  // later calls return at once
    guard let outcome = result.withLock({ $0 }) else {
      throw RenderError(description: "work ended without a result")
    }
    return try outcome.get()
  }
}
