package org.relais.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallerKeysTest {

  @Test
  void readsTheKeyTheCallAndThePartyOfRtpenginesEvent() {
    // As rtpengine 10.5 sends it to its --dtmf-log-dest.
    String event =
        "{\"callid\":\"42\",\"source_tag\":\"trunk\",\"tags\":[\"trunk\",\"relais\"],"
            + "\"type\":\"DTMF\",\"timestamp\":1796506776,\"source_ip\":\"127.0.0.1\","
            + "\"event\":1,\"duration\":120,\"volume\":10}";

    assertThat(CallerKeys.key(event)).isEqualTo(new CallerKeys.Key("42", "trunk", '1'));
  }

  @Test
  void namesTheStarTheHashAndTheLetterKeys() {
    assertThat(CallerKeys.key(event(10)).key()).isEqualTo('*');
    assertThat(CallerKeys.key(event(11)).key()).isEqualTo('#');
    assertThat(CallerKeys.key(event(15)).key()).isEqualTo('D');
  }

  @Test
  void dropsWhatIsNotAKey() {
    assertThat(CallerKeys.key(event(16))).as("no such event").isNull();
    assertThat(CallerKeys.key("{\"callid\":\"42\",\"event\":1}")).as("no party").isNull();
    assertThat(CallerKeys.key("not json")).isNull();
    assertThat(CallerKeys.key("[1, 2]")).as("not an object").isNull();
    assertThat(CallerKeys.key("{\"callid\":\"42\",\"source_tag\":\"t\",\"event\":\"one\"}"))
        .as("a key that is not a number")
        .isNull();
  }

  private static String event(int code) {
    return "{\"callid\":\"7\",\"source_tag\":\"t\",\"type\":\"DTMF\",\"event\":" + code + "}";
  }
}
