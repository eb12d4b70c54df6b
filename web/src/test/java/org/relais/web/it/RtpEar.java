package org.relais.web.it;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.time.Duration;
import java.util.Arrays;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * A caller's ear: a UDP socket on loopback a SIPp scenario names as its media port ({@code -key ear
 * <port>}), which counts the RTP packets of G.711 µ-law (payload type 0) that arrive and measures
 * how loud their audio is, and how loud a tone in it; it may answer them, as a caller's mouth.
 */
final class RtpEar implements AutoCloseable {

  private static final int RTP_HEADER = 12;

  /** Samples in one packet: 20 ms at 8 kHz. */
  private static final int FRAME = 160;

  /**
   * What arrived: packets, the audio's root mean square on 16 bits (0 for silence), and its
   * samples.
   */
  record Heard(int packets, double loudness, short[] samples) {

    /** How loud the tone of {@code hertz} is in what arrived (amplitude on 16 bits). */
    double tone(double hertz) {
      return Tone.level(samples, hertz);
    }
  }

  private final DatagramSocket socket;

  /** What it says back, G.711 µ-law, looped; null where it says nothing. */
  private byte[] voice;

  private int said;
  private int sequence;

  RtpEar() {
    try {
      socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    } catch (SocketException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * From now on, it says {@code samples} (looped) while it listens: 20 ms of them answer each
   * packet that arrives, sent back to where it came from (symmetric RTP, as phones do).
   */
  RtpEar saying(short[] samples) {
    ByteBuffer pcm = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (short sample : samples) {
      pcm.putShort(sample);
    }
    AudioFormat linear = new AudioFormat(8000, 16, 1, true, false);
    try (AudioInputStream ulaw =
        AudioSystem.getAudioInputStream(
            AudioFormat.Encoding.ULAW,
            new AudioInputStream(new ByteArrayInputStream(pcm.array()), linear, samples.length))) {
      voice = ulaw.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  String port() {
    return Integer.toString(socket.getLocalPort());
  }

  /** What arrives during {@code time}. */
  Heard listen(Duration time) {
    long end = System.nanoTime() + time.toNanos();
    byte[] buffer = new byte[2048];
    int packets = 0;
    ShortBuffer samples =
        ShortBuffer.allocate((int) time.toMillis() * 16 + 8000); // twice what should come
    double squares = 0;
    try {
      while (true) {
        long left = (end - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
          break;
        }
        socket.setSoTimeout((int) left);
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
          socket.receive(packet);
        } catch (SocketTimeoutException e) {
          break;
        }
        if (packet.getLength() > RTP_HEADER && (buffer[1] & 0x7f) == 0) {
          packets++;
          answer(packet.getSocketAddress());
          for (int i = RTP_HEADER; i < packet.getLength(); i++) {
            int pcm = linear(buffer[i]);
            squares += (double) pcm * pcm;
            if (samples.hasRemaining()) {
              samples.put((short) pcm);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    short[] heard = Arrays.copyOf(samples.array(), samples.position());
    return new Heard(packets, heard.length == 0 ? 0 : Math.sqrt(squares / heard.length), heard);
  }

  private void answer(SocketAddress to) throws IOException {
    if (voice == null) {
      return;
    }
    byte[] packet = new byte[RTP_HEADER + FRAME];
    packet[0] = (byte) 0x80;
    packet[2] = (byte) (sequence >> 8);
    packet[3] = (byte) sequence;
    int timestamp = sequence * FRAME;
    for (int i = 0; i < 4; i++) {
      packet[4 + i] = (byte) (timestamp >> (24 - 8 * i));
    }
    packet[8] = 0x52; // a source of its own
    sequence++;
    for (int i = RTP_HEADER; i < packet.length; i++) {
      packet[i] = voice[said++ % voice.length];
    }
    socket.send(new DatagramPacket(packet, packet.length, to));
  }

  /** Drops what arrived and was not listened to yet: what comes next is what is heard now. */
  void forget() {
    byte[] buffer = new byte[2048];
    try {
      socket.setSoTimeout(1);
      while (true) {
        socket.receive(new DatagramPacket(buffer, buffer.length));
      }
    } catch (SocketTimeoutException e) {
      // nothing more queued
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A G.711 µ-law sample as 16-bit linear PCM (ITU-T G.711). */
  private static int linear(byte ulaw) {
    int u = ~ulaw & 0xff;
    int magnitude = ((((u & 0x0f) << 3) + 0x84) << ((u >> 4) & 0x07)) - 0x84;
    return (u & 0x80) != 0 ? -magnitude : magnitude;
  }

  @Override
  public void close() {
    socket.close();
  }
}
