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
 * B13): a WAV file, 8 kHz, 16-bit, mono, the parties mixed. G.711 is decoded (µ-law and A-law, by
 * the JDK's own converters); other packets are left out.
 */
final class PcapRecording {

  private static final float RATE = 8000;
  private static final int PCMU = 0;
  private static final int PCMA = 8;
  private static final int LINKTYPE_ETHERNET = 1;
  private static final short[] ULAW = table(AudioFormat.Encoding.ULAW);
  private static final short[] ALAW = table(AudioFormat.Encoding.ALAW);

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
    if (to - rtp < 12 || ((in.get(rtp) & 0xff) >> 6) != 2) {
      return null;
    }
    int type = in.get(rtp + 1) & 0x7f;
    short[] table = type == PCMU ? ULAW : type == PCMA ? ALAW : null;
    if (table == null) {
      return null;
    }
    int payload = rtp + 12 + (in.get(rtp) & 0x0f) * 4;
    if ((in.get(rtp) & 0x10) != 0 && payload + 4 <= to) {
      payload += 4 + (in.getShort(payload + 2) & 0xffff) * 4;
    }
    long timestamp = Integer.toUnsignedLong(in.getInt(rtp + 4));
    long ssrc = Integer.toUnsignedLong(in.getInt(rtp + 8));
    Stream stream = streams.computeIfAbsent(ssrc, s -> new Stream(captured, timestamp));
    long at = stream.firstSample + (timestamp - stream.firstTimestamp);
    if (payload >= to || at < 0) {
      return null;
    }
    short[] samples = new short[to - payload];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = table[in.get(payload + i) & 0xff];
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

  /**
   * The 16-bit sample of each of the 256 G.711 bytes of {@code encoding}, as the JDK decodes it.
   */
  private static short[] table(AudioFormat.Encoding encoding) {
    byte[] every = new byte[256];
    for (int i = 0; i < 256; i++) {
      every[i] = (byte) i;
    }
    AudioFormat g711 = new AudioFormat(encoding, RATE, 8, 1, 1, RATE, false);
    AudioFormat pcm = new AudioFormat(RATE, 16, 1, true, false);
    try (AudioInputStream decoded =
        AudioSystem.getAudioInputStream(
            pcm, new AudioInputStream(new ByteArrayInputStream(every), g711, 256))) {
      byte[] bytes = decoded.readAllBytes();
      short[] table = new short[256];
      for (int i = 0; i < 256; i++) {
        table[i] = (short) ((bytes[2 * i] & 0xff) | (bytes[2 * i + 1] << 8));
      }
      return table;
    } catch (IOException e) {
      throw new IllegalStateException("the JDK decodes no " + encoding, e);
    }
  }
}
