package org.relais.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The NG client against a tiny responder on loopback that answers as told. */
class RtpEngineTest {

  private static final String PHONE =
      "v=0\r\no=phone 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
          + "m=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";

  private DatagramSocket responder;
  private final List<String> received = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    if (responder != null) {
      responder.close();
    }
  }

  /**
   * A responder that answers each request with its cookie and {@code answer}'s dictionary, or
   * ignores it where that is null.
   */
  private RtpEngine engine(Function<JsonObject, String> answer) throws SocketException {
    responder = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    Thread thread =
        new Thread(
            () -> {
              byte[] buffer = new byte[65_507];
              while (!responder.isClosed()) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                  responder.receive(packet);
                } catch (Exception closed) {
                  return;
                }
                String text =
                    new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
                received.add(text);
                String cookie = text.substring(0, text.indexOf(' '));
                String dictionary = answer.apply(dictionary(text));
                if (dictionary != null) {
                  byte[] reply = (cookie + " " + dictionary).getBytes(StandardCharsets.UTF_8);
                  try {
                    // a stray answer to another cookie first: the client must skip it
                    byte[] stray = "other_1 {\"result\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
                    responder.send(
                        new DatagramPacket(stray, stray.length, packet.getSocketAddress()));
                    responder.send(
                        new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
                  } catch (Exception closed) {
                    return;
                  }
                }
              }
            });
    thread.setDaemon(true);
    thread.start();
    return new RtpEngine(
        "127.0.0.1:" + responder.getLocalPort(), Path.of("/prompts"), Runnable::run);
  }

  private static JsonObject dictionary(String datagram) {
    return Json.createReader(new StringReader(datagram.substring(datagram.indexOf(' ') + 1)))
        .readObject();
  }

  @Test
  void anOfferSendsTheSdpWithTheCallAndItsTagAndGivesBackRtpenginesSdp() throws Exception {
    RtpEngine engine =
        engine(
            request ->
                Json.createObjectBuilder()
                    .add("result", "ok")
                    .add("sdp", request.getString("sdp").replace("40000", "30000"))
                    .build()
                    .toString());

    byte[] sdp = engine.offer("42", "caller", null, PHONE.getBytes(StandardCharsets.UTF_8));

    assertThat(new String(sdp, StandardCharsets.UTF_8)).isEqualTo(PHONE.replace("40000", "30000"));
    JsonObject sent = dictionary(received.get(0));
    assertThat(sent.getString("command")).isEqualTo("offer");
    assertThat(sent.getString("call-id")).isEqualTo("42");
    assertThat(sent.getString("from-tag")).isEqualTo("caller");
    assertThat(sent).doesNotContainKey("to-tag");
    assertThat(sent.getString("sdp")).isEqualTo(PHONE);
    assertThat(sent.getJsonArray("flags").getString(0)).isEqualTo("port latching");
  }

  @Test
  void anAnswerNamesBothTagsAndEachRequestHasACookieOfItsOwn() throws Exception {
    RtpEngine engine = engine(request -> "{\"result\":\"ok\",\"sdp\":\"v=0\\r\\n\"}");

    engine.answer("42", "caller", "agent", PHONE.getBytes(StandardCharsets.UTF_8));
    engine.answer("42", "caller", "agent", PHONE.getBytes(StandardCharsets.UTF_8));

    JsonObject sent = dictionary(received.get(0));
    assertThat(sent.getString("command")).isEqualTo("answer");
    assertThat(sent.getString("to-tag")).isEqualTo("agent");
    String first = received.get(0).substring(0, received.get(0).indexOf(' '));
    String second = received.get(1).substring(0, received.get(1).indexOf(' '));
    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void aPromptIsPlayedFromThePromptsFolderToOnePartyLoopedOrOnceAndItsLengthAnswered()
      throws Exception {
    RtpEngine engine = engine(request -> "{\"result\":\"ok\",\"duration\":5640}");

    long queue = engine.play("42", "caller", Prompt.QUEUE);
    long dropped = engine.play("42", "customer", Prompt.DROPPED);
    engine.stop("42", "caller");

    assertThat(queue).isEqualTo(5640);
    JsonObject play = dictionary(received.get(0));
    assertThat(play.getString("command")).isEqualTo("play media");
    assertThat(play.getString("from-tag")).isEqualTo("caller");
    assertThat(play.getString("file")).isEqualTo(Path.of("/prompts/queue.wav").toString());
    assertThat(play.getInt("repeat-times")).isGreaterThan(1000);
    assertThat(dictionary(received.get(1)).getInt("repeat-times")).isEqualTo(1);
    assertThat(dictionary(received.get(2)).getString("command")).isEqualTo("stop media");
    assertThat(dropped).isEqualTo(5640);
  }

  @Test
  void aPromptRtpengineCannotPlayIsNoFailureOfTheCall() throws Exception {
    RtpEngine engine = engine(request -> "{\"result\":\"error\",\"error-reason\":\"no file\"}");

    assertThat(engine.play("42", "caller", Prompt.HOLD)).isZero();
  }

  @Test
  void anUnansweredRequestIsSentAgainWithTheSameCookie() throws Exception {
    int[] seen = {0};
    RtpEngine engine = engine(request -> ++seen[0] < 2 ? null : "{\"result\":\"ok\"}");

    engine.delete("42");

    assertThat(received).hasSize(2);
    assertThat(received.get(1)).isEqualTo(received.get(0));
    JsonObject sent = dictionary(received.get(0));
    assertThat(sent.getString("command")).isEqualTo("delete");
    assertThat(sent.getString("call-id")).isEqualTo("42");
  }

  @Test
  void rtpengineThatNeverAnswersFailsTheCommandAfterItsTries() throws Exception {
    RtpEngine engine = engine(request -> null);
    long start = System.nanoTime();

    assertThatThrownBy(
            () -> engine.offer("42", "caller", null, PHONE.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(MediaUnavailableException.class)
        .hasMessageContaining("offer of call 42")
        .hasMessageContaining("no answer");
    assertThat(received).hasSize(RtpEngine.TRIES);
    assertThat((System.nanoTime() - start) / 1_000_000)
        .isLessThan(RtpEngine.TRIES * RtpEngine.WAIT_MILLIS + 1000L);
  }

  @Test
  void aRefusalFailsTheCommandWithRtpenginesReason() throws Exception {
    RtpEngine engine =
        engine(request -> "{\"result\":\"error\",\"error-reason\":\"Unknown call-id\"}");

    assertThatThrownBy(
            () -> engine.answer("42", "caller", "agent", PHONE.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(MediaUnavailableException.class)
        .hasMessageContaining("Unknown call-id");
  }
}
