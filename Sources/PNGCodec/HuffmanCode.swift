/// A canonical Huffman code for DEFLATE (RFC 1951, 3.2.2): code lengths limited to
/// `maxLength` bits, computed from symbol frequencies, and the codes those lengths define.
struct HuffmanCode {
  /// The length of each symbol's code in bits, 0 for a symbol that does not occur.
  var lengths: [Int]
  /// Each symbol's code, bit-reversed, ready for DEFLATE's least-significant-bit-first
  /// stream.
  var codes: [UInt32]

  /// The optimal prefix code for `frequencies`, lengths limited to `maxLength`.
  ///
  /// At least two symbols get a code (zlib does the same): a decoder wants a complete code,
  /// and one symbol alone would have a 0-bit code.
  init(frequencies: [Int], maxLength: Int) {
    var frequencies = frequencies
    var used = frequencies.indices.filter { frequencies[$0] > 0 }
    for symbol in frequencies.indices where used.count < 2 && frequencies[symbol] == 0 {
      frequencies[symbol] = 1
      used.append(symbol)
    }
    // Least frequent first; ties by symbol, so the same input gives the same code.
    used.sort { (frequencies[$0], $0) < (frequencies[$1], $1) }
    let depths = Self.depths(used.map { frequencies[$0] })
    // How many codes of each length, the longest folded into `maxLength` and the Kraft sum
    // made whole again (as miniz does), then handed out: longest codes to rarest symbols.
    var count = [Int](repeating: 0, count: Swift.max(maxLength, depths.max() ?? 0) + 1)
    for depth in depths { count[depth] += 1 }
    for length in stride(from: count.count - 1, to: maxLength, by: -1) {
      count[maxLength] += count[length]
      count[length] = 0
    }
    var kraft = 0
    for length in 1...maxLength { kraft += count[length] << (maxLength - length) }
    while kraft > 1 << maxLength {
      count[maxLength] -= 1
      for length in stride(from: maxLength - 1, to: 0, by: -1) where count[length] > 0 {
        count[length] -= 1
        count[length + 1] += 2
        break
      }
      kraft -= 1
    }
    lengths = [Int](repeating: 0, count: frequencies.count)
    var next = 0
    for length in stride(from: maxLength, to: 0, by: -1) {
      for _ in 0..<count[length] {
        lengths[used[next]] = length
        next += 1
      }
    }
    codes = Self.canonicalCodes(lengths)
  }

  /// The depth of each leaf of a Huffman tree over `weights` (sorted ascending): two
  /// queues, leaves and merged nodes, both in ascending order, so no heap is needed.
  private static func depths(_ weights: [Int]) -> [Int] {
    let n = weights.count
    guard n > 1 else { return [Int](repeating: 1, count: n) }
    var parent = [Int](repeating: -1, count: 2 * n - 1)
    var weight = weights + [Int](repeating: 0, count: n - 1)
    var leaf = 0
    var inner = n
    for node in n..<(2 * n - 1) {
      var children: [Int] = []
      for _ in 0..<2 {
        if leaf < n && (inner >= node || weight[leaf] <= weight[inner]) {
          children.append(leaf)
          leaf += 1
        } else {
          children.append(inner)
          inner += 1
        }
      }
      weight[node] = weight[children[0]] + weight[children[1]]
      parent[children[0]] = node
      parent[children[1]] = node
    }
    var depth = [Int](repeating: 0, count: 2 * n - 1)
    for node in stride(from: 2 * n - 3, through: 0, by: -1) {
      depth[node] = depth[parent[node]] + 1
    }
    return Array(depth[0..<n])
  }

  /// RFC 1951's canonical codes for `lengths`, each bit-reversed.
  private static func canonicalCodes(_ lengths: [Int]) -> [UInt32] {
    let longest = lengths.max() ?? 0
    var count = [Int](repeating: 0, count: longest + 1)
    for length in lengths where length > 0 { count[length] += 1 }
    var next = [Int](repeating: 0, count: longest + 2)
    var code = 0
    if longest > 0 {
      for length in 1...longest {
        code = (code + count[length - 1]) << 1
        next[length] = code
      }
    }
    return lengths.map { length in
      guard length > 0 else { return 0 }
      let value = next[length]
      next[length] += 1
      var reversed: UInt32 = 0
      for bit in 0..<length where value >> bit & 1 == 1 {
        reversed |= 1 << UInt32(length - 1 - bit)
      }
      return reversed
    }
  }
}
