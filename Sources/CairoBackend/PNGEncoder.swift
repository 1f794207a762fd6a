internal import CCairo
import Foundation
import PNGCodec

/// Writes a Cairo image surface as PNG through ``PNGCodec`` (Cairo's own writer, libpng with
/// adaptive filters and zlib level 6, took about 7 ms a figure, most of lessongen's time).
enum PNGEncoder {
  static func encode(_ surface: OpaquePointer) throws -> Data {
    cairo_surface_flush(surface)
    let width = Int(cairo_image_surface_get_width(surface))
    let height = Int(cairo_image_surface_get_height(surface))
    let stride = Int(cairo_image_surface_get_stride(surface))
    guard let pixels = cairo_image_surface_get_data(surface), width > 0, height > 0 else {
      throw RenderError(description: "the PNG surface has no pixels")
    }
    // Scanlines: a filter byte (0 = None), then R G B for each pixel.
    let rowBytes = 1 + 3 * width
    var raw = [UInt8](repeating: 0, count: rowBytes * height)
    raw.withUnsafeMutableBufferPointer { out in
      guard let base = out.baseAddress else { return }
      for y in 0..<height {
        let row = pixels + y * stride
        var o = base + y * rowBytes + 1
        for x in 0..<width {
          // ARGB32 in native (little-endian) order: B, G, R, A.
          let p = row + 4 * x
          o[0] = p[2]
          o[1] = p[1]
          o[2] = p[0]
          o += 3
        }
      }
    }
    return Data(PNGWriter.encode(width: width, height: height, scanlines: raw))
  }
}
