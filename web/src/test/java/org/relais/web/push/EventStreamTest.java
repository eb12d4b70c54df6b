package org.relais.web.push;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The stream's wire form, which every Server-Sent Events client parses. */
class EventStreamTest {

  @Test
  void anEventIsNamedAfterItsTypeAndCarriesItsJsonOnOneDataLineThenABlankLine() {
    assertThat(EventStream.frame("CALL_QUEUED", "{\"type\":\"CALL_QUEUED\",\"callId\":\"7\"}"))
        .isEqualTo("event: CALL_QUEUED\ndata: {\"type\":\"CALL_QUEUED\",\"callId\":\"7\"}\n\n");
  }
}
