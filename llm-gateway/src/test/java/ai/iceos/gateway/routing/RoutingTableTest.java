package ai.iceos.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoutingTableTest {

  @Test
  void shouldUseTheFirstMatchingRule() {
    var table =
        RoutingTable.parse(
            List.of("gpt-4o-mini=cheap", "gpt-*=openai", "claude-*=anthropic"), Optional.empty());
    assertThat(table.providerFor("gpt-4o-mini")).contains("cheap");
    assertThat(table.providerFor("gpt-4o")).contains("openai");
    assertThat(table.providerFor("claude-sonnet-4")).contains("anthropic");
  }

  @Test
  void shouldMatchExactNamesAndSingleCharacterWildcards() {
    var table = RoutingTable.parse(List.of("o?-mini=openai", "llama3=ollama"), Optional.empty());
    assertThat(table.providerFor("o3-mini")).contains("openai");
    assertThat(table.providerFor("o33-mini")).isEmpty();
    assertThat(table.providerFor("llama3")).contains("ollama");
    assertThat(table.providerFor("llama3.1")).isEmpty();
  }

  @Test
  void shouldTreatRegexCharactersInPatternsLiterally() {
    var table = RoutingTable.parse(List.of("gemini-2.5-*=google"), Optional.empty());
    assertThat(table.providerFor("gemini-2.5-flash")).contains("google");
    assertThat(table.providerFor("gemini-2x5-flash")).isEmpty();
  }

  @Test
  void shouldFallBackToTheDefaultProviderOrNothing() {
    var rules = List.of("gpt-*=openai");
    assertThat(RoutingTable.parse(rules, Optional.of("offline")).providerFor("mystery"))
        .contains("offline");
    assertThat(RoutingTable.parse(rules, Optional.empty()).providerFor("mystery")).isEmpty();
    assertThat(RoutingTable.parse(rules, Optional.of(" ")).providerFor("mystery")).isEmpty();
  }

  @Test
  void shouldRejectMalformedRules() {
    assertThatThrownBy(() -> RoutingTable.parse(List.of("gpt-*"), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RoutingTable.parse(List.of("=openai"), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldNameTheModelsOfExactRoutesAndFallbackLists() {
    var table =
        RoutingTable.parse(
            List.of("llama3=ollama", "gpt-*=openai", "o?-mini=openai"),
            Optional.empty(),
            Map.of("gpt-4o", List.of("claude-sonnet-4", "llama3")));
    assertThat(table.namedModels()).containsExactly("claude-sonnet-4", "gpt-4o", "llama3");
  }
}
