package org.relais.telephony.sip;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * A call's audio as rtpengine records it ({@code recording-method=pcap}: a capture of the RTP
 * packets every party sent, as raw IP or Ethernet frames) made into what a recording is here (SPEC
 * * B13): a WAV file, 8 kHz, 16-bit, mono, the parties mixed. G.711 is decoded (µ-law and A-law,
 * {@link G711}); other packets are left out.
 */
final class PcapRecording {

  private static final float RATE = 8000;
  private static final int LINKTYPE_ETHERNET = 1;

  /** One party's packets: where its first one falls in the call, and its RTP clock then. */
  private static final class Stream {
    final long firstSample;
    final long firstTimestamp;

    Stream(long firstSample, long firstTimestamp) {
      this.firstSample = firstSample;
      this.firstTimestamp = firstTimestamp;
    }
  }

  /** A packet's audio and where it falls in the call, in samples from the capture's start. */
  private record Chunk(long at, short[] samples) {}

  private PcapRecording() {}

  /** Writes {@code wav} from the capture {@code pcap}. */
  static void toWav(Path pcap, Path wav) throws IOException {
    byte[] bytes = Files.readAllBytes(pcap);
    // The capture's own headers in the order of the machine that wrote it; the packets' in network
    // order.
    ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    ByteBuffer net = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
    int magic = in.getInt(0);
    if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) {
      in.order(ByteOrder.BIG_ENDIAN);
      magic = in.getInt(0);
    }
    if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) {
      throw new IOException(pcap + " is no pcap capture");
    }
    double fraction = magic == 0xa1b2c3d4 ? 1e-6 : 1e-9;
    int linkHeader = in.getInt(20) == LINKTYPE_ETHERNET ? 14 : 0;
    Map<Long, Stream> streams = new LinkedHashMap<>();
    List<Chunk> chunks = new ArrayList<>();
    double start = -1;
    int length = 0;
    for (int at = 24; at + 16 <= bytes.length; ) {
      double time = Integer.toUnsignedLong(in.getInt(at)) + in.getInt(at + 4) * fraction;
      int captured = in.getInt(at + 8);
      int packet = at + 16;
      at = packet + captured;
      if (captured < 0 || at > bytes.length) {
        break; // a capture cut short: what came before is kept
      }
      if (start < 0) {
        start = time;
      }
      Chunk chunk =
          chunk(
              net, packet + linkHeader, packet + captured, (long) ((time - start) * RATE), streams);
      if (chunk != null) {
        chunks.add(chunk);
        length = (int) Math.max(length, chunk.at() + chunk.samples().length);
      }
    }
    int[] mix = new int[length];
    for (Chunk chunk : chunks) {
      for (int i = 0; i < chunk.samples().length; i++) {
        mix[(int) chunk.at() + i] += chunk.samples()[i];
      }
    }
    write(mix, wav);
  }

  /**
   * The G.711 audio of the IPv4 UDP RTP packet between {@code from} and {@code to} of {@code in}
   * (in network order), or null; its place from its party's RTP clock, that party's first packet
   * placed at {@code captured}.
   */
  private static Chunk chunk(
      ByteBuffer in, int from, int to, long captured, Map<Long, Stream> streams) {
    if (to - from < 20 || (in.get(from) >> 4) != 4 || in.get(from + 9) != 17) {
      return null;
    }
    int rtp = from + (in.get(from) & 0x0f) * 4 + 8;
    int payload = RtpPayload.start(in, rtp, to);
    G711 coding = payload < 0 ? null : G711.of(RtpPayload.type(in, rtp));
    if (coding == null) {
      return null;
    }
    int end = RtpPayload.end(in, rtp, to);
    long timestamp = Integer.toUnsignedLong(in.getInt(rtp + 4));
    long ssrc = Integer.toUnsignedLong(in.getInt(rtp + 8));
    Stream stream = streams.computeIfAbsent(ssrc, s -> new Stream(captured, timestamp));
    long at = stream.firstSample + (timestamp - stream.firstTimestamp);
    if (at < 0) {
      return null;
    }
    short[] samples = new short[end - payload];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = coding.decode(in.get(payload + i));
    }
    return new Chunk(at, samples);
  }

  private static void write(int[] mix, Path wav) throws IOException {
    byte[] pcm = new byte[mix.length * 2];
    for (int i = 0; i < mix.length; i++) {
      int sample = Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, mix[i]));
      pcm[2 * i] = (byte) sample;
      pcm[2 * i + 1] = (byte) (sample >> 8);
    }
    AudioFormat format = new AudioFormat(RATE, 16, 1, true, false);
    Files.createDirectories(wav.toAbsolutePath().getParent());
    try (AudioInputStream audio =
        new AudioInputStream(new ByteArrayInputStream(pcm), format, mix.length)) {
      AudioSystem.write(audio, AudioFileFormat.Type.WAVE, wav.toFile());
    }
  }
}
