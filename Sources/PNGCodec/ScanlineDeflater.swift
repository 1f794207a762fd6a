/// DEFLATE (RFC 1951) in a zlib stream (RFC 1950) for PNG scanlines, about four times faster
/// than zlib's fastest level on lessongen's figures, in files of about the same size.
///
/// A figure is mostly flat colour: long runs of one pixel, and rows that repeat the row
/// above. zlib searches a hash table of every 3-byte string for repeats anywhere in the
/// last 32 KiB; this encoder only asks, at each byte, whether what follows repeats the pixel
/// to the left (distance 3) or the row above (distance one row) — PNG's Sub and Up
/// predictors as LZ77 matches — and takes the longer. Everything else is a literal. Each
/// block (a megabyte of input) gets its own Huffman codes for exactly its symbols.
struct ScanlineDeflater {
  /// Bytes from one pixel to the next (3 for RGB).
  let pixelBytes: Int
  /// Bytes from one row to the next, the filter byte included.
  let rowBytes: Int

  /// Input bytes per DEFLATE block.
  static let blockSize = 1 << 20

  /// The zlib stream of `data`.
  func compress(_ data: [UInt8]) -> [UInt8] {
    var out = BitWriter()
    out.bytes.reserveCapacity(data.count / 16 + 1024)
    // CMF: deflate, 32 KiB window; FLG: fastest level, check bits.
    out.bytes += [0x78, 0x01]
    data.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress, !buffer.isEmpty else {
        // An empty final block with fixed codes: BFINAL, BTYPE 01, end of block.
        out.write(0b011, count: 3)
        out.write(0, count: 7)
        return
      }
      var start = 0
      while start < buffer.count {
        let end = Swift.min(buffer.count, start + Self.blockSize)
        let tokens = self.tokens(base, count: buffer.count, from: start, to: end)
        writeBlock(tokens, final: end == buffer.count, to: &out)
        start = end
      }
    }
    out.flush()
    let adler = data.withUnsafeBufferPointer { Adler32.checksum($0) }
    out.bytes += [
      UInt8(adler >> 24 & 0xff), UInt8(adler >> 16 & 0xff), UInt8(adler >> 8 & 0xff),
      UInt8(adler & 0xff),
    ]
    return out.bytes
  }

  // MARK: LZ77

  /// A literal byte (below 256) or a match, `length << 16 | distance`.
  private typealias Token = UInt32

  /// The tokens for `data[start..<end]` (matches may reach back before `start`).
  private func tokens(_ data: UnsafePointer<UInt8>, count: Int, from start: Int, to end: Int)
    -> [Token]
  {
    var tokens: [Token] = []
    tokens.reserveCapacity((end - start) / 8)
    let up = rowBytes <= 32768 ? rowBytes : 0
    var i = start
    while i < end {
      let limit = Swift.min(258, end - i)
      var length = 0
      var distance = 0
      if i >= pixelBytes {
        length = Self.matchLength(data + i, data + i - pixelBytes, limit: limit)
        distance = pixelBytes
      }
      if up > 0 && i >= up && length < limit {
        let above = Self.matchLength(data + i, data + i - up, limit: limit)
        if above > length { (length, distance) = (above, up) }
      }
      if length >= 4 {
        tokens.append(Token(length) << 16 | Token(distance))
        i += length
      } else {
        tokens.append(Token(data[i]))
        i += 1
      }
    }
    return tokens
  }

  /// How many bytes from `a` equal those from `b`, up to `limit`; eight at a time.
  private static func matchLength(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, limit: Int)
    -> Int
  {
    var n = 0
    while n + 8 <= limit {
      let x = UnsafeRawPointer(a + n).loadUnaligned(as: UInt64.self)
      let y = UnsafeRawPointer(b + n).loadUnaligned(as: UInt64.self)
      if x != y { return n + (x ^ y).trailingZeroBitCount / 8 }
      n += 8
    }
    while n < limit && a[n] == b[n] { n += 1 }
    return n
  }

  // MARK: Blocks

  /// One block with dynamic Huffman codes (BTYPE 10).
  private func writeBlock(_ tokens: [Token], final: Bool, to out: inout BitWriter) {
    var literalCounts = [Int](repeating: 0, count: 286)
    var distanceCounts = [Int](repeating: 0, count: 30)
    for token in tokens {
      if token < 256 {
        literalCounts[Int(token)] += 1
      } else {
        literalCounts[Self.lengthSymbol(Int(token >> 16)).code] += 1
        distanceCounts[Self.distanceSymbol(Int(token & 0xffff)).code] += 1
      }
    }
    literalCounts[256] = 1  // end of block
    let literals = HuffmanCode(frequencies: literalCounts, maxLength: 15)
    let distances = HuffmanCode(frequencies: distanceCounts, maxLength: 15)

    out.write(final ? 1 : 0, count: 1)
    out.write(2, count: 2)
    writeCodes(literals.lengths, distances.lengths, to: &out)
    for token in tokens {
      if token < 256 {
        out.write(literals.codes[Int(token)], count: literals.lengths[Int(token)])
      } else {
        let length = Self.lengthSymbol(Int(token >> 16))
        out.write(literals.codes[length.code], count: literals.lengths[length.code])
        out.write(UInt32(length.extra), count: length.extraBits)
        let distance = Self.distanceSymbol(Int(token & 0xffff))
        out.write(distances.codes[distance.code], count: distances.lengths[distance.code])
        out.write(UInt32(distance.extra), count: distance.extraBits)
      }
    }
    out.write(literals.codes[256], count: literals.lengths[256])
  }

  /// The block header's code lengths (HLIT, HDIST, HCLEN and the run-length coded lengths).
  private func writeCodes(_ literal: [Int], _ distance: [Int], to out: inout BitWriter) {
    var literalCount = 286
    while literalCount > 257 && literal[literalCount - 1] == 0 { literalCount -= 1 }
    var distanceCount = 30
    while distanceCount > 1 && distance[distanceCount - 1] == 0 { distanceCount -= 1 }
    let lengths = Array(literal[0..<literalCount]) + Array(distance[0..<distanceCount])

    // Runs: 16 repeats the previous length 3–6 times, 17 and 18 write 3–10 and 11–138 zeros.
    var runs: [(symbol: Int, extra: Int, bits: Int)] = []
    var i = 0
    while i < lengths.count {
      var run = 1
      while i + run < lengths.count && lengths[i + run] == lengths[i] { run += 1 }
      if lengths[i] == 0 && run >= 3 {
        let n = Swift.min(run, 138)
        runs.append(n >= 11 ? (18, n - 11, 7) : (17, n - 3, 3))
        i += n
      } else if lengths[i] != 0 && run >= 4 {
        runs.append((lengths[i], 0, 0))
        let n = Swift.min(run - 1, 6)
        runs.append((16, n - 3, 2))
        i += 1 + n
      } else {
        runs.append((lengths[i], 0, 0))
        i += 1
      }
    }
    var counts = [Int](repeating: 0, count: 19)
    for run in runs { counts[run.symbol] += 1 }
    let lengthCode = HuffmanCode(frequencies: counts, maxLength: 7)
    let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
    var codeLengthCount = 19
    while codeLengthCount > 4 && lengthCode.lengths[order[codeLengthCount - 1]] == 0 {
      codeLengthCount -= 1
    }
    out.write(UInt32(literalCount - 257), count: 5)
    out.write(UInt32(distanceCount - 1), count: 5)
    out.write(UInt32(codeLengthCount - 4), count: 4)
    for symbol in order[0..<codeLengthCount] {
      out.write(UInt32(lengthCode.lengths[symbol]), count: 3)
    }
    for run in runs {
      out.write(lengthCode.codes[run.symbol], count: lengthCode.lengths[run.symbol])
      out.write(UInt32(run.extra), count: run.bits)
    }
  }

  /// The length symbol (257–285) for a match of 3–258 bytes, with its extra bits.
  private static func lengthSymbol(_ length: Int) -> (code: Int, extraBits: Int, extra: Int) {
    if length == 258 { return (285, 0, 0) }
    let l = length - 3
    if l < 8 { return (257 + l, 0, 0) }
    let n = Int.bitWidth - 1 - l.leadingZeroBitCount
    let extraBits = n - 2
    return (257 + 4 * (n - 1) + (l >> extraBits & 3), extraBits, l & (1 << extraBits - 1))
  }

  /// The distance symbol (0–29) for a distance of 1–32768, with its extra bits.
  private static func distanceSymbol(_ distance: Int) -> (code: Int, extraBits: Int, extra: Int) {
    if distance <= 4 { return (distance - 1, 0, 0) }
    let d = distance - 1
    let n = Int.bitWidth - 1 - d.leadingZeroBitCount
    let extraBits = n - 1
    return (2 * n + (d >> extraBits & 1), extraBits, d & (1 << extraBits - 1))
  }
}

/// Bits written least significant first, as DEFLATE packs them.
private struct BitWriter {
  var bytes: [UInt8] = []
  private var buffer: UInt64 = 0
  private var filled = 0

  /// Writes the low `count` bits of `value` (at most 16 at a time).
  mutating func write(_ value: UInt32, count: Int) {
    buffer |= UInt64(value) << UInt64(filled)
    filled += count
    if filled >= 32 {
      for _ in 0..<4 {
        bytes.append(UInt8(truncatingIfNeeded: buffer))
        buffer >>= 8
      }
      filled -= 32
    }
  }

  /// Writes what is left, the last byte padded with zero bits.
  mutating func flush() {
    while filled > 0 {
      bytes.append(UInt8(truncatingIfNeeded: buffer))
      buffer >>= 8
      filled -= 8
    }
    buffer = 0
    filled = 0
  }
}
