internal import CCairo
import Foundation

/// Collects what Cairo writes.
final class ByteSink {
  var data = Data()
}

/// Cairo's write callback for every stream surface: appends to the ``ByteSink`` passed as
/// closure.
let writeToSink: cairo_write_func_t = { closure, bytes, length in
  guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
  let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
  sink.data.append(bytes, count: Int(length))
  return CAIRO_STATUS_SUCCESS
}
