package org.relais.web.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ShortBuffer;
import java.time.Duration;
import java.util.Arrays;

/**
 * A caller's ear: a UDP socket on loopback a SIPp scenario names as its media port ({@code -key ear
 * <port>}), which counts the RTP packets of G.711 µ-law (payload type 0) that arrive and measures
 * how loud their audio is, and how loud a tone in it.
 */
final class RtpEar implements AutoCloseable {

  private static final int RTP_HEADER = 12;

  /**
   * What arrived: packets, the audio's root mean square on 16 bits (0 for silence), and its
   * samples.
   */
  record Heard(int packets, double loudness, short[] samples) {

    /**
     * How loud the tone of {@code hertz} is in what arrived: its amplitude on 16 bits, as one bin
     * of a Fourier transform of it reads it (Goertzel's algorithm).
     */
    double tone(double hertz) {
      if (samples.length == 0) {
        return 0;
      }
      double coefficient = 2 * Math.cos(2 * Math.PI * hertz / 8000);
      double previous = 0;
      double beforePrevious = 0;
      for (short sample : samples) {
        double next = sample + coefficient * previous - beforePrevious;
        beforePrevious = previous;
        previous = next;
      }
      double power =
          previous * previous
              + beforePrevious * beforePrevious
              - coefficient * previous * beforePrevious;
      return 2 * Math.sqrt(Math.max(power, 0)) / samples.length;
    }
  }

  private final DatagramSocket socket;

  RtpEar() {
    try {
      socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    } catch (SocketException e) {
      throw new UncheckedIOException(e);
    }
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
