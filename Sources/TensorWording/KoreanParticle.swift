/// Korean particles chosen by how the word before them ends, as Korean writes them: 을/를,
/// 이/가, 은/는, 과/와, 으로/로 after a final consonant (받침) or a vowel. A formula or
/// shape is read aloud: `(2, 3)` ends in 삼 (a consonant), `X` in 엑스 (a vowel), `L` in 엘.
public enum KoreanParticle {
  /// `text` followed by the form of the particle that fits its last sound: `consonant`
  /// after a final consonant, `vowel` after a vowel (and for 으로/로, 로 after ㄹ as well).
  public static func after(_ text: String, _ consonant: String, _ vowel: String) -> String {
    let ending = finalSound(text)
    if consonant == "으로" && ending == .rieul { return text + vowel }
    return text + (ending == .vowel ? vowel : consonant)
  }

  public enum Ending { case vowel, consonant, rieul }

  /// How `text` ends when read aloud; closing brackets, primes and spaces are skipped.
  public static func finalSound(_ text: String) -> Ending {
    for scalar in text.unicodeScalars.reversed() {
      switch scalar.value {
      case 0xAC00...0xD7A3:
        let jong = (scalar.value - 0xAC00) % 28
        return jong == 0 ? .vowel : jong == 8 ? .rieul : .consonant
      case 0x30...0x39, 0x2080...0x2089:
        // 영 일 이 삼 사 오 육 칠 팔 구
        let digit = Int(scalar.value >= 0x2080 ? scalar.value - 0x2080 : scalar.value - 0x30)
        return [
          .consonant, .rieul, .vowel, .consonant, .vowel, .vowel, .consonant, .rieul,
          .rieul, .vowel,
        ][digit]
      case 0x41...0x5A, 0x61...0x7A:
        // 엘, 엠, 엔, 알 end in consonants; the other letters' names in vowels.
        let letter = Character(scalar).lowercased()
        return letter == "l" || letter == "r" ? .rieul : "mn".contains(letter) ? .consonant : .vowel
      case 0x1D40:  // ᵀ, 티
        return .vowel
      case 0x29, 0x5D, 0x20, 0x2C, 0x2032:  // ) ] space , ′
        continue
      default:
        return .vowel
      }
    }
    return .vowel
  }
}
