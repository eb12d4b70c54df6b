package org.relais.telephony.sip;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One party's audio on a call whose audio Relais mixes ({@link MonitorMix}): a UDP port of this
 * side, G.711 in RTP both ways (RFC 3550, 3551), twenty milliseconds a packet. What arrives is
 * decoded into a short queue, from which each frame is taken; audio of another payload type (the
 * keys' telephone events) is dropped. It sends to the address the party's SDP gave, once known.
 *
 * <p>A party that heard another stream before the mix came (the agent's phone heard rtpengine's,
 * and rtpengine the phone's) is sent the mix as that stream's sequel: same source, next sequence
 * number and timestamp ({@link #continuing}). A phone's jitter buffer takes a new source whose
 * numbers start below the last ones as late audio, and drops it.
 *
 * <p>The queue keeps {@link #FRAMES_KEPT} frames at most: a party that sends faster than the mix
 * runs loses its oldest audio rather than fall behind for the rest of the call.
 */
final class RtpLeg implements AutoCloseable {

  /** Samples in twenty milliseconds at 8 kHz: one packet, one frame of the mix. */
  static final int FRAME = 160;

  private static final int FRAMES_KEPT = 3;

  private final DatagramChannel channel;
  private final ByteBuffer received = ByteBuffer.allocate(2048);
  private final ByteBuffer sent = ByteBuffer.allocate(RtpPayload.HEADER + FRAME);
  private final short[] queue = new short[FRAME * FRAMES_KEPT];
  private int queued;

  /** The frames a continued stream is waited for before this leg starts one of its own. */
  private static final int FRAMES_AWAITED = 10;

  private int source = ThreadLocalRandom.current().nextInt();
  private int sequence = ThreadLocalRandom.current().nextInt(1 << 16);
  private int timestamp = ThreadLocalRandom.current().nextInt();

  /** The stream whose sequel this leg sends, until its first frame goes; else null. */
  private RtpLeg continued;

  private int awaited;

  /** The header of the last audio that arrived: its source, sequence number and timestamp. */
  private boolean heard;

  private int heardSource;
  private int heardSequence;
  private int heardTimestamp;

  private volatile InetSocketAddress destination;
  private volatile G711 coding;

  /** A port of this side's {@code address}, sending nothing until it is told where to. */
  RtpLeg(String address, G711 coding) throws IOException {
    this.coding = coding;
    channel = DatagramChannel.open();
    channel.bind(new InetSocketAddress(address, 0));
    channel.configureBlocking(false);
  }

  int port() {
    return ((InetSocketAddress) channel.socket().getLocalSocketAddress()).getPort();
  }

  G711 coding() {
    return coding;
  }

  /** From now on, the mix goes to {@code destination}, in {@code coding}. */
  void sendTo(InetSocketAddress destination, G711 coding) {
    this.coding = coding;
    this.destination = destination;
  }

  /**
   * What this leg sends carries on the stream that arrives at {@code other}: the one this leg's
   * party heard before the mix. Called before the mix starts.
   */
  void continuing(RtpLeg other) {
    this.continued = other;
  }

  /** Takes in what has arrived since the last frame; called from the mix's clock only. */
  void receive() throws IOException {
    while (true) {
      received.clear();
      SocketAddress from = channel.receive(received);
      if (from == null) {
        return;
      }
      received.flip();
      take(received);
    }
  }

  private void take(ByteBuffer packet) {
    int length = packet.remaining();
    int start = RtpPayload.start(packet, 0, length);
    G711 said = start < 0 ? null : G711.of(RtpPayload.type(packet, 0));
    if (said == null) {
      return;
    }
    heard = true;
    heardSequence = packet.getShort(2) & 0xffff;
    heardTimestamp = packet.getInt(4);
    heardSource = packet.getInt(8);
    int end = RtpPayload.end(packet, 0, length);
    for (int i = start; i < end; i++) {
      if (queued == queue.length) {
        System.arraycopy(queue, FRAME, queue, 0, queue.length - FRAME);
        queued -= FRAME;
      }
      queue[queued++] = said.decode(packet.get(i));
    }
  }

  /** The next twenty milliseconds this party said, silence where it said nothing. */
  short[] frame() {
    short[] frame = new short[FRAME];
    int taken = Math.min(FRAME, queued);
    System.arraycopy(queue, 0, frame, 0, taken);
    System.arraycopy(queue, taken, queue, 0, queued - taken);
    queued -= taken;
    return frame;
  }

  /** Sends one frame of what this party hears, where it is known where to. */
  void send(short[] frame) throws IOException {
    InetSocketAddress to = destination;
    if (to == null || !started()) {
      return;
    }
    G711 code = coding;
    sent.clear();
    sent.put((byte) 0x80).put((byte) code.payloadType);
    sent.putShort((short) sequence++).putInt(timestamp).putInt(source);
    timestamp += FRAME;
    for (short sample : frame) {
      sent.put(code.encode(sample));
    }
    sent.flip();
    channel.send(sent, to);
  }

  /**
   * Whether this leg's stream can start: at once, unless it continues one that has not arrived yet
   * and may still; its source and numbers then follow that stream's last packet.
   */
  private boolean started() {
    RtpLeg other = continued;
    if (other == null) {
      return true;
    }
    if (other.heard) {
      source = other.heardSource;
      sequence = other.heardSequence + 1;
      timestamp = other.heardTimestamp + FRAME;
    } else if (++awaited < FRAMES_AWAITED) {
      return false;
    }
    continued = null;
    return true;
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      // a socket of this side: nothing to do
    }
  }
}
