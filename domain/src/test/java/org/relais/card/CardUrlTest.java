package org.relais.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CardUrlTest {

  @Test
  void placeholdersTakeTheCallsValuesUrlEncoded() {
    CardUrl card =
        new CardUrl("https://crm.example.com/pop?tel={caller}&q={group}&id={callId}&a={agent}");

    String url =
        card.expand(
            Map.of(
                "caller", "+33 6 00", "group", "Après-vente & co", "callId", "42", "agent", "bob"));

    assertThat(url)
        .isEqualTo(
            "https://crm.example.com/pop?tel=%2B33%206%2000&q=Apr%C3%A8s-vente%20%26%20co&id=42&a=bob");
  }

  @Test
  void anUnknownValueBecomesEmptyAndOtherBracesStay() {
    Map<String, String> values = new HashMap<>();
    values.put("ivrPath", null);

    assertThat(new CardUrl("https://crm/{ivrPath}/{other}").expand(values))
        .isEqualTo("https://crm//{other}");
  }

  @Test
  void aValueCannotInjectAnotherParameter() {
    assertThat(new CardUrl("https://crm/?n={caller}").expand(Map.of("caller", "1&admin=true")))
        .isEqualTo("https://crm/?n=1%26admin%3Dtrue");
  }
}
