package org.relais.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SessionDescriptionTest {

  private static final String PHONE =
      "v=0\r\n"
          + "o=phone 53655765 2353687637 IN IP4 127.0.0.1\r\n"
          + "s=-\r\n"
          + "c=IN IP4 127.0.0.1\r\n"
          + "t=0 0\r\n"
          + "m=audio 6000 RTP/AVP 0 8\r\n"
          + "a=rtpmap:0 PCMU/8000\r\n"
          + "a=sendrecv\r\n"
          + "m=video 6002 RTP/AVP 96\r\n";

  private static String text(byte[] sdp) {
    return new String(sdp, StandardCharsets.UTF_8);
  }

  @Test
  void holdMakesEveryStreamInactiveAndResumeSendsAndReceivesAgainEachANewVersion() {
    SessionDescription session = new SessionDescription(PHONE.getBytes(StandardCharsets.UTF_8));

    String held = text(session.offer("inactive"));
    String resumed = text(session.offer("sendrecv"));

    assertThat(held)
        .contains("o=phone 53655765 2353687638 IN IP4 127.0.0.1\r\n")
        .contains("m=audio 6000 RTP/AVP 0 8\r\na=inactive\r\na=rtpmap:0 PCMU/8000\r\n")
        .contains("m=video 6002 RTP/AVP 96\r\na=inactive\r\n")
        .doesNotContain("sendrecv")
        .endsWith("\r\n");
    assertThat(resumed)
        .contains("o=phone 53655765 2353687639 ")
        .contains("m=audio 6000 RTP/AVP 0 8\r\na=sendrecv\r\n")
        .doesNotContain("inactive");
  }

  @Test
  void anotherPhonesMediaComesUnderTheSessionsOwnOriginOneVersionHigher() {
    SessionDescription session = new SessionDescription(PHONE.getBytes(StandardCharsets.UTF_8));
    session.offer("inactive");

    String other =
        text(
            session.offerOf(
                "v=0\r\no=other 9 1 IN IP4 10.0.0.2\r\nm=audio 7000 RTP/AVP 0\r\na=sendrecv\r\n"
                    .getBytes(StandardCharsets.UTF_8)));
    String held = text(session.offer("inactive"));

    assertThat(other)
        .isEqualTo(
            "v=0\r\no=phone 53655765 2353687639 IN IP4 127.0.0.1\r\nm=audio 7000 RTP/AVP 0\r\n"
                + "a=sendrecv\r\n");
    assertThat(held).contains("o=phone 53655765 2353687640 ").contains("m=audio 7000 RTP/AVP 0");
  }

  @Test
  void anotherPartysMediaMayComeOnHoldInTheSameNewVersion() {
    SessionDescription session = new SessionDescription(PHONE.getBytes(StandardCharsets.UTF_8));

    String held =
        text(
            session.offerOf(
                "v=0\r\no=other 9 1 IN IP4 10.0.0.2\r\nm=audio 7000 RTP/AVP 0\r\na=sendrecv\r\n"
                    .getBytes(StandardCharsets.UTF_8),
                "sendonly"));

    assertThat(held)
        .isEqualTo(
            "v=0\r\no=phone 53655765 2353687638 IN IP4 127.0.0.1\r\nm=audio 7000 RTP/AVP 0\r\n"
                + "a=sendonly\r\n");
  }

  @Test
  void aDescriptionWithBareLineFeedsIsReadAsWell() {
    SessionDescription session =
        new SessionDescription("v=0\no=- 1 7 IN IP4 10.0.0.1\nm=audio 4000 RTP/AVP 0\n".getBytes());

    assertThat(text(session.offer("inactive")))
        .isEqualTo("v=0\r\no=- 1 8 IN IP4 10.0.0.1\r\nm=audio 4000 RTP/AVP 0\r\na=inactive\r\n");
  }

  @Test
  void theAudioGoesToItsStreamsPortAtTheSessionsAddressOrItsOwn() {
    SessionDescription session = new SessionDescription(PHONE.getBytes(StandardCharsets.UTF_8));
    SessionDescription own =
        new SessionDescription(
            "v=0\r\nc=IN IP4 10.0.0.1\r\nm=audio 4000 RTP/AVP 8 0\r\nc=IN IP4 10.0.0.9\r\n"
                .getBytes(StandardCharsets.UTF_8));

    assertThat(session.audioDestination()).isEqualTo(new InetSocketAddress("127.0.0.1", 6000));
    assertThat(session.audioCoding()).isEqualTo(G711.PCMU);
    assertThat(own.audioDestination()).isEqualTo(new InetSocketAddress("10.0.0.9", 4000));
    assertThat(own.audioCoding()).isEqualTo(G711.PCMA);
  }

  @Test
  void aPortOfThisSideIsDescribedInTheCodingsItOffers() {
    String audio = text(SessionDescription.audio("10.0.0.5", 30000, G711.PCMA, G711.PCMU));

    assertThat(audio)
        .startsWith("v=0\r\no=relais ")
        .contains(" 1 IN IP4 10.0.0.5\r\ns=relais\r\nc=IN IP4 10.0.0.5\r\nt=0 0\r\n")
        .endsWith(
            "m=audio 30000 RTP/AVP 8 0\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:0 PCMU/8000\r\n"
                + "a=sendrecv\r\n");
    SessionDescription read = new SessionDescription(audio.getBytes(StandardCharsets.UTF_8));
    assertThat(read.audioDestination()).isEqualTo(new InetSocketAddress("10.0.0.5", 30000));
    assertThat(read.audioCoding()).isEqualTo(G711.PCMA);
  }

  @Test
  void otherMediaOfferedToAHeldPhoneKeepsItOnHoldAndResumedItTakesTheirDirection() {
    SessionDescription session = new SessionDescription(PHONE.getBytes(StandardCharsets.UTF_8));
    byte[] other =
        "v=0\r\no=other 9 1 IN IP4 10.0.0.2\r\nm=audio 7000 RTP/AVP 0\r\na=sendrecv\r\n"
            .getBytes(StandardCharsets.UTF_8);
    assertThat(session.direction()).isNull();

    session.offer("inactive");
    String held = text(session.offerOf(other, session.direction()));
    session.offer("sendrecv");
    String resumed = text(session.offerOf(other, session.direction()));

    assertThat(held)
        .contains("m=audio 7000 RTP/AVP 0\r\na=inactive\r\n")
        .doesNotContain("sendrecv");
    assertThat(resumed).contains("m=audio 7000 RTP/AVP 0\r\na=sendrecv\r\n");
  }
}
