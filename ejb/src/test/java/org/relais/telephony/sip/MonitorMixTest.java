package org.relais.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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
    RtpLeg leg;
    int sequence;

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
      packet[0] = (byte) 0x80;
      packet[1] = (byte) coding.payloadType;
      packet[3] = (byte) sequence++;
      Arrays.fill(packet, 12, packet.length, coding.encode(says));
      socket.send(
          new DatagramPacket(packet, packet.length, new InetSocketAddress(LOOPBACK, leg.port())));
    }

    /**
     * A sample of what it hears now: what it was sent before is dropped, then a few packets let the
     * mix's own queue of what it heard empty.
     */
    int hears() throws IOException {
      byte[] buffer = new byte[2048];
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
      // The three speak every twenty milliseconds, as phones do.
      clock.scheduleAtFixedRate(
          () -> {
            try {
              caller.speak();
              agent.speak();
              supervisor.speak();
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          },
          0,
          20,
          TimeUnit.MILLISECONDS);

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
