import CZlib
import Testing

@testable import PNGCodec

/// Whole PNG files read back: the signature, the chunks and their CRCs, the header, and the
/// scanlines inflated by zlib, for figure-like, random and worst-case images.
@Suite("PNG files")
struct PNGWriterTests {
  struct Chunk {
    var type: String
    var body: [UInt8]
  }

  static func chunks(_ png: [UInt8]) -> [Chunk]? {
    guard png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { return nil }
    var chunks: [Chunk] = []
    var i = 8
    func u32(_ at: Int) -> Int {
      png[at..<at + 4].reduce(0) { $0 << 8 | Int($1) }
    }
    while i + 12 <= png.count {
      let length = u32(i)
      guard i + 12 + length <= png.count else { return nil }
      let typeAndBody = Array(png[(i + 4)..<(i + 8 + length)])
      let crc = typeAndBody.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) }
      guard Int(crc) == u32(i + 8 + length) else { return nil }
      chunks.append(
        Chunk(
          type: String(decoding: typeAndBody.prefix(4), as: UTF8.self),
          body: Array(typeAndBody.dropFirst(4))))
      i += 12 + length
    }
    return i == png.count ? chunks : nil
  }

  static func inflate(_ stream: [UInt8], size: Int) -> [UInt8]? {
    var out = [UInt8](repeating: 0, count: Swift.max(size, 1))
    var length = uLongf(out.count)
    let status = uncompress(&out, &length, stream, uLong(stream.count))
    guard status == Z_OK, Int(length) == size else { return nil }
    return Array(out.prefix(size))
  }

  /// Scanlines of the given size whose pixels come from `pixel(x, y)`.
  static func scanlines(_ width: Int, _ height: Int, _ pixel: (Int, Int) -> [UInt8]) -> [UInt8] {
    var bytes: [UInt8] = []
    for y in 0..<height {
      bytes.append(0)
      for x in 0..<width { bytes += pixel(x, y) }
    }
    return bytes
  }

  static let images:
    [(name: String, width: Int, height: Int, pixel: @Sendable (Int, Int) -> [UInt8])] = [
      ("one pixel", 1, 1, { _, _ in [12, 34, 56] }),
      ("white with a line", 300, 40, { x, y in y == 20 || x == 7 ? [0, 0, 0] : [255, 255, 255] }),
      ("stripes", 97, 61, { x, _ in x % 3 == 0 ? [200, 10, 10] : [10, 10, 200] }),
      (
        "noise (worst case)", 257, 33,
        { x, y in
          let h = UInt32(truncatingIfNeeded: x &* 2_654_435_761 ^ y &* 40_503)
          return [UInt8(h & 255), UInt8(h >> 8 & 255), UInt8(h >> 16 & 255)]
        }
      ),
      ("a tall thin image", 1, 5_000, { _, y in [UInt8(y % 256), 0, 0] }),
      (
        "a wide image over one compression block", 40_000, 12,
        { x, y in [UInt8(x % 7), UInt8(y), 9] }
      ),
    ]

  @Test(
    "the file reads back: chunks, CRCs, header, and the very scanlines", arguments: images.indices)
  func roundTrip(_ index: Int) throws {
    let image = Self.images[index]
    let rows = Self.scanlines(image.width, image.height, image.pixel)
    let png = PNGWriter.encode(width: image.width, height: image.height, scanlines: rows)
    let chunks = try #require(Self.chunks(png), "\(image.name): malformed chunks or CRC")
    #expect(chunks.map(\.type) == ["IHDR", "IDAT", "IEND"])
    let header = chunks[0].body
    #expect(header.count == 13)
    let width = header[0..<4].reduce(0) { $0 << 8 | Int($1) }
    let height = header[4..<8].reduce(0) { $0 << 8 | Int($1) }
    #expect(width == image.width && height == image.height)
    #expect(Array(header[8...]) == [8, 2, 0, 0, 0])
    #expect(Self.inflate(chunks[1].body, size: rows.count) == rows, "\(image.name)")
  }

  @Test("same pixels, same bytes")
  func deterministic() {
    let image = Self.images[3]
    let rows = Self.scanlines(image.width, image.height, image.pixel)
    #expect(
      PNGWriter.encode(width: image.width, height: image.height, scanlines: rows)
        == PNGWriter.encode(width: image.width, height: image.height, scanlines: rows))
  }
}
