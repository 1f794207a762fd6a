/// The Adler-32 checksum (RFC 1950) that ends a zlib stream, sixteen bytes at a time.
///
/// Per byte x: a += x, b += a, both modulo 65521. For a block of 16 bytes that is
/// b += 16·a + Σ (16 − t)·x[t] and a += Σ x[t]; kept in vector lanes — per lane the sum of
/// its bytes, and the sum of those sums before each block — the blocks need only vector
/// additions, and the lanes are combined once per chunk (zlib's scalar loop took 0.25 ms a
/// megabyte, most of what remained of a PNG's cost).
enum Adler32 {
  static let modulus: UInt64 = 65521
  /// Blocks per chunk: small enough that no lane overflows 32 bits (255·n·(n+1)/2 < 2³²).
  static let blocksPerChunk = 4096

  static func checksum(_ bytes: UnsafeBufferPointer<UInt8>, initial: UInt32 = 1) -> UInt32 {
    var a = UInt64(initial & 0xffff)
    var b = UInt64(initial >> 16)
    guard let base = bytes.baseAddress else { return initial }
    var i = 0
    let blocks = bytes.count / 16
    var block = 0
    while block < blocks {
      let count = Swift.min(Self.blocksPerChunk, blocks - block)
      var sums = SIMD16<UInt32>()
      var prefix = SIMD16<UInt32>()
      for _ in 0..<count {
        let x = UnsafeRawPointer(base + i).loadUnaligned(as: SIMD16<UInt8>.self)
        prefix &+= sums
        sums &+= SIMD16<UInt32>(truncatingIfNeeded: x)
        i += 16
      }
      block += count
      var weighted: UInt64 = 0
      var total: UInt64 = 0
      var before: UInt64 = 0
      for t in 0..<16 {
        weighted += UInt64(16 - t) * UInt64(sums[t])
        total += UInt64(sums[t])
        before += UInt64(prefix[t])
      }
      b = (b + 16 * UInt64(count) * a + 16 * before + weighted) % modulus
      a = (a + total) % modulus
    }
    while i < bytes.count {
      a += UInt64(base[i])
      b += a
      i += 1
    }
    return UInt32(b % modulus) << 16 | UInt32(a % modulus)
  }
}
