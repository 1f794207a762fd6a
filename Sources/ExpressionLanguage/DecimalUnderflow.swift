import GraphEngine

/// Whether a written decimal underflows: its digits before the exponent are not all zero, yet
/// it reads as 0 (`1e-400`). The lexer, the lesson's `inputs` and `--set` all refuse such a
/// number rather than compute with a silent 0.
public func decimalUnderflows(_ text: some StringProtocol, value: Double) -> Bool {
  value == 0
    && text.prefix(while: { $0 != "e" && $0 != "E" }).contains(where: { ("1"..."9").contains($0) })
}
