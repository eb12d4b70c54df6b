package org.relais.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A capture made here as rtpengine writes one (raw IP frames), mixed into a WAV. */
class PcapRecordingTest {

  @TempDir Path folder;

  /** µ-law bytes: 0xff is silence (0), 0x80 the loudest positive sample, 0x00 the negative. */
  private static final byte SILENCE = (byte) 0xff;

  @Test
  void bothPartiesAudioIsDecodedPlacedByItsClockAndMixed() throws Exception {
    ByteArrayOutputStream pcap = new ByteArrayOutputStream();
    pcap.write(
        ByteBuffer.allocate(24)
            .order(ByteOrder.LITTLE_ENDIAN)
            .putInt(0xa1b2c3d4)
            .putShort((short) 2)
            .putShort((short) 4)
            .putInt(0)
            .putInt(0)
            .putInt(65535)
            .putInt(101) // raw IP, as rtpengine's default recording format
            .array());
    // The caller talks 50 packets (1 s), loud; the phone from half a second on, silent, then a
    // packet of another codec that is left out.
    for (int i = 0; i < 50; i++) {
      pcap.write(packet(i * 20_000, 0x1111, i * 160, 0, (byte) 0x80));
    }
    for (int i = 0; i < 50; i++) {
      pcap.write(packet(500_000 + i * 20_000, 0x2222, 1000 + i * 160, 0, SILENCE));
    }
    pcap.write(packet(1_600_000, 0x3333, 0, 18, (byte) 0x80));
    Path capture = folder.resolve("42-abc.pcap");
    Files.write(capture, pcap.toByteArray());
    Path wav = folder.resolve("out").resolve("42.wav");

    PcapRecording.toWav(capture, wav);

    try (AudioInputStream audio = AudioSystem.getAudioInputStream(wav.toFile())) {
      assertThat(audio.getFormat().getSampleRate()).isEqualTo(8000f);
      assertThat(audio.getFormat().getSampleSizeInBits()).isEqualTo(16);
      assertThat(audio.getFormat().getChannels()).isEqualTo(1);
      assertThat(audio.getFrameLength()).as("1.5 s of samples").isEqualTo(12_000);
      byte[] pcm = audio.readAllBytes();
      short first = (short) ((pcm[0] & 0xff) | (pcm[1] << 8));
      short last = (short) ((pcm[pcm.length - 2] & 0xff) | (pcm[pcm.length - 1] << 8));
      assertThat(first).as("the caller, loud").isGreaterThan((short) 30_000);
      assertThat(last).as("the phone, silent, alone at the end").isZero();
    }
  }

  /** A pcap record of an IPv4 UDP RTP packet of 160 bytes of {@code sample}. */
  private static byte[] packet(int micros, int ssrc, int timestamp, int type, byte sample) {
    int length = 20 + 8 + 12 + 160;
    ByteBuffer record = ByteBuffer.allocate(16 + length);
    record
        .order(ByteOrder.LITTLE_ENDIAN)
        .putInt(1_800_000_000 + micros / 1_000_000)
        .putInt(micros % 1_000_000)
        .putInt(length)
        .putInt(length);
    record.order(ByteOrder.BIG_ENDIAN);
    record.put((byte) 0x45).put((byte) 0).putShort((short) length).putInt(0);
    record.put((byte) 64).put((byte) 17).putShort((short) 0).putInt(0x7f000001).putInt(0x7f000001);
    record.putShort((short) 40000).putShort((short) 30000).putShort((short) (8 + 12 + 160));
    record.putShort((short) 0);
    record.put((byte) 0x80).put((byte) type).putShort((short) 0).putInt(timestamp).putInt(ssrc);
    for (int i = 0; i < 160; i++) {
      record.put(sample);
    }
    return record.array();
  }
}
