package org.relais.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class G711Test {

  @Test
  void silenceHasTheRecommendationsCodes() {
    assertThat(G711.PCMU.encode(0)).isEqualTo((byte) 0xff);
    assertThat(G711.PCMA.encode(0)).isEqualTo((byte) 0xd5);
    assertThat(G711.PCMU.decode((byte) 0xff)).isZero();
    assertThat(G711.PCMA.decode((byte) 0xd5)).isEqualTo((short) 8);
  }

  @Test
  void everyALawCodeIsEncodedBackFromTheSampleItStandsFor() {
    for (int code = 0; code < 256; code++) {
      assertThat(G711.PCMA.encode(G711.PCMA.decode((byte) code)) & 0xff).isEqualTo(code);
    }
  }

  @Test
  void everyMuLawCodeButNegativeZeroIsEncodedBackFromTheSampleItStandsFor() {
    for (int code = 0; code < 256; code++) {
      if (code != 0x7f) { // µ-law's two zeros: the positive one is the one encoded
        assertThat(G711.PCMU.encode(G711.PCMU.decode((byte) code)) & 0xff).isEqualTo(code);
      }
    }
  }

  @Test
  void aSampleComesBackWithinHalfItsSegmentsStepAndLouderOnesAreClipped() {
    for (G711 coding : G711.values()) {
      for (int sample = -32768; sample <= 32767; sample += 7) {
        int back = coding.decode(coding.encode(sample));
        // 8 bits on a logarithmic scale: half a step, at most about 1/32 of the sample.
        assertThat(Math.abs(back - sample))
            .as("%s of %d", coding, sample)
            .isLessThanOrEqualTo(Math.max(Math.abs(sample) / 16, 16));
      }
      assertThat(coding.decode(coding.encode(100_000))).isGreaterThan((short) 30_000);
      assertThat(coding.decode(coding.encode(-100_000))).isLessThan((short) -30_000);
    }
  }

  @Test
  void payloadTypesNameTheCodings() {
    assertThat(G711.of(0)).isEqualTo(G711.PCMU);
    assertThat(G711.of(8)).isEqualTo(G711.PCMA);
    assertThat(G711.of(101)).isNull();
  }
}
