internal import CCairo
internal import CZlib
import Foundation

/// Writes a Cairo image surface as PNG, faster than Cairo's own writer (libpng with
/// adaptive filters and zlib level 6, about 7 ms a figure, most of lessongen's time).
///
/// Figures are opaque (a background is painted first), so the file is 8-bit RGB. Rows are
/// stored unfiltered and compressed by ``ScanlineDeflater``, which looks for exactly the
/// repeats a PNG filter would predict (the pixel to the left, the row above). Same pixels,
/// same bytes.
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
    var header = [UInt8]()
    header.append(bigEndian: UInt32(width))
    header.append(bigEndian: UInt32(height))
    // 8-bit RGB, deflate, adaptive filtering, no interlace.
    header.append(contentsOf: [8, 2, 0, 0, 0])
    let compressed = ScanlineDeflater(pixelBytes: 3, rowBytes: rowBytes).compress(raw)
    var png = [UInt8]()
    png.reserveCapacity(compressed.count + 64)
    png.append(contentsOf: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    chunk("IHDR", header, into: &png)
    chunk("IDAT", compressed, into: &png)
    chunk("IEND", [], into: &png)
    return Data(png)
  }

  /// Appends a chunk: length, type, body and the CRC of type and body.
  private static func chunk(_ type: String, _ body: [UInt8], into png: inout [UInt8]) {
    png.append(bigEndian: UInt32(body.count))
    let typeBytes = Array(type.utf8)
    png.append(contentsOf: typeBytes)
    png.append(contentsOf: body)
    var crc = typeBytes.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) }
    crc = body.withUnsafeBufferPointer { crc32(crc, $0.baseAddress, uInt($0.count)) }
    png.append(bigEndian: UInt32(crc))
  }
}

extension [UInt8] {
  fileprivate mutating func append(bigEndian value: UInt32) {
    append(contentsOf: [
      UInt8(value >> 24), UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff),
    ])
  }
}
