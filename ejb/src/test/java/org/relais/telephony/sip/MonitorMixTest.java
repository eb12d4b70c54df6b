package org.relais.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.relais.telephony.MonitorMode;

/**
 * The mix on real UDP sockets of loopback: three parties, each a socket that sends a constant
 * sample in RTP every twenty milliseconds and reads what it is sent back, so that each sum it hears
 * names who it hears.
 */
class MonitorMixTest {

  private static final String LOOPBACK = "127.0.0.1";

  /** The mix's clock, and the parties' own. */
  private final ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);

  @AfterEach
  void stopClock() {
    clock.shutdownNow();
  }

  /** A party's phone (or rtpengine): sends one sample value, in µ-law or A-law. */
  private static final class Party implements AutoCloseable {
    final DatagramSocket socket;
    final G711 coding;
    final short says;

    /** Its RTP source, and the sequence number of its next packet. */
    final int source = ThreadLocalRandom.current().nextInt();

    volatile int sequence = 40000;
    RtpLeg leg;

    /** The last packet it heard. */
    final byte[] heard = new byte[2048];

    Party(G711 coding, int says) throws IOException {
      this.socket = new DatagramSocket(0, InetAddress.getByName(LOOPBACK));
      this.socket.setSoTimeout(1000);
      this.coding = coding;
      this.says = (short) says;
    }

    void connect(RtpLeg leg) {
      this.leg = leg;
      leg.sendTo(new InetSocketAddress(LOOPBACK, socket.getLocalPort()), coding);
    }

    void speak() throws IOException {
      byte[] packet = new byte[12 + RtpLeg.FRAME];
      ByteBuffer header = ByteBuffer.wrap(packet);
      header.put((byte) 0x80).put((byte) coding.payloadType);
      header.putShort((short) sequence++).putInt(sequence * RtpLeg.FRAME).putInt(source);
      Arrays.fill(packet, 12, packet.length, coding.encode(says));
      socket.send(
          new DatagramPacket(packet, packet.length, new InetSocketAddress(LOOPBACK, leg.port())));
    }

    /**
     * A sample of what it hears now: what it was sent before is dropped, then a few packets let the
     * mix's own queue of what it heard empty.
     */
    int hears() throws IOException {
      byte[] buffer = heard;
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      socket.setSoTimeout(1);
      try {
        while (true) {
          socket.receive(packet);
        }
      } catch (SocketTimeoutException e) {
        socket.setSoTimeout(1000);
      }
      for (int packets = 0; packets < 6; packets++) {
        socket.receive(packet);
      }
      assertThat(buffer[1] & 0x7f).isEqualTo(coding.payloadType);
      assertThat(packet.getLength()).isEqualTo(12 + RtpLeg.FRAME);
      return Math.abs(coding.decode(buffer[12 + RtpLeg.FRAME / 2]));
    }

    @Override
    public void close() {
      socket.close();
    }
  }

  /** The parties speak every twenty milliseconds, as phones do. */
  private void speaking(Party... parties) {
    clock.scheduleAtFixedRate(
        () -> {
          try {
            for (Party party : parties) {
              party.speak();
            }
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        },
        0,
        20,
        TimeUnit.MILLISECONDS);
  }

  @Test
  void theAgentAndTheCallerAreEachSentTheSequelOfTheOthersStream() throws Exception {
    try (MonitorMix mix = new MonitorMix(LOOPBACK, G711.PCMU, clock);
        Party caller = new Party(G711.PCMU, 4000);
        Party agent = new Party(G711.PCMU, 1000)) {
      caller.connect(mix.caller());
      agent.connect(mix.agent());
      speaking(caller, agent);

      assertThat(agent.hears()).isBetween(3800, 4200);
      ByteBuffer toAgent = ByteBuffer.wrap(agent.heard);
      assertThat(toAgent.getInt(8)).as("the source the agent heard").isEqualTo(caller.source);
      assertThat(toAgent.getShort(2) & 0xffff)
          .as("its sequence numbers go on from the caller's")
          .isBetween(40000, caller.sequence + 10);
      caller.hears();
      assertThat(ByteBuffer.wrap(caller.heard).getInt(8)).isEqualTo(agent.source);
    }
  }

  @Test
  void eachPartyIsSentWhatItMayHearInItsOwnCoding() throws Exception {
    try (MonitorMix mix = new MonitorMix(LOOPBACK, G711.PCMU, clock);
        Party caller = new Party(G711.PCMU, 4000);
        Party agent = new Party(G711.PCMU, 1000);
        Party supervisor = new Party(G711.PCMA, 16000)) {
      caller.connect(mix.caller());
      agent.connect(mix.agent());
      RtpLeg supervisorLeg = mix.join(MonitorMode.WHISPER);
      supervisor.connect(supervisorLeg);
      speaking(caller, agent, supervisor);

      assertThat(supervisor.hears()).as("the supervisor hears the caller").isBetween(3800, 5200);
      assertThat(caller.hears()).as("the caller hears the agent alone").isBetween(900, 1100);
      assertThat(agent.hears()).as("the agent hears both").isBetween(19000, 21000);

      mix.change(supervisorLeg, MonitorMode.BARGE);
      assertThat(caller.hears()).as("the caller hears the barge").isBetween(16000, 18000);

      mix.change(supervisorLeg, MonitorMode.LISTEN);
      assertThat(caller.hears()).as("the caller, with a listener").isBetween(900, 1100);
      assertThat(agent.hears()).as("the agent, with a listener").isBetween(3800, 4200);
    }
  }
}
