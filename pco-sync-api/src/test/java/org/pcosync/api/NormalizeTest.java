package org.pcosync.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class NormalizeTest {

  @Test
  void emailIsTrimmedAndLowerCased() {
    assertThat(Normalize.email("  Jimmy.Parker@Example.ORG \n")).isEqualTo("jimmy.parker@example.org");
  }

  @Test
  void blankBecomesNull() {
    assertThat(Normalize.email("   ")).isNull();
    assertThat(Normalize.text("\t")).isNull();
    assertThat(Normalize.phoneDigits("ext.")).isNull();
    assertThat(Normalize.nameKey(null)).isNull();
  }

  @Test
  void validatesEmailShape() {
    assertThat(Normalize.isValidEmail("a@b.org")).isTrue();
    assertThat(Normalize.isValidEmail("a@b")).isFalse();
    assertThat(Normalize.isValidEmail("a b@c.org")).isFalse();
    assertThat(Normalize.isValidEmail("a@@c.org")).isFalse();
    assertThat(Normalize.isValidEmail("no-at-sign.org")).isFalse();
    assertThat(Normalize.isValidEmail(null)).isFalse();
  }

  @Test
  void phoneComparesByDigitsIgnoringNorthAmericanCountryCode() {
    assertThat(Normalize.phoneDigits("+1 (555) 010-1234")).isEqualTo("5550101234");
    assertThat(Normalize.phoneDigits("555.010.1234")).isEqualTo("5550101234");
    assertThat(Normalize.phoneDigits("+44 20 7946 0958")).isEqualTo("442079460958");
  }

  @Test
  void phoneValidityNeedsSevenToFifteenDigits() {
    assertThat(Normalize.isValidPhone("555-1234")).isTrue();
    assertThat(Normalize.isValidPhone("12345")).isFalse();
    assertThat(Normalize.isValidPhone("1234567890123456")).isFalse();
  }

  @Test
  void plainAsciiTextIsReturnedAsIsAndEverythingElseNormalised() {
    String plain = "Ted Decker";
    assertThat(Normalize.text(plain)).isSameAs(plain);
    assertThat(Normalize.text(" Ted")).isEqualTo("Ted");
    assertThat(Normalize.text("Ted ")).isEqualTo("Ted");
    assertThat(Normalize.text("Ted  Decker")).isEqualTo("Ted Decker");
    assertThat(Normalize.text("Ted\tDecker")).isEqualTo("Ted Decker");
    assertThat(Normalize.text("")).isNull();
    assertThat(Normalize.text(" ")).isNull();
  }

  @Test
  void namesAreNfcNormalisedAndWhitespaceCollapsed() {
    String decomposed = "Zoe\u0308   Saldan\u0303a ";
    assertThat(Normalize.text(decomposed)).isEqualTo("Zoë Saldaña");
    assertThat(Normalize.nameKey(decomposed)).isEqualTo(Normalize.nameKey("ZOË SALDAÑA"));
  }
}
