internal import CCairo
internal import CZlib
import Foundation

/// Writes a Cairo image surface as PNG, faster than Cairo's own writer (libpng with
/// adaptive filters and zlib level 6, about 7 ms a figure, most of lessongen's time).
///
/// Figures are opaque (a background is painted first), so the file is 8-bit RGB; every row
/// uses the Sub filter, which turns flat areas into runs of zeros, and zlib compresses them
/// with its run-length strategy. Same pixels, same bytes.
enum PNGEncoder {
  static func encode(_ surface: OpaquePointer) throws -> Data {
    cairo_surface_flush(surface)
    let width = Int(cairo_image_surface_get_width(surface))
    let height = Int(cairo_image_surface_get_height(surface))
    let stride = Int(cairo_image_surface_get_stride(surface))
    guard let pixels = cairo_image_surface_get_data(surface), width > 0, height > 0 else {
      throw RenderError(description: "the PNG surface has no pixels")
    }
    // Filtered scanlines: a filter byte (1 = Sub), then R G B minus the pixel to the left.
    let rowBytes = 1 + 3 * width
    var raw = [UInt8](repeating: 0, count: rowBytes * height)
    raw.withUnsafeMutableBufferPointer { out in
      for y in 0..<height {
        let row = pixels + y * stride
        var o = y * rowBytes
        out[o] = 1
        o += 1
        var (pr, pg, pb): (UInt8, UInt8, UInt8) = (0, 0, 0)
        for x in 0..<width {
          // ARGB32 in native (little-endian) order: B, G, R, A.
          let b = row[4 * x]
          let g = row[4 * x + 1]
          let r = row[4 * x + 2]
          out[o] = r &- pr
          out[o + 1] = g &- pg
          out[o + 2] = b &- pb
          (pr, pg, pb) = (r, g, b)
          o += 3
        }
      }
    }
    let compressed = try deflate(raw)
    var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    var header = Data()
    header.append(bigEndian: UInt32(width))
    header.append(bigEndian: UInt32(height))
    // 8-bit RGB, deflate, adaptive filtering, no interlace.
    header.append(contentsOf: [8, 2, 0, 0, 0])
    chunk("IHDR", header, into: &png)
    chunk("IDAT", compressed, into: &png)
    chunk("IEND", Data(), into: &png)
    return png
  }

  private static func deflate(_ raw: [UInt8]) throws -> Data {
    var stream = z_stream()
    let ok = deflateInit2_(
      &stream, Z_BEST_SPEED, Z_DEFLATED, MAX_WBITS, 8, Z_RLE, ZLIB_VERSION,
      Int32(MemoryLayout<z_stream>.size))
    guard ok == Z_OK else { throw RenderError(description: "zlib could not start (\(ok))") }
    defer { deflateEnd(&stream) }
    var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(raw.count))))
    var input = raw
    let status = input.withUnsafeMutableBufferPointer { source in
      output.withUnsafeMutableBufferPointer { target in
        stream.next_in = source.baseAddress
        stream.avail_in = uInt(source.count)
        stream.next_out = target.baseAddress
        stream.avail_out = uInt(target.count)
        return CZlib.deflate(&stream, Z_FINISH)
      }
    }
    guard status == Z_STREAM_END else { throw RenderError(description: "zlib failed (\(status))") }
    return Data(output.prefix(Int(stream.total_out)))
  }

  private static func chunk(_ type: String, _ body: Data, into png: inout Data) {
    png.append(bigEndian: UInt32(body.count))
    var typed = Data(type.utf8)
    typed.append(body)
    png.append(typed)
    let crc = typed.withUnsafeBytes { bytes in
      crc32(0, bytes.bindMemory(to: UInt8.self).baseAddress, uInt(bytes.count))
    }
    png.append(bigEndian: UInt32(crc))
  }
}

extension Data {
  fileprivate mutating func append(bigEndian value: UInt32) {
    append(contentsOf: [
      UInt8(value >> 24), UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff),
    ])
  }
}
