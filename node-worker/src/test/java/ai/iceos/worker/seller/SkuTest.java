package ai.iceos.worker.seller;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SkuTest {
  @Test
  void shouldBeTheSlugAndTheFirstSixHexOfTheNamesSha1() {
    // sha1("Refrigerator") starts with these six hex digits
    assertThat(Sku.of("Refrigerator"))
        .isEqualTo("refrigerator-" + Sku.sha1Hex("Refrigerator").substring(0, 6));
    assertThat(Sku.sha1Hex("abc")).isEqualTo("a9993e364706816aba3e25717850c26c9cd0d89d");
    assertThat(Sku.of("abc")).isEqualTo("abc-a9993e");
  }

  @Test
  void shouldCutTheSlugSoTheSkuHasAtMostThirtyChars() {
    String sku = Sku.of("Bathtub with Surround, Extra Large Model");

    assertThat(sku).hasSizeLessThanOrEqualTo(30).startsWith("bathtub-with-surround-e");
    assertThat(sku).matches("[a-z0-9-]+-[0-9a-f]{6}").doesNotContain("--");
  }

  @Test
  void shouldSlugPunctuationToSingleDashes() {
    assertThat(Sku.slug("  Tile, Calcutta -- Rustico! ")).isEqualTo("tile-calcutta-rustico");
  }
}
