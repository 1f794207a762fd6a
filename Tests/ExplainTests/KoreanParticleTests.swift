import TensorWording
import Testing

/// Korean particles after formulas and shapes, chosen by how they are read aloud.
@Suite("Korean particles")
struct KoreanParticleTests {
  @Test("을/를, 이/가, 은/는, 으로/로 after shapes, names and Hangul")
  func particles() {
    #expect(KoreanParticle.after("∂L/∂Y (2, 3)", "을", "를") == "∂L/∂Y (2, 3)을")  // 삼
    #expect(KoreanParticle.after("(2, 2)", "이", "가") == "(2, 2)가")  // 이
    #expect(KoreanParticle.after("b₁ (3,)", "은", "는") == "b₁ (3,)은")
    #expect(KoreanParticle.after("∂L/∂a₁", "을", "를") == "∂L/∂a₁을")  // 일
    #expect(KoreanParticle.after("b₁", "으로", "로") == "b₁로")  // ㄹ: 로
    #expect(KoreanParticle.after("b₃", "으로", "로") == "b₃으로")  // 삼
    #expect(KoreanParticle.after("X", "을", "를") == "X를")  // 엑스
    #expect(KoreanParticle.after("L", "은", "는") == "L은")  // 엘
    #expect(KoreanParticle.after("Wᵀ", "을", "를") == "Wᵀ를")  // 티
    #expect(KoreanParticle.after("기울기", "을", "를") == "기울기를")
    #expect(KoreanParticle.after("모양", "이", "가") == "모양이")
  }
}
