package org.relais.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The HTTP Range header as the recordings read it (RFC 9110, one range). */
class ByteRangeTest {

  @Test
  void noHeaderOrOneThisDoesNotReadAsksForTheWholeFile() {
    assertThat(ByteRange.parse(null).within(100)).isEqualTo(new ByteRange(0, 99));
    assertThat(ByteRange.parse("bytes=0-1,5-9").whole()).isTrue();
    assertThat(ByteRange.parse("bytes=9-3").whole()).isTrue();
    assertThat(ByteRange.parse(null).fromStart()).isTrue();
  }

  @Test
  void aRangeFromAnOpenStartOrASuffixIsCutToTheFile() {
    assertThat(ByteRange.parse("bytes=10-19").within(100)).isEqualTo(new ByteRange(10, 19));
    assertThat(ByteRange.parse("bytes=90-").within(100)).isEqualTo(new ByteRange(90, 99));
    assertThat(ByteRange.parse("bytes=90-500").within(100).contentRange(100))
        .isEqualTo("bytes 90-99/100");
    assertThat(ByteRange.parse("bytes=-10").within(100)).isEqualTo(new ByteRange(90, 99));
    assertThat(ByteRange.parse("bytes=0-1").fromStart()).isTrue();
    assertThat(ByteRange.parse("bytes=44-").fromStart()).as("a seek").isFalse();
  }

  @Test
  void aRangeBeyondTheFileCannotBeServed() {
    assertThat(ByteRange.parse("bytes=100-").within(100)).isNull();
    assertThat(ByteRange.parse("bytes=-0").within(100)).isNull();
  }
}
