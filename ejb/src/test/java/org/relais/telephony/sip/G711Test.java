package org.relais.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
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
  void everyCodeStandsForTheSampleTheJdksOwnConverterDecodesItTo() throws Exception {
    assertThat(decodedByTheJdk(AudioFormat.Encoding.ULAW)).isEqualTo(every(G711.PCMU));
    assertThat(decodedByTheJdk(AudioFormat.Encoding.ALAW)).isEqualTo(every(G711.PCMA));
  }

  private static short[] every(G711 coding) {
    short[] samples = new short[256];
    for (int code = 0; code < 256; code++) {
      samples[code] = coding.decode((byte) code);
    }
    return samples;
  }

  /** The 16-bit sample of each of the 256 codes, as the JDK decodes them. */
  private static short[] decodedByTheJdk(AudioFormat.Encoding encoding) throws Exception {
    byte[] every = new byte[256];
    for (int code = 0; code < 256; code++) {
      every[code] = (byte) code;
    }
    AudioFormat g711 = new AudioFormat(encoding, 8000, 8, 1, 1, 8000, false);
    AudioFormat pcm = new AudioFormat(8000, 16, 1, true, false);
    try (AudioInputStream decoded =
        AudioSystem.getAudioInputStream(
            pcm, new AudioInputStream(new ByteArrayInputStream(every), g711, 256))) {
      byte[] bytes = decoded.readAllBytes();
      short[] samples = new short[256];
      for (int code = 0; code < 256; code++) {
        samples[code] = (short) ((bytes[2 * code] & 0xff) | (bytes[2 * code + 1] << 8));
      }
      return samples;
    }
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
