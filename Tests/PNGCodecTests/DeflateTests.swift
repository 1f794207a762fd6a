import CZlib
import Testing

@testable import PNGCodec

@Suite("PNG compression")
struct DeflateTests {
  /// Inflates with zlib, which checks the stream's Adler-32.
  func inflate(_ stream: [UInt8], size: Int) -> [UInt8]? {
    var out = [UInt8](repeating: 0, count: Swift.max(size, 1))
    var length = uLongf(out.count)
    let status = uncompress(&out, &length, stream, uLong(stream.count))
    guard status == Z_OK, Int(length) == size else { return nil }
    return Array(out.prefix(size))
  }

  /// Rows of `rowBytes` like a figure's: runs of a few colours, repeated rows, some noise.
  func image(rows: Int, rowBytes: Int, seed: UInt64) -> [UInt8] {
    var rng = SplitMix(state: seed)
    var bytes: [UInt8] = []
    var previous = [UInt8](repeating: 255, count: rowBytes)
    for _ in 0..<rows {
      var row = previous
      if rng.next() % 3 != 0 {
        row[0] = 0
        var x = 1
        while x < rowBytes {
          let run = Int(rng.next() % 40) + 1
          let noisy = rng.next() % 4 == 0
          let colour = [UInt8](repeating: 0, count: 3).map { _ in
            UInt8(truncatingIfNeeded: rng.next())
          }
          for k in 0..<run where x + k < rowBytes {
            row[x + k] = noisy ? UInt8(truncatingIfNeeded: rng.next()) : colour[(x + k) % 3]
          }
          x += run
        }
      }
      bytes += row
      previous = row
    }
    return bytes
  }

  @Test("Adler-32 equals zlib's, for every length around the vector block and chunk sizes")
  func adler() {
    var rng = SplitMix(state: 7)
    let random = (0..<200_000).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
    let full = [UInt8](repeating: 255, count: 16 * Adler32.blocksPerChunk * 2 + 9)
    for data in [random, full] {
      for count in [0, 1, 15, 16, 17, 5552, 65_536, 65_553, data.count] where count <= data.count {
        let slice = Array(data.prefix(count))
        let ours = slice.withUnsafeBufferPointer { Adler32.checksum($0) }
        let zlib = slice.withUnsafeBufferPointer { adler32(1, $0.baseAddress, uInt($0.count)) }
        #expect(UInt(ours) == UInt(zlib), "\(count) bytes")
      }
    }
  }

  @Test("Huffman code lengths stay within the limit and form a complete prefix code")
  func huffmanLimits() {
    // Fibonacci frequencies make the deepest possible tree: 30 symbols, depth 29 unlimited.
    var fibonacci = [1, 1]
    while fibonacci.count < 30 {
      fibonacci.append(fibonacci[fibonacci.count - 1] + fibonacci[fibonacci.count - 2])
    }
    for (frequencies, limit) in [
      (fibonacci, 15), (fibonacci, 7), ([5, 0, 0, 0], 15), ([0, 0, 0], 7),
    ] {
      let code = HuffmanCode(frequencies: frequencies, maxLength: limit)
      let used = code.lengths.filter { $0 > 0 }
      #expect(used.count >= 2)
      #expect(used.allSatisfy { $0 <= limit })
      let kraft = used.reduce(0.0) { $0 + 1 / Double(1 << $1) }
      #expect(kraft == 1, "\(frequencies) limited to \(limit): Kraft sum \(kraft)")
      for (symbol, frequency) in frequencies.enumerated() where frequency > 0 {
        #expect(code.lengths[symbol] > 0)
      }
    }
  }

  @Test("scanline deflate: zlib inflates it back to the same bytes, whatever the input")
  func roundTrip() throws {
    var rng = SplitMix(state: 11)
    let noise = (0..<70_000).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
    let cases: [(String, [UInt8], Int)] = [
      ("empty", [], 4),
      ("one byte", [42], 4),
      ("zeros", [UInt8](repeating: 0, count: 100_000), 301),
      ("noise", noise, 301),
      ("figure-like", image(rows: 200, rowBytes: 1 + 3 * 500, seed: 3), 1 + 3 * 500),
      // Rows longer than DEFLATE's 32 KiB window: no matches with the row above.
      ("wide rows", image(rows: 12, rowBytes: 1 + 3 * 12_000, seed: 5), 1 + 3 * 12_000),
      // More than one block.
      ("several blocks", image(rows: 900, rowBytes: 1 + 3 * 1_000, seed: 9), 1 + 3 * 1_000),
    ]
    for (name, data, rowBytes) in cases {
      let stream = ScanlineDeflater(pixelBytes: 3, rowBytes: rowBytes).compress(data)
      let back = try #require(inflate(stream, size: data.count), "\(name): zlib refused it")
      #expect(back == data, "\(name)")
      if name == "zeros" { #expect(stream.count < 1_000, "runs should compress: \(stream.count)") }
    }
  }
}

/// SplitMix64 (Steele, Lea and Flood 2014): reproducible pseudo-random bytes for test images.
struct SplitMix: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
