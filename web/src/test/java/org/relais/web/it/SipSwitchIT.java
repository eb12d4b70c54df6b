package org.relais.web.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.ArchivePaths;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.relais.web.it.Api.Caller;
import org.relais.web.it.Api.Reply;

/**
 * The SIP switch (SPEC F2) with real peers on loopback: Relais deployed with {@code
 * relais.switch=sip}, the repository's Kamailio as the phones' registrar (digest authentication
 * with the agents' SIP passwords), SIPp as the trunk and as the agents' phones. What the engine
 * made of each call is read through the API, as on the simulated switch. Where rtpengine is
 * installed, it carries the calls' media (userspace, loopback); the media's own checks are skipped
 * where it is not. Skipped where Kamailio or SIPp is not installed.
 */
@EnabledIf("org.relais.web.it.SipPeers#installed")
class SipSwitchIT extends DeployedRelais {

  private static final Duration CALL = Duration.ofSeconds(30);
  private static final Duration TIMERS = Duration.ofSeconds(15);
  private static final String SIP_PASSWORD = "phone-secret";

  private static final int RELAIS_SIP = SipPeers.freePort();
  private static final int KAMAILIO = SipPeers.freePort();
  private static final int KAMAILIO_RPC = SipPeers.freePort();
  private static final int OUTBOUND_TRUNK = SipPeers.freePort();
  private static final int RTPENGINE = SipPeers.freePort();
  private static final int DTMF = SipPeers.freePort();

  /** rtpengine's media ports: a range of 200 somewhere between 20000 and 40000. */
  private static final int MEDIA_MIN = 20000 + 200 * ThreadLocalRandom.current().nextInt(100);

  private static final int MEDIA_MAX = MEDIA_MIN + 199;

  /** What rtpengine plays: the repository's prompts. */
  private static final Path PROMPTS = Path.of("..", "payara-config", "telephony", "prompts");

  /** Key 1 as telephone events (RFC 4733), as SIPp's package ships it for its scenarios. */
  private static final Path KEY_ONE = Path.of("/usr/share/sip-tester/dtmf_2833_1.pcap");

  /**
   * The tones the test phones say: tone.wav's (an agent's, or a caller's), and whisper.wav's (a
   * supervisor's voice).
   */
  private static final double AGENT_TONE = 440;

  private static final double SUPERVISOR_TONE = 1000;

  /** What baresip says: as an agent's phone, and as a caller. */
  private static final double PHONE_TONE = 1000;

  private static final double CALLER_TONE = 700;

  /**
   * How loud a tone heard is, and how quiet one not heard (amplitude on 16 bits): the phones say
   * theirs at half the loudest, 16,000.
   */
  private static final double TONE = 4000;

  private static final double NO_TONE = 800;

  /** The quietest a prompt or music is (root mean square on 16 bits): silence is 0. */
  private static final double AUDIBLE = 200;

  private static final Path LOGS =
      Path.of("target", "it", "sip-" + System.getProperty("relais.it.database"));

  /** rtpengine's recording folder, as {@link SipPeers} starts it. */
  private static final Path RECORDINGS = LOGS.resolve("rtpengine-recordings");

  private static SipPeers peers;
  private static Process kamailio;

  /** Null where rtpengine is not installed. */
  private static Process rtpengine;

  private Api api;
  private Caller admin;

  /** The built WAR, told to use the SIP switch on free ports. */
  @Deployment(testable = false)
  public static WebArchive relaisOnSip() {
    WebArchive war = builtWar();
    ArchivePath config =
        ArchivePaths.create("/WEB-INF/classes/META-INF/microprofile-config.properties");
    String properties;
    try (InputStream in = war.get(config).getAsset().openStream()) {
      properties = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    war.delete(config);
    war.add(
        new StringAsset(
            properties
                + "\nrelais.switch=sip\nrelais.sip.address=127.0.0.1\nrelais.sip.port="
                + RELAIS_SIP
                + "\nrelais.sip.registrar=127.0.0.1:"
                + KAMAILIO
                + "\nrelais.sip.registrar-rpc=127.0.0.1:"
                + KAMAILIO_RPC
                + "\nrelais.sip.trunks=127.0.0.1"
                + "\nrelais.sip.outbound-trunk=127.0.0.1:"
                + OUTBOUND_TRUNK
                + (SipPeers.rtpengineInstalled()
                    ? "\nrelais.sip.rtpengine=127.0.0.1:"
                        + RTPENGINE
                        + "\nrelais.sip.prompts="
                        + PROMPTS.toAbsolutePath()
                        + "\nrelais.sip.recordings="
                        + RECORDINGS.toAbsolutePath()
                        + "\nrelais.sip.dtmf=127.0.0.1:"
                        + DTMF
                    : "")
                + "\n"),
        config);
    return war;
  }

  @BeforeAll
  static void startKamailio() {
    peers = new SipPeers(LOGS);
    kamailio = peers.kamailio(KAMAILIO, KAMAILIO_RPC, RELAIS_SIP);
    if (SipPeers.rtpengineInstalled()) {
      rtpengine = peers.rtpengine(RTPENGINE, MEDIA_MIN, MEDIA_MAX, DTMF);
    }
  }

  @AfterAll
  static void stopPeers() {
    peers.close();
  }

  @Test
  void aTrunkCallIsQueuedRungOnTheAgentsPhoneBridgedAndHungUp() throws Exception {
    account();
    String number = newNumber();
    group(
        "Support",
        number,
        "\"ringTimeout\":10,\"wrapUp\":0,\"qualificationRequired\":true,"
            + "\"qualifications\":[\"Résolu\"]");
    Caller alice = phoneAgent("alice", "501", "Support");
    assertThat(registration()).as("before the phone registers").doesNotContainKey("contact");
    assertThat(registration().getBoolean("registered")).isFalse();
    Process phone = phone("phone-answers", "501");
    JsonObject registered = registration();
    assertThat(registered.getBoolean("registered")).as(registered.toString()).isTrue();
    assertThat(registered.getString("contact")).startsWith("sip:501@127.0.0.1:");
    assertThat(registered.getInt("expires")).isBetween(1, 300);

    Process trunk = trunk("trunk-talks", number, "0611223344");

    assertThat(SipPeers.exitOf(trunk, CALL)).as("the trunk's call").isZero();
    assertThat(SipPeers.exitOf(phone, CALL)).as("the agent's phone").isZero();
    awaitActivity(alice, "QUALIFYING");
    JsonObject row = history(alice).get(0);
    assertThat(row.getString("number")).isEqualTo("0611223344");
    assertThat(row.getString("group")).isEqualTo("Support");
    assertThat(row.getString("outcome")).isEqualTo("ANSWERED");
    assertThat(row.getJsonNumber("talked").longValue()).isBetween(1L, 10L);
    Reply qualified = api.send(alice, "POST", "api/v1/me/qualification", "{\"code\":\"Résolu\"}");
    assertThat(qualified.status()).as(qualified.body()).isEqualTo(200);
    awaitActivity(alice, "IDLE");
  }

  @Test
  void theCallersAndThePhonesAudioGoThroughRtpengine() throws Exception {
    assumeTrue(SipPeers.rtpengineInstalled(), "rtpengine is not installed");
    account();
    String number = newNumber();
    group("Media", number, "\"ringTimeout\":10,\"wrapUp\":0");
    Caller dora = phoneAgent("dora", "508", "Media");
    Process phone = phone("phone-media", "508", "-trace_logs");
    long relayedBefore = SipPeers.relayedPackets(RTPENGINE);

    Process trunk = trunk("trunk-media", number, "0611223399", "-trace_logs");

    assertThat(SipPeers.exitOf(trunk, CALL)).as("the trunk's call").isZero();
    assertThat(SipPeers.exitOf(phone, CALL)).as("the agent's phone").isZero();
    assertThat(peers.logged("trunk-media", trunk))
        .as("where the caller is told to send its audio")
        .singleElement()
        .satisfies(this::atRtpengine);
    assertThat(peers.logged("phone-media", phone))
        .as("where the agent's phone is told to send its audio")
        .singleElement()
        .satisfies(this::atRtpengine);
    // Each side sends two seconds of audio: 100 packets of 20 ms, counted once the call is deleted.
    Await.until(
        TIMERS,
        () -> SipPeers.relayedPackets(RTPENGINE) - relayedBefore,
        relayed -> relayed >= 150);
    awaitActivity(dora, "IDLE");
  }

  @Test
  void aRecordedCallsAudioIsRtpenginesCaptureOfBothSidesMadeIntoAWav() throws Exception {
    assumeTrue(SipPeers.rtpengineInstalled(), "rtpengine is not installed");
    account();
    String number = newNumber();
    group("Archive", number, "\"ringTimeout\":10,\"wrapUp\":0,\"recording\":\"ALWAYS\"");
    Caller gus = phoneAgent("gus", "509", "Archive");
    Process phone = phone("phone-media", "509");

    Process trunk = trunk("trunk-media", number, "0611223388");
    awaitActivity(gus, "TALKING");
    String callId = callOf(gus);

    assertThat(SipPeers.exitOf(trunk, CALL)).as("the trunk's call").isZero();
    assertThat(SipPeers.exitOf(phone, CALL)).as("the agent's phone").isZero();
    String id =
        Await.until(
                TIMERS,
                () -> api.get(admin, "api/v1/calls/" + callId).object().getJsonArray("recordings"),
                recordings -> !recordings.isEmpty())
            .getJsonObject(0)
            .getString("id");
    HttpResponse<byte[]> wav =
        Await.until(TIMERS, () -> recording(admin, id), response -> response.statusCode() == 200);
    try (AudioInputStream audio =
        AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav.body()))) {
      AudioFormat format = audio.getFormat();
      assertThat(format.getSampleRate()).isEqualTo(8000f);
      assertThat(format.getSampleSizeInBits()).isEqualTo(16);
      // Both sides send two seconds of tone from the answer on: two seconds and a little.
      assertThat(audio.getFrameLength() / 8000.0).as("seconds").isBetween(1.8, 3.0);
      byte[] pcm = audio.readAllBytes();
      double squares = 0;
      for (int i = 0; i + 1 < pcm.length; i += 2) {
        int sample = (short) ((pcm[i] & 0xff) | (pcm[i + 1] << 8));
        squares += (double) sample * sample;
      }
      assertThat(Math.sqrt(squares / (pcm.length / 2))).as("loudness").isGreaterThan(AUDIBLE);
    }
    // rtpengine's capture goes once made into the WAV.
    Await.until(TIMERS, SipSwitchIT::captures, left -> left == 0);
  }

  private static long captures() {
    try (Stream<Path> files = Files.list(RECORDINGS.resolve("pcaps"))) {
      return files.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpResponse<byte[]> recording(Caller agent, String id) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(baseUrl() + "api/v1/recordings/" + id))
                  .header("Authorization", agent.authorization())
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void atRtpengine(String media) {
    assertThat(media).startsWith("media at 127.0.0.1:");
    assertThat(Integer.parseInt(media.substring(media.lastIndexOf(':') + 1)))
        .isBetween(MEDIA_MIN, MEDIA_MAX);
  }

  @Test
  void aBlindTransferToANumberAsksTheCallersTrunkToCallItAndFreesTheAgent() throws Exception {
    account();
    String number = newNumber();
    group("Ventes", number, "\"ringTimeout\":10,\"wrapUp\":0");
    Caller bob = phoneAgent("bob", "502", "Ventes");
    Process phone = phone("phone-answers", "502");
    Process trunk = trunk("trunk-transferred", number, "0611223355");
    awaitActivity(bob, "TALKING");
    String callId = callOf(bob);

    Reply transferred =
        api.send(
            bob, "POST", "api/v1/me/lines/" + callId + "/transfer", "{\"number\":\"0155667788\"}");

    assertThat(transferred.status()).as(transferred.body()).isEqualTo(200);
    assertThat(SipPeers.exitOf(trunk, CALL))
        .as("the trunk asked to call +33155667788 (REFER), then left by Relais")
        .isZero();
    assertThat(SipPeers.exitOf(phone, CALL)).as("the agent's phone, hung up").isZero();
    JsonObject row = history(bob).get(0);
    assertThat(row.getString("outcome")).isEqualTo("TRANSFERRED");
    assertThat(row.getString("transferredTo")).isEqualTo("+33155667788");
  }

  @Test
  void aQueuedCallerHearsTheAnnouncementAsEarlyMedia() throws Exception {
    assumeTrue(SipPeers.rtpengineInstalled(), "rtpengine is not installed");
    account();
    String number = newNumber();
    group("Annonce", number, "\"ringTimeout\":10");
    phoneAgent("bob", "502", "Annonce");
    Process phone = phone("phone-never-answers", "502");
    try (RtpEar ear = new RtpEar()) {
      Process trunk =
          trunk(
              "trunk-hears-prompt",
              number,
              "0611223311",
              "-key",
              "ear",
              ear.port(),
              "-d",
              "4000",
              "-trace_logs");

      RtpEar.Heard heard = ear.listen(Duration.ofSeconds(3));

      assertThat(heard.packets()).as("packets of 20 ms in 3 s").isGreaterThan(100);
      assertThat(heard.loudness()).as("the announcement, not silence").isGreaterThan(AUDIBLE);
      assertThat(SipPeers.exitOf(trunk, CALL)).as("the caller, queued, then giving up").isZero();
      assertThat(peers.logged("trunk-hears-prompt", trunk))
          .as("where the caller is told to send its audio")
          .singleElement()
          .satisfies(this::atRtpengine);
      assertThat(SipPeers.exitOf(phone, CALL)).as("the agent's phone, cancelled").isZero();
    }
  }

  @Test
  void holdStopsBothPhonesAudioPlaysTheCallerMusicAndResumeStartsItAgain() throws Exception {
    boolean plays = SipPeers.rtpengineInstalled();
    account();
    String number = newNumber();
    group("Conseil", number, "\"ringTimeout\":10,\"wrapUp\":0");
    Caller carol = phoneAgent("carol", "503", "Conseil");
    Process phone = phone("phone-held", "503");
    RtpEar ear = new RtpEar();
    Process trunk = trunk("trunk-held", number, "0611223366", "-key", "ear", ear.port());
    awaitActivity(carol, "TALKING");
    String line = "api/v1/me/lines/" + callOf(carol) + "/";
    ear.listen(Duration.ofMillis(500)); // the announcement, stopped by the bridge
    RtpEar.Heard bridged = ear.listen(Duration.ofSeconds(1));

    Reply held = api.send(carol, "POST", line + "hold", null);
    RtpEar.Heard onHold = ear.listen(Duration.ofSeconds(2));
    Reply resumed = api.send(carol, "POST", line + "resume", null);
    ear.listen(Duration.ofMillis(500));
    RtpEar.Heard offHold = ear.listen(Duration.ofSeconds(1));
    Reply hungUp = api.send(carol, "POST", line + "hangup", null);
    ear.close();

    // The agent's phone sends no audio: what the caller hears is rtpengine's.
    assertThat(bridged.packets()).as("once put through: no announcement").isLessThan(5);
    if (plays) {
      assertThat(onHold.packets()).as("on hold, packets of 20 ms in 2 s").isGreaterThan(60);
      assertThat(onHold.loudness()).as("on hold, music").isGreaterThan(AUDIBLE);
    }
    assertThat(offHold.packets()).as("off hold: no music").isLessThan(5);

    assertThat(held.status()).as(held.body()).isEqualTo(200);
    assertThat(resumed.status()).as(resumed.body()).isEqualTo(200);
    assertThat(hungUp.status()).as(hungUp.body()).isEqualTo(200);
    assertThat(SipPeers.exitOf(trunk, CALL))
        .as("the caller's leg: re-offered inactive, then sendrecv, then hung up")
        .isZero();
    assertThat(SipPeers.exitOf(phone, CALL))
        .as("the agent's phone: re-offered inactive, then sendrecv, then hung up")
        .isZero();
  }

  @Test
  void aSupervisorsPhoneListensThenWhispersToTheAgentAloneThenBargesAndLeaves() throws Exception {
    assumeTrue(SipPeers.rtpengineInstalled(), "rtpengine is not installed");
    account();
    String number = newNumber();
    group("Qualite", number, "\"ringTimeout\":10,\"wrapUp\":0");
    Caller ines = phoneAgent("ines", "510", "Qualite");
    Caller sam = phoneSupervisor("sam", "590", "Qualite");
    String monitor = "api/v1/supervision/agents/ines/monitor";

    try (RtpEar caller = new RtpEar();
        RtpEar agent = new RtpEar();
        RtpEar supervisor = new RtpEar()) {
      // The agent's phone says 440 Hz, the supervisor's 1000 Hz; the caller says nothing.
      Process agentPhone = phone("phone-monitored", "510", "-key", "ear", agent.port());
      Process supervisorPhone = phone("phone-supervisor", "590", "-key", "ear", supervisor.port());
      Process trunk = trunk("trunk-monitored", number, "0611223311", "-key", "ear", caller.port());
      awaitActivity(ines, "TALKING");

      Reply listen = api.send(sam, "POST", monitor, "{\"mode\":\"LISTEN\"}");
      assertThat(listen.status()).as(listen.body()).isEqualTo(201);
      awaitTone(supervisor, AGENT_TONE);
      assertThat(heardNow(caller))
          .as("the caller, while the supervisor listens")
          .satisfies(heard -> assertThat(heard.tone(AGENT_TONE)).isGreaterThan(TONE))
          .satisfies(heard -> assertThat(heard.tone(SUPERVISOR_TONE)).isLessThan(NO_TONE));

      Reply whisper = api.send(sam, "PUT", monitor, "{\"mode\":\"WHISPER\"}");
      assertThat(whisper.status()).as(whisper.body()).isEqualTo(204);
      awaitTone(agent, SUPERVISOR_TONE);
      assertThat(heardNow(caller))
          .as("the caller, while the supervisor whispers to the agent")
          .satisfies(heard -> assertThat(heard.tone(AGENT_TONE)).isGreaterThan(TONE))
          .satisfies(heard -> assertThat(heard.tone(SUPERVISOR_TONE)).isLessThan(NO_TONE));

      Reply barge = api.send(sam, "PUT", monitor, "{\"mode\":\"BARGE\"}");
      assertThat(barge.status()).as(barge.body()).isEqualTo(204);
      awaitTone(caller, SUPERVISOR_TONE);

      Reply leave = api.send(sam, "DELETE", monitor, null);
      assertThat(leave.status()).as(leave.body()).isEqualTo(204);
      assertThat(SipPeers.exitOf(supervisorPhone, CALL)).as("the supervisor's phone").isZero();
      Await.until(
          TIMERS,
          () -> heardNow(caller),
          heard -> heard.tone(SUPERVISOR_TONE) < NO_TONE && heard.tone(AGENT_TONE) > TONE);

      Reply hungUp = api.send(ines, "POST", "api/v1/me/lines/" + callOf(ines) + "/hangup", null);
      assertThat(hungUp.status()).as(hungUp.body()).isEqualTo(200);
      assertThat(SipPeers.exitOf(trunk, CALL)).as("the caller's leg").isZero();
      assertThat(SipPeers.exitOf(agentPhone, CALL))
          .as("the agent's phone: re-offered the mix, then rtpengine again, then hung up")
          .isZero();
    }
  }

  @Test
  void aSupervisorsPhoneWhispersIntoAnAgentsOwnCallAndTheCustomerNeverHearsIt() throws Exception {
    assumeTrue(SipPeers.rtpengineInstalled(), "rtpengine is not installed");
    account();
    group("Ventes", newNumber(), "\"ringTimeout\":10,\"wrapUp\":0");
    Caller max = phoneAgent("max", "513", "Ventes");
    Caller sue = phoneSupervisor("sue", "592", "Ventes");
    String monitor = "api/v1/supervision/agents/max/monitor";

    try (RtpEar customer = new RtpEar();
        RtpEar agent = new RtpEar();
        RtpEar supervisor = new RtpEar()) {
      Process agentPhone = phone("phone-monitored", "513", "-key", "ear", agent.port());
      Process supervisorPhone = phone("phone-supervisor", "592", "-key", "ear", supervisor.port());
      Process trunk =
          peers.sipp(
              "trunk-answers-monitored", OUTBOUND_TRUNK, null, "-key", "ear", customer.port());
      Reply dialled =
          api.send(
              max, "POST", "api/v1/me/calls", "{\"number\":\"0612345678\",\"group\":\"Ventes\"}");
      assertThat(dialled.status()).as(dialled.body()).isEqualTo(201);
      awaitActivity(max, "TALKING");

      Reply whisper = api.send(sue, "POST", monitor, "{\"mode\":\"WHISPER\"}");
      assertThat(whisper.status()).as(whisper.body()).isEqualTo(201);
      awaitTone(supervisor, AGENT_TONE);
      awaitTone(agent, SUPERVISOR_TONE);
      assertThat(heardNow(customer))
          .as("the customer, while the supervisor whispers to the agent")
          .satisfies(heard -> assertThat(heard.tone(AGENT_TONE)).isGreaterThan(TONE))
          .satisfies(heard -> assertThat(heard.tone(SUPERVISOR_TONE)).isLessThan(NO_TONE));

      assertThat(api.send(sue, "DELETE", monitor, null).status()).isEqualTo(204);
      assertThat(SipPeers.exitOf(supervisorPhone, CALL)).as("the supervisor's phone").isZero();
      Reply hungUp = api.send(max, "POST", "api/v1/me/lines/" + callOf(max) + "/hangup", null);
      assertThat(hungUp.status()).as(hungUp.body()).isEqualTo(200);
      assertThat(SipPeers.exitOf(trunk, CALL)).as("the customer").isZero();
      assertThat(SipPeers.exitOf(agentPhone, CALL)).as("the agent's phone").isZero();
    }
  }

  @Test
  void aBaresipSupervisorsWhisperReachesTheAgentAndNeverTheCallersRecording() throws Exception {
    assumeTrue(SipPeers.rtpengineInstalled(), "rtpengine is not installed");
    assumeTrue(BaresipPhone.installed(), "baresip is not installed");
    account();
    String number = newNumber();
    group("Ecoute", number, "\"ringTimeout\":10,\"wrapUp\":0");
    Caller remi = phoneAgent("remi", "515", "Ecoute");
    Caller zoe = phoneSupervisor("zoe", "593", "Ecoute");
    BaresipPhone supervisor =
        BaresipPhone.registered(
            peers, admin.account(), "593", SIP_PASSWORD, KAMAILIO, SUPERVISOR_TONE);
    Await.until(TIMERS, () -> registered("593"), registered -> registered);

    try (RtpEar agent = new RtpEar();
        RtpEar caller = new RtpEar().saying(Tone.of(CALLER_TONE, 16_000, 1))) {
      Process agentPhone = phone("phone-monitored", "515", "-key", "ear", agent.port());
      Process trunk = trunk("trunk-monitored", number, "0611223300", "-key", "ear", caller.port());
      awaitActivity(remi, "TALKING");

      Reply whisper =
          api.send(zoe, "POST", "api/v1/supervision/agents/remi/monitor", "{\"mode\":\"WHISPER\"}");
      assertThat(whisper.status()).as(whisper.body()).isEqualTo(201);
      awaitTone(agent, SUPERVISOR_TONE);
      // The caller's recording of the whisper: two seconds of what it hears, while it speaks.
      caller.forget();
      RtpEar.Heard callerHeard = caller.listen(Duration.ofSeconds(2));
      Reply hungUp = api.send(remi, "POST", "api/v1/me/lines/" + callOf(remi) + "/hangup", null);
      assertThat(hungUp.status()).as(hungUp.body()).isEqualTo(200);
      assertThat(SipPeers.exitOf(agentPhone, CALL)).as("the agent's phone").isZero();
      assertThat(SipPeers.exitOf(trunk, CALL)).as("the caller's leg").isZero();

      assertThat(callerHeard.tone(AGENT_TONE))
          .as("the caller's recording: the agent")
          .isGreaterThan(TONE);
      assertThat(callerHeard.tone(SUPERVISOR_TONE))
          .as("the caller's recording: never the whisper")
          .isLessThan(NO_TONE);
      short[] supervisorHeard =
          Await.until(TIMERS, supervisor::heard, samples -> samples.length > 0);
      assertThat(Tone.level(supervisorHeard, CALLER_TONE))
          .as("the supervisor hears the caller")
          .isGreaterThan(TONE / 4);
      assertThat(Tone.level(supervisorHeard, AGENT_TONE))
          .as("the supervisor hears the agent")
          .isGreaterThan(TONE / 2);
    }
  }

  @Test
  void aSupervisorsPhoneIsHungUpWhenTheAgentTransfersTheCallAway() throws Exception {
    assumeTrue(SipPeers.rtpengineInstalled(), "rtpengine is not installed");
    account();
    String number = newNumber();
    group("Renvoi", number, "\"ringTimeout\":10,\"wrapUp\":0");
    Caller tom = phoneAgent("tom", "516", "Renvoi");
    Caller ada = phoneSupervisor("ada", "594", "Renvoi");

    try (RtpEar agent = new RtpEar();
        RtpEar supervisor = new RtpEar();
        EventFeed feed = new EventFeed(baseUrl(), admin)) {
      Process agentPhone = phone("phone-monitored", "516", "-key", "ear", agent.port());
      Process supervisorPhone = phone("phone-supervisor", "594", "-key", "ear", supervisor.port());
      Process trunk = trunk("trunk-transferred", number, "0611223388");
      awaitActivity(tom, "TALKING");
      Reply listen =
          api.send(ada, "POST", "api/v1/supervision/agents/tom/monitor", "{\"mode\":\"LISTEN\"}");
      assertThat(listen.status()).as(listen.body()).isEqualTo(201);
      awaitTone(supervisor, AGENT_TONE);

      Reply transferred =
          api.send(
              tom,
              "POST",
              "api/v1/me/lines/" + callOf(tom) + "/transfer",
              "{\"number\":\"0155667788\"}");

      assertThat(transferred.status()).as(transferred.body()).isEqualTo(200);
      assertThat(SipPeers.exitOf(supervisorPhone, CALL)).as("the supervisor's phone").isZero();
      assertThat(SipPeers.exitOf(agentPhone, CALL)).as("the agent's phone").isZero();
      assertThat(SipPeers.exitOf(trunk, CALL)).as("the caller, referred").isZero();
      assertThat(feed.awaitEvent(TIMERS, e -> e.getString("type").equals("MONITOR_ENDED")))
          .filteredOn(e -> e.getString("type").equals("MONITOR_ENDED"))
          .singleElement()
          .satisfies(ended -> assertThat(ended.getString("supervisor")).isEqualTo("ada"));
    }
  }

  @Test
  void aSupervisorsPhoneThatHangsUpLeavesTheCallWhichTalksOnThroughRtpengineAgain()
      throws Exception {
    assumeTrue(SipPeers.rtpengineInstalled(), "rtpengine is not installed");
    account();
    String number = newNumber();
    group("Qualite", number, "\"ringTimeout\":10,\"wrapUp\":0");
    Caller jules = phoneAgent("jules", "511", "Qualite");
    Caller sol = phoneSupervisor("sol", "591", "Qualite");

    try (RtpEar caller = new RtpEar();
        RtpEar agent = new RtpEar();
        EventFeed feed = new EventFeed(baseUrl(), admin)) {
      Process agentPhone = phone("phone-monitored", "511", "-key", "ear", agent.port());
      Process supervisorPhone = phone("phone-supervisor-hangs-up", "591");
      Process trunk = trunk("trunk-monitored", number, "0611223322", "-key", "ear", caller.port());
      awaitActivity(jules, "TALKING");

      Reply barge =
          api.send(sol, "POST", "api/v1/supervision/agents/jules/monitor", "{\"mode\":\"BARGE\"}");
      assertThat(barge.status()).as(barge.body()).isEqualTo(201);
      awaitTone(caller, SUPERVISOR_TONE);
      assertThat(SipPeers.exitOf(supervisorPhone, CALL)).as("the supervisor's phone").isZero();

      assertThat(feed.awaitEvent(TIMERS, e -> e.getString("type").equals("MONITOR_ENDED")))
          .filteredOn(e -> e.getString("type").equals("MONITOR_ENDED"))
          .singleElement()
          .satisfies(ended -> assertThat(ended.getString("supervisor")).isEqualTo("sol"));
      Await.until(
          TIMERS,
          () -> heardNow(caller),
          heard -> heard.tone(SUPERVISOR_TONE) < NO_TONE && heard.tone(AGENT_TONE) > TONE);
      assertThat(api.get(jules, "api/v1/me").object().getString("activity")).isEqualTo("TALKING");

      Reply hungUp = api.send(jules, "POST", "api/v1/me/lines/" + callOf(jules) + "/hangup", null);
      assertThat(hungUp.status()).as(hungUp.body()).isEqualTo(200);
      assertThat(SipPeers.exitOf(trunk, CALL)).as("the caller's leg").isZero();
      assertThat(SipPeers.exitOf(agentPhone, CALL)).as("the agent's phone").isZero();
    }
  }

  @Test
  void aBaresipPhoneRegistersAnswersAndHearsTheCallerWhoHearsIt() throws Exception {
    assumeTrue(SipPeers.rtpengineInstalled(), "rtpengine is not installed");
    assumeTrue(BaresipPhone.installed(), "baresip is not installed");
    account();
    String number = newNumber();
    group("Son", number, "\"ringTimeout\":10,\"wrapUp\":0");
    Caller lea = phoneAgent("lea", "512", "Son");
    BaresipPhone phone =
        BaresipPhone.registered(peers, admin.account(), "512", SIP_PASSWORD, KAMAILIO, PHONE_TONE);
    Await.until(TIMERS, () -> phoneRegistered(lea), registered -> registered);

    try (RtpEar caller = new RtpEar().saying(Tone.of(CALLER_TONE, 16_000, 1))) {
      Process trunk = trunk("trunk-monitored", number, "0611223355", "-key", "ear", caller.port());
      awaitActivity(lea, "TALKING");
      caller.forget(); // the announcement
      RtpEar.Heard heard = caller.listen(Duration.ofSeconds(3));
      Reply hungUp = api.send(lea, "POST", "api/v1/me/lines/" + callOf(lea) + "/hangup", null);

      assertThat(hungUp.status()).as(hungUp.body()).isEqualTo(200);
      assertThat(SipPeers.exitOf(trunk, CALL)).as("the caller's leg").isZero();
      assertThat(heard.tone(PHONE_TONE)).as("the caller hears the phone").isGreaterThan(TONE);
      short[] phoneHeard = Await.until(TIMERS, phone::heard, samples -> samples.length >= 8000);
      assertThat(Tone.level(phoneHeard, CALLER_TONE))
          .as("the phone hears the caller")
          .isGreaterThan(TONE);
      assertThat(phone.running()).as("baresip, still registered for its next call").isTrue();
    }
  }

  /** What the ear hears over the next second, what came before dropped. */
  private static RtpEar.Heard heardNow(RtpEar ear) {
    ear.forget();
    return ear.listen(Duration.ofSeconds(1));
  }

  /** Waits until the ear hears the tone. */
  private static void awaitTone(RtpEar ear, double hertz) {
    Await.until(
        TIMERS, () -> ear.listen(Duration.ofMillis(500)), heard -> heard.tone(hertz) > TONE);
  }

  @Test
  void aBlindTransferToAnAgentHoldsTheCallerUntilThatAgentsPhoneAnswersThenPutsItThrough()
      throws Exception {
    account();
    String number = newNumber();
    group("Relais", number, "\"ringTimeout\":10,\"wrapUp\":0");
    Caller erin = phoneAgent("erin", "504", "Relais");
    Process first = phone("phone-answers", "504");
    Process trunk = trunk("trunk-passed-on", number, "0611223377");
    awaitActivity(erin, "TALKING");
    Caller fred = phoneAgent("fred", "505", "Relais");
    Process second = phone("phone-answers", "505");

    Reply passed =
        api.send(
            erin, "POST", "api/v1/me/lines/" + callOf(erin) + "/transfer", "{\"agent\":\"fred\"}");
    awaitActivity(fred, "TALKING");
    Reply hungUp = api.send(fred, "POST", "api/v1/me/lines/" + callOf(fred) + "/hangup", null);

    assertThat(passed.status()).as(passed.body()).isEqualTo(200);
    assertThat(hungUp.status()).as(hungUp.body()).isEqualTo(200);
    assertThat(SipPeers.exitOf(first, CALL)).as("the first agent's phone, hung up").isZero();
    assertThat(SipPeers.exitOf(trunk, CALL))
        .as("the caller: held, then offered the second phone's media, then hung up")
        .isZero();
    assertThat(SipPeers.exitOf(second, CALL)).as("the second agent's phone").isZero();
  }

  @Test
  void anAgentsCallRingsItsPhoneThenTheCustomerThroughTheOutboundTrunkAndPutsThemThrough()
      throws Exception {
    account();
    group("Sortants", newNumber(), "\"ringTimeout\":10,\"wrapUp\":0");
    Caller gina = phoneAgent("gina", "506", "Sortants");
    Process phone = phone("phone-dials", "506");
    Process customer = peers.sipp("trunk-answers-outbound", OUTBOUND_TRUNK, null);

    Reply dialled =
        api.send(
            gina, "POST", "api/v1/me/calls", "{\"number\":\"0612345678\",\"group\":\"Sortants\"}");
    awaitActivity(gina, "TALKING");
    Reply hungUp = api.send(gina, "POST", "api/v1/me/lines/" + callOf(gina) + "/hangup", null);

    assertThat(dialled.status()).as(dialled.body()).isEqualTo(201);
    assertThat(hungUp.status()).as(hungUp.body()).isEqualTo(200);
    assertThat(SipPeers.exitOf(phone, CALL))
        .as("the agent's phone: rung with no media, then given the customer's")
        .isZero();
    assertThat(SipPeers.exitOf(customer, CALL))
        .as("the customer, called through the outbound trunk with the phone's media")
        .isZero();
    JsonObject row = history(gina).get(0);
    assertThat(row.getString("direction")).isEqualTo("OUTBOUND");
    assertThat(row.getString("outcome")).isEqualTo("ANSWERED");
  }

  @Test
  void aConsultCallRingsThePhoneAgainThenTheNumberTogglesAndTheAttendedTransferJoinsTheCaller()
      throws Exception {
    account();
    String number = newNumber();
    group("Expertise", number, "\"ringTimeout\":10,\"wrapUp\":0");
    Caller ines = phoneAgent("ines", "508", "Expertise");
    Process phone = phone("phone-consults", "508", "-m", "2");
    Process consulted = peers.sipp("trunk-answers-consult", OUTBOUND_TRUNK, null);
    Process trunk = trunk("trunk-consulted", number, "0611223388");
    awaitActivity(ines, "TALKING");
    String call = callOf(ines);
    // Not on this switch yet: refused before anything changes, the call going on.
    Reply monitor =
        api.send(admin, "POST", "api/v1/supervision/agents/ines/monitor", "{\"mode\":\"LISTEN\"}");

    Reply consult = api.send(ines, "POST", "api/v1/me/lines", "{\"number\":\"0155667788\"}");
    Await.until(
        TIMERS,
        () -> api.get(ines, "api/v1/me/lines").array().getValuesAs(JsonObject.class),
        lines ->
            lines.stream()
                .anyMatch(
                    line ->
                        !line.getString("id").equals(call)
                            && "TALKING".equals(line.getString("state"))));
    // The agent toggles: back to the caller (the consulted party held), then to the consulted
    // party again. Each step re-INVITEs the phone's dialogs; the pauses let them finish, as an
    // agent's clicks would.
    String consultLine = consult.object().getString("id");
    Thread.sleep(500);
    Reply backToCaller = api.send(ines, "POST", "api/v1/me/lines/" + call + "/resume", null);
    Thread.sleep(500);
    Reply backToConsulted =
        api.send(ines, "POST", "api/v1/me/lines/" + consultLine + "/resume", null);
    Thread.sleep(500);
    Reply transferred = api.send(ines, "POST", "api/v1/me/lines/transfer", null);

    assertThat(monitor.status()).as(monitor.body()).isEqualTo(409);
    assertThat(consult.status()).as(consult.body()).isEqualTo(201);
    assertThat(backToCaller.status()).as(backToCaller.body()).isEqualTo(200);
    assertThat(backToConsulted.status()).as(backToConsulted.body()).isEqualTo(200);
    assertThat(transferred.status()).as(transferred.body()).isEqualTo(200);
    assertThat(SipPeers.exitOf(trunk, CALL))
        .as("the caller: held, resumed, held, offered the consulted party's media, hanging up")
        .isZero();
    assertThat(SipPeers.exitOf(consulted, CALL))
        .as("the consulted number: offered the phone's media, held, resumed, the caller's media")
        .isZero();
    assertThat(SipPeers.exitOf(phone, CALL))
        .as("the agent's phone: its two calls, each offered anew three times, then hung up")
        .isZero();
    JsonObject row =
        history(ines).stream()
            .filter(r -> "INBOUND".equals(r.getString("direction")))
            .findFirst()
            .orElseThrow();
    assertThat(row.getString("outcome")).isEqualTo("TRANSFERRED");
  }

  @Test
  void aConsultCallToAnAgentOpensALineOnThePhoneRingsTheColleagueAndTheTransferLeavesThemTalking()
      throws Exception {
    consultedThenTransferred("{\"agent\":\"lou\"}");
  }

  @Test
  void aConsultCallToAGroupOpensALineOnThePhoneAndIsOfferedToTheGroupsAgentAsAnyCall()
      throws Exception {
    consultedThenTransferred("{\"group\":\"Experts\"}");
  }

  /**
   * Kim consults Lou (of group Experts) about a caller, by name or through the group: Kim's phone
   * takes the consult call's line, Lou's phone rings with it and answers; the attended transfer
   * leaves Lou and the caller talking, until Lou hangs up.
   */
  private void consultedThenTransferred(String target) throws Exception {
    account();
    String number = newNumber();
    group("Conseil", number, "\"ringTimeout\":10,\"wrapUp\":0");
    group("Experts", newNumber(), "\"ringTimeout\":10,\"wrapUp\":0");
    Caller kim = phoneAgent("kim", "510", "Conseil");
    Caller lou = phoneAgent("lou", "511", "Experts");
    Process kimsPhone = phone("phone-consult-agent", "510", "-m", "2");
    Process lousPhone = phone("phone-consult-agent", "511");
    Process trunk = trunk("trunk-passed-on", number, "0611223344");
    awaitActivity(kim, "TALKING");

    transferredToLouAfterConsulting(kim, lou, target);

    assertThat(SipPeers.exitOf(trunk, CALL))
        .as("the caller: held, then offered Lou's phone's media, then hung up")
        .isZero();
    assertThat(SipPeers.exitOf(kimsPhone, CALL))
        .as("Kim's phone: its call held, the consult line answered and put through, both hung up")
        .isZero();
    assertThat(SipPeers.exitOf(lousPhone, CALL))
        .as("Lou's phone: rung with Kim's media, given the caller's, hung up")
        .isZero();
    assertThat(history(lou).stream().map(row -> row.getString("outcome")))
        .containsExactly("ANSWERED");
  }

  /**
   * Kim, talking, consults Lou through {@code target} (Kim's phone answers the consult call's line,
   * then Lou's rings and answers), then transfers its call to Lou, who talks with Kim's party on
   * the consult call, and hangs up.
   */
  private void transferredToLouAfterConsulting(Caller kim, Caller lou, String target)
      throws InterruptedException {
    String call = callOf(kim);
    Reply consult = api.send(kim, "POST", "api/v1/me/lines", target);
    awaitActivity(lou, "TALKING");
    String consultCall = callOf(lou);
    Thread.sleep(500); // the consult call's re-INVITEs finish, as they would before Kim's click
    Reply transferred = api.send(kim, "POST", "api/v1/me/lines/transfer", null);
    Thread.sleep(500); // the transfer's likewise, before Lou's
    Reply hungUp = api.send(lou, "POST", "api/v1/me/lines/" + consultCall + "/hangup", null);

    assertThat(consult.status()).as(consult.body()).isEqualTo(201);
    assertThat(consult.object().getString("id")).isEqualTo(consultCall);
    assertThat(transferred.status()).as(transferred.body()).isEqualTo(200);
    assertThat(hungUp.status()).as(hungUp.body()).isEqualTo(200);
    assertThat(
            history(kim).stream()
                .filter(row -> row.getString("id").equals(call))
                .map(row -> row.getString("outcome") + " to " + row.getString("transferredTo")))
        .containsExactly("TRANSFERRED to lou");
  }

  @Test
  void anAgentsOwnCallIsTransferredToTheColleagueItConsulted() throws Exception {
    account();
    group("Ventes", newNumber(), "\"ringTimeout\":10,\"wrapUp\":0");
    group("Experts", newNumber(), "\"ringTimeout\":10,\"wrapUp\":0");
    Caller kim = phoneAgent("kim", "510", "Ventes");
    Caller lou = phoneAgent("lou", "511", "Experts");
    Process kimsPhone = phone("phone-lines", "510", "-m", "2");
    Process lousPhone = phone("phone-consult-agent", "511");
    Process customer = peers.sipp("trunk-answers-outbound-transferred", OUTBOUND_TRUNK, null);

    Reply dialled =
        api.send(
            kim, "POST", "api/v1/me/calls", "{\"number\":\"0612345678\",\"group\":\"Ventes\"}");
    awaitActivity(kim, "TALKING");

    transferredToLouAfterConsulting(kim, lou, "{\"agent\":\"lou\"}");

    assertThat(dialled.status()).as(dialled.body()).isEqualTo(201);
    assertThat(SipPeers.exitOf(customer, CALL))
        .as("the customer: answered, held, offered Lou's phone's media, hung up")
        .isZero();
    assertThat(SipPeers.exitOf(kimsPhone, CALL))
        .as("Kim's phone: its call and the consult line, both hung up by the transfer")
        .isZero();
    assertThat(SipPeers.exitOf(lousPhone, CALL))
        .as("Lou's phone: rung with Kim's media, given the customer's, hung up")
        .isZero();
  }

  @Test
  void anAgentsOwnCallPassedOnToAColleagueWaitsOnHoldThenTalksWithIt() throws Exception {
    account();
    group("Ventes", newNumber(), "\"ringTimeout\":10,\"wrapUp\":0");
    group("Experts", newNumber(), "\"ringTimeout\":10,\"wrapUp\":0");
    Caller kim = phoneAgent("kim", "510", "Ventes");
    Caller lou = phoneAgent("lou", "511", "Experts");
    Process kimsPhone = phone("phone-dials", "510");
    Process lousPhone = phone("phone-answers", "511");
    Process customer = peers.sipp("trunk-answers-outbound-transferred", OUTBOUND_TRUNK, null);
    String call = dialledAndTalking(kim);

    Reply passed =
        api.send(kim, "POST", "api/v1/me/lines/" + call + "/transfer", "{\"agent\":\"lou\"}");
    awaitActivity(lou, "TALKING");
    Thread.sleep(500); // the re-INVITE putting them through finishes, as before Lou's click
    Reply hungUp = api.send(lou, "POST", "api/v1/me/lines/" + callOf(lou) + "/hangup", null);

    assertThat(passed.status()).as(passed.body()).isEqualTo(200);
    assertThat(hungUp.status()).as(hungUp.body()).isEqualTo(200);
    assertThat(SipPeers.exitOf(customer, CALL))
        .as("the customer: answered, held once passed on, offered Lou's phone's media, hung up")
        .isZero();
    assertThat(SipPeers.exitOf(kimsPhone, CALL))
        .as("Kim's phone, hung up at the transfer")
        .isZero();
    assertThat(SipPeers.exitOf(lousPhone, CALL)).as("Lou's phone, rung with the customer").isZero();
    assertThat(history(kim).get(0).getString("transferredTo")).isEqualTo("lou");
  }

  @Test
  void anAgentsOwnCallSentToANumberIsReferredThroughTheOutboundTrunk() throws Exception {
    account();
    group("Ventes", newNumber(), "\"ringTimeout\":10,\"wrapUp\":0");
    Caller kim = phoneAgent("kim", "510", "Ventes");
    Process kimsPhone = phone("phone-dials", "510");
    Process customer = peers.sipp("trunk-answers-outbound-referred", OUTBOUND_TRUNK, null);
    String call = dialledAndTalking(kim);

    Reply sent =
        api.send(
            kim, "POST", "api/v1/me/lines/" + call + "/transfer", "{\"number\":\"0155667788\"}");

    assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    assertThat(SipPeers.exitOf(customer, CALL))
        .as("the outbound trunk: asked to call +33155667788 for the customer, then left")
        .isZero();
    assertThat(SipPeers.exitOf(kimsPhone, CALL))
        .as("Kim's phone, hung up at the transfer")
        .isZero();
    assertThat(history(kim).get(0).getString("outcome")).isEqualTo("TRANSFERRED");
  }

  /** Kim's call to the customer the outbound trunk's scenarios expect, once they talk. */
  private String dialledAndTalking(Caller kim) throws InterruptedException {
    Reply dialled =
        api.send(
            kim, "POST", "api/v1/me/calls", "{\"number\":\"0612345678\",\"group\":\"Ventes\"}");
    assertThat(dialled.status()).as(dialled.body()).isEqualTo(201);
    awaitActivity(kim, "TALKING");
    Thread.sleep(500); // the re-INVITE putting the two through finishes, as before Kim's click
    return callOf(kim);
  }

  @Test
  void aPredictiveCallReachesTheCustomerFirstThenRingsTheChosenAgentsPhoneWithItsMedia()
      throws Exception {
    account();
    group("Predictif", newNumber(), "\"ringTimeout\":10,\"wrapUp\":0");
    Reply created =
        api.send(
            admin,
            "POST",
            "api/v1/agents",
            "{\"login\":\"hana\",\"name\":\"Hana\",\"password\":\"password-of-hana\","
                + "\"extension\":\"507\",\"sipPassword\":\""
                + SIP_PASSWORD
                + "\",\"groups\":[{\"name\":\"Predictif\",\"inbound\":false,\"outbound\":true}]}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    Caller hana = new Caller("hana@" + admin.account(), "password-of-hana");
    Process phone = phone("phone-bridged", "507");
    Process customer = peers.sipp("trunk-answers-predictive", OUTBOUND_TRUNK, null);
    Reply campaign =
        api.send(
            admin,
            "POST",
            "api/v1/campaigns",
            "{\"name\":\"Relance\",\"group\":\"Predictif\",\"mode\":\"PREDICTIVE\","
                + "\"callingHours\":[{\"days\":\"MON-SUN\",\"from\":\"00:00\",\"to\":\"23:59\"}]}");
    assertThat(campaign.status()).as(campaign.body()).isEqualTo(201);
    api.send(admin, "POST", "api/v1/campaigns/Relance/contacts", "[{\"number\":\"+33612345679\"}]");

    api.send(hana, "POST", "api/v1/me/session", null);
    api.send(hana, "PUT", "api/v1/me/availability", "{\"available\":true}");
    awaitActivity(hana, "TALKING");
    // TALKING from the customer's answer on; the phone answers half a second after it rings, and
    // the customer is then offered its media: what the peers check before the agent hangs up.
    Thread.sleep(3000);
    Reply hungUp = api.send(hana, "POST", "api/v1/me/lines/" + callOf(hana) + "/hangup", null);

    assertThat(hungUp.status()).as(hungUp.body()).isEqualTo(200);
    assertThat(SipPeers.exitOf(customer, CALL))
        .as("the customer: called with no media, then given the agent phone's")
        .isZero();
    assertThat(SipPeers.exitOf(phone, CALL))
        .as("the agent's phone: given the customer's media")
        .isZero();
    JsonObject stats = api.get(admin, "api/v1/campaigns/Relance/stats").object();
    assertThat(stats.getInt("answered")).isEqualTo(1);
    assertThat(stats.getInt("dropped")).isZero();
  }

  @Test
  void aPhoneThatNeverAnswersIsCancelledAtTheRingTimeoutAndTheCallerWaitsOnUntilItGivesUp()
      throws Exception {
    account();
    String number = newNumber();
    group("Hotline", number, "\"ringTimeout\":2,\"penalty\":60");
    Caller bob = phoneAgent("bob", "502", "Hotline");
    Process phone = phone("phone-never-answers", "502");

    Process trunk = trunk("trunk-gives-up", number, "0655667788", "-d", "8000");

    // The phone's scenario ends only once the switch has cancelled its ringing.
    assertThat(SipPeers.exitOf(phone, Duration.ofSeconds(8))).as("the agent's phone").isZero();
    awaitActivity(bob, "PENALTY");
    JsonObject group = api.get(bob, "api/v1/me").object().getJsonArray("groups").getJsonObject(0);
    assertThat(group.getInt("waiting")).as("the caller still queued").isEqualTo(1);
    assertThat(SipPeers.exitOf(trunk, CALL)).as("the trunk's call").isZero();
    JsonObject call =
        Await.until(
                TIMERS,
                () -> report("Hotline"),
                calls -> calls.size() == 1 && calls.get(0).containsKey("outcome"))
            .get(0);
    assertThat(call.getString("number")).isEqualTo("0655667788");
    assertThat(call.getString("outcome")).isEqualTo("ABANDONED");
  }

  @Test
  void aPhoneWithAWrongSipPasswordIsRefusedAndRegistersWithTheRightOne() throws Exception {
    account();
    group("Accueil", newNumber(), "\"ringTimeout\":10");
    phoneAgent("carol", "503", "Accueil");

    Process refused = register("register-refused", "503", "not-the-phone-secret");
    assertThat(SipPeers.exitOf(refused, CALL))
        .as("a registration with a wrong password: challenged, then 403")
        .isZero();
    assertThat(registration().getBoolean("registered")).as("with a wrong password").isFalse();

    Process unknown = register("register-refused", "599", SIP_PASSWORD);
    assertThat(SipPeers.exitOf(unknown, CALL))
        .as("an extension no agent has: challenged as any other, then 403")
        .isZero();

    Process accepted = register("register", "503", SIP_PASSWORD);
    assertThat(SipPeers.exitOf(accepted, CALL)).as("a registration with the right one").isZero();
    assertThat(registration().getBoolean("registered")).as("with the right password").isTrue();
  }

  @Test
  void anAgentWhosePhoneIsNotRegisteredIsOfferedNoCallUntilItRegisters() throws Exception {
    account();
    String number = newNumber();
    group("Hotline", number, "\"ringTimeout\":10,\"wrapUp\":0");
    Caller erin = phoneAgent("erin", "510", "Hotline");
    assertThat(phoneRegistered(erin)).as("connected before its phone registers").isFalse();

    Process trunk = trunk("trunk-talks", number, "0611223366");
    Await.until(TIMERS, () -> waiting(erin, "Hotline"), waiting -> waiting == 1);
    assertThat(api.get(erin, "api/v1/me").object().getString("activity"))
        .as("an agent whose phone is not registered, while a call waits")
        .isEqualTo("IDLE");

    int contactPort = SipPeers.freePort();
    Process phone = peers.sipp("phone-answers", contactPort, null);
    assertThat(SipPeers.exitOf(register("register", "510", SIP_PASSWORD, contactPort), CALL))
        .as("the phone's registration")
        .isZero();

    assertThat(SipPeers.exitOf(trunk, CALL)).as("the waiting call, put through").isZero();
    assertThat(SipPeers.exitOf(phone, CALL)).as("the agent's phone").isZero();
    assertThat(phoneRegistered(erin)).isTrue();
    assertThat(history(erin).get(0).getString("outcome")).isEqualTo("ANSWERED");

    assertThat(SipPeers.exitOf(register("register", "510", SIP_PASSWORD, contactPort, 0), CALL))
        .as("the phone's unregistration")
        .isZero();
    Await.until(TIMERS, () -> phoneRegistered(erin), registered -> !registered);
  }

  @Test
  void aQueuedCallerWhoPressesOneIsToldItWillBeCalledBackAndTheFreedAgentDialsItBack()
      throws Exception {
    assumeTrue(rtpengine != null, "callers' keys are heard through rtpengine");
    assumeTrue(Files.isReadable(KEY_ONE), "SIPp's telephone events (Debian's sip-tester)");
    account();
    String number = newNumber();
    group("Rappels", number, "\"ringTimeout\":10,\"wrapUp\":0");
    Caller hal = phoneAgent("hal", "513", "Rappels");
    Reply away = api.send(hal, "PUT", "api/v1/me/availability", "{\"available\":false}");
    Process phone = phone("phone-dials", "513");
    Process customer = peers.sipp("trunk-answers-outbound", OUTBOUND_TRUNK, null);

    // The number the outbound trunk's scenario expects to be called.
    Process trunk = trunk("trunk-asks-callback", number, "0612345678");
    assertThat(SipPeers.exitOf(trunk, CALL))
        .as("the caller: queued, presses 1, told it will be called back, let go (480)")
        .isZero();
    long kept = waiting(hal, "Rappels");
    Reply back = api.send(hal, "PUT", "api/v1/me/availability", "{\"available\":true}");
    awaitActivity(hal, "TALKING");
    JsonObject callback = api.get(hal, "api/v1/me").object().getJsonObject("call");
    Reply hungUp =
        api.send(hal, "POST", "api/v1/me/lines/" + callback.getString("id") + "/hangup", null);

    assertThat(away.status()).as(away.body()).isEqualTo(200);
    assertThat(kept).as("the caller's place, kept").isEqualTo(1);
    assertThat(back.status()).as(back.body()).isEqualTo(200);
    assertThat(callback.getString("number")).isEqualTo("+33612345678");
    assertThat(hungUp.status()).as(hungUp.body()).isEqualTo(200);
    assertThat(SipPeers.exitOf(phone, CALL)).as("Hal's phone, rung first").isZero();
    assertThat(SipPeers.exitOf(customer, CALL)).as("the caller, called back").isZero();
  }

  @Test
  void theBannerSaysWhileThePhoneIsNotRegisteredAndStopsSayingItOnceItRegisters() throws Exception {
    account();
    group("Accueil", newNumber(), "\"ringTimeout\":10,\"wrapUp\":0");
    phoneAgent("gus", "512", "Accueil");
    int contactPort = SipPeers.freePort();
    By unregistered = By.id("phoneUnregistered");

    try (Browser gus = new Browser(baseUrl())) {
      gus.login(admin.account(), "gus", "password-of-gus");
      gus.await(TIMERS, unregistered, "Téléphone non enregistré");
      assertThat(SipPeers.exitOf(register("register", "512", SIP_PASSWORD, contactPort), CALL))
          .as("the phone's registration")
          .isZero();
      gus.awaitCount(unregistered, 0);
      assertThat(SipPeers.exitOf(register("register", "512", SIP_PASSWORD, contactPort, 0), CALL))
          .as("the phone's unregistration")
          .isZero();
      gus.await(TIMERS, unregistered, "aucun appel ne vous est proposé");
    }
  }

  @Test
  void aPhoneBehindNatIsRungWhereItsRegisterCameFromAndHungUpThere() throws Exception {
    account();
    String number = newNumber();
    group("Distance", number, "\"ringTimeout\":10,\"wrapUp\":0");
    Caller nora = phoneAgent("nora", "514", "Distance");
    int phonePort = SipPeers.freePort();
    try (NatRouter router = new NatRouter(KAMAILIO, phonePort)) {
      // -aa: the phone answers Kamailio's keep-alive pings, should one come during the call.
      Process phone = peers.sipp("phone-behind-nat", phonePort, null, "-aa");
      Process registration =
          register("register", "514", SIP_PASSWORD, router.port(), "10.20.30.40", phonePort, 300);
      assertThat(SipPeers.exitOf(registration, CALL)).as("the registration").isZero();
      Await.until(TIMERS, () -> phoneRegistered(nora), registered -> registered);

      Process trunk = trunk("trunk-talks", number, "0611223377");

      assertThat(SipPeers.exitOf(trunk, CALL)).as("the caller's call").isZero();
      assertThat(SipPeers.exitOf(phone, CALL))
          .as("the phone: rung through its router, then hung up there")
          .isZero();
      JsonObject row = Await.until(TIMERS, () -> history(nora), rows -> !rows.isEmpty()).get(0);
      assertThat(row.getString("outcome")).isEqualTo("ANSWERED");
    }
  }

  @Test
  void aPhoneRegisteredOverTcpIsRungOverTcpAndTalks() throws Exception {
    account();
    String number = newNumber();
    group("Tcp", number, "\"ringTimeout\":10,\"wrapUp\":0");
    Caller ivy = phoneAgent("ivy", "514", "Tcp");
    int contactPort = SipPeers.freePort();
    Process phone = peers.sipp("phone-answers", contactPort, null, "-t", "t1");
    assertThat(
            SipPeers.exitOf(
                register("register", "514", SIP_PASSWORD, contactPort, 300, "-t", "t1"), CALL))
        .as("the phone's registration over TCP")
        .isZero();
    String contact =
        Await.until(
            TIMERS, () -> registration().getString("contact", ""), found -> !found.isEmpty());
    assertThat(contact).containsIgnoringCase("transport=tcp");

    Process trunk = trunk("trunk-talks", number, "0611223399");

    assertThat(SipPeers.exitOf(trunk, CALL)).as("the caller, over UDP").isZero();
    assertThat(SipPeers.exitOf(phone, CALL)).as("the phone, rung and hung up over TCP").isZero();
    // The call's record closes once the engine has taken the hang-up, a moment after the peers.
    assertThat(
            Await.until(
                TIMERS,
                () -> history(ivy).get(0).getString("outcome", ""),
                outcome -> !outcome.isEmpty()))
        .isEqualTo("ANSWERED");
  }

  @Test
  void malformedMessagesAreAnswered400OrDroppedAndCountedWhileACallGoesOn() throws Exception {
    account();
    String number = newNumber();
    group("Robust", number, "\"ringTimeout\":10,\"wrapUp\":0");
    Caller fay = phoneAgent("fay", "511", "Robust");
    Process phone = phone("phone-answers", "511");
    double before = malformedMessages();
    Process trunk = trunk("trunk-talks", number, "0611223377");
    awaitActivity(fay, "TALKING");

    try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      socket.setSoTimeout(5000);
      byte[] garbage = new byte[300];
      ThreadLocalRandom.current().nextBytes(garbage);
      send(socket, garbage);
      send(socket, options("CSeq: many OPTIONS\r\n", ""));
      assertThat(answer(socket))
          .as("a request with a CSeq that does not parse")
          .startsWith("SIP/2.0 400");
      send(socket, options("CSeq: 1 OPTIONS\r\n", "").replace("Call-ID", "X-Call"));
      send(socket, options("CSeq: 1 OPTIONS\r\n", "X-Padding: " + "a".repeat(20_000) + "\r\n"));
      assertThat(answer(socket)).as("a request with a 20 KB header").startsWith("SIP/2.0 400");
    }

    assertThat(SipPeers.exitOf(trunk, CALL)).as("the call in progress, hung up as usual").isZero();
    assertThat(SipPeers.exitOf(phone, CALL)).as("the agent's phone").isZero();
    Await.until(TIMERS, this::malformedMessages, count -> count >= before + 4);
    assertThat(SipPeers.exitOf(trunk("trunk-unknown-number", newNumber(), "0600000001"), CALL))
        .as("a call after them, answered")
        .isZero();
  }

  @Test
  void aCallForANumberOfNoGroupIsAnswered404() throws Exception {
    Process trunk = trunk("trunk-unknown-number", newNumber(), "0600000000");

    assertThat(SipPeers.exitOf(trunk, CALL)).as("the trunk's call, answered 404").isZero();
  }

  @Test
  void withoutKamailioRelaisIsNotReadyAndItIsReadyAgainOnceKamailioIsBack() throws Exception {
    Api api = api();
    Await.until(TIMERS, () -> api.get(null, "/health/ready").status(), status -> status == 200);

    SipPeers.stop(kamailio, KAMAILIO);
    Reply down =
        Await.until(TIMERS, () -> api.get(null, "/health/ready"), ready -> ready.status() == 503);
    assertThat(down.body()).contains("telephony").contains("DOWN");

    kamailio = peers.kamailio(KAMAILIO, KAMAILIO_RPC, RELAIS_SIP);
    Await.until(TIMERS, () -> api.get(null, "/health/ready").status(), status -> status == 200);
  }

  @Test
  void withoutRtpengineRelaisIsNotReadyANewCallerIsAnswered503AndAllIsBackWithIt()
      throws Exception {
    assumeTrue(SipPeers.rtpengineInstalled(), "rtpengine is not installed");
    account();
    String number = newNumber();
    group("Anchored", number, "\"ringTimeout\":10,\"wrapUp\":0");
    Api api = api();
    Await.until(TIMERS, () -> api.get(null, "/health/ready").status(), status -> status == 200);

    SipPeers.stop(rtpengine, RTPENGINE);
    Reply down =
        Await.until(TIMERS, () -> api.get(null, "/health/ready"), ready -> ready.status() == 503);
    assertThat(down.body()).contains("media").contains("DOWN");
    assertThat(SipPeers.exitOf(trunk("trunk-unavailable", number, "0611223388"), CALL))
        .as("a caller while rtpengine is down, answered 503")
        .isZero();

    rtpengine = peers.rtpengine(RTPENGINE, MEDIA_MIN, MEDIA_MAX, DTMF);
    Await.until(TIMERS, () -> api.get(null, "/health/ready").status(), status -> status == 200);
  }

  // ------------------------------------------------------------- helpers

  private void account() {
    api = api();
    admin = api.newAccount();
  }

  /** A Paris number no other test uses: numbers name one group across all accounts. */
  private static String newNumber() {
    return "+3319" + (1000000 + ThreadLocalRandom.current().nextInt(9000000));
  }

  private void group(String name, String number, String settings) {
    Reply reply =
        api.send(
            admin,
            "POST",
            "api/v1/groups",
            "{\"name\":\"" + name + "\",\"numbers\":[\"" + number + "\"]," + settings + "}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    assertThat(reply.object().getJsonArray("numbers").getString(0)).isEqualTo(number);
  }

  /** An available agent of {@code group} whose phone registers with {@link #SIP_PASSWORD}. */
  private Caller phoneAgent(String login, String extension, String group) {
    return withPhonePassword(login, api.availableAgent(admin, login, extension, group));
  }

  /** A supervisor of {@code group} whose phone registers with {@link #SIP_PASSWORD}. */
  private Caller phoneSupervisor(String login, String extension, String group) {
    return withPhonePassword(login, api.person(admin, login, "supervisor", extension, group));
  }

  private Caller withPhonePassword(String login, Caller person) {
    Reply reply =
        api.send(
            admin, "PUT", "api/v1/agents/" + login, "{\"sipPassword\":\"" + SIP_PASSWORD + "\"}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return person;
  }

  /** The agent's phone playing {@code scenario}, registered as extension@account at Kamailio. */
  private Process phone(String scenario, String extension, String... options)
      throws InterruptedException {
    int port = SipPeers.freePort();
    Process phone = peers.sipp(scenario, port, null, options);
    Process register = register("register", extension, SIP_PASSWORD, port);
    assertThat(SipPeers.exitOf(register, CALL)).as("the phone's registration").isZero();
    return phone;
  }

  /**
   * A phone's REGISTER as {@code scenario} expects it answered, reachable at no port of its own.
   */
  private Process register(String scenario, String extension, String password) {
    return register(scenario, extension, password, SipPeers.freePort());
  }

  /**
   * A phone's REGISTER of extension@account for 300 s, reachable at {@code contactPort}, answering
   * the challenge with {@code password}; SIPp exits 0 only where it is answered as {@code scenario}
   * expects: {@code register} 200, {@code register-refused} 403.
   */
  private Process register(String scenario, String extension, String password, int contactPort) {
    return register(scenario, extension, password, contactPort, 300);
  }

  /**
   * A phone's REGISTER for {@code expires} seconds (0 removes the registration at that contact),
   * with SIPp's {@code options} besides ({@code -t t1}: over TCP, the contact's transport too).
   */
  private Process register(
      String scenario,
      String extension,
      String password,
      int contactPort,
      int expires,
      String... options) {
    return register(
        scenario, extension, password, KAMAILIO, "127.0.0.1", contactPort, expires, options);
  }

  /**
   * A phone's REGISTER sent to {@code registrarPort} (Kamailio's, or a router's in front of the
   * phone), its contact at {@code contactHost}:{@code contactPort}.
   */
  private Process register(
      String scenario,
      String extension,
      String password,
      int registrarPort,
      String contactHost,
      int contactPort,
      int expires,
      String... options) {
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "-key",
                "account",
                admin.account(),
                "-key",
                "extension",
                extension,
                "-key",
                "contact_host",
                contactHost,
                "-key",
                "contact_port",
                Integer.toString(contactPort),
                "-key",
                "expires",
                Integer.toString(expires),
                "-au",
                extension,
                "-ap",
                password));
    arguments.addAll(List.of(options));
    return peers.sipp(
        scenario,
        SipPeers.freePort(),
        "127.0.0.1:" + registrarPort,
        arguments.toArray(String[]::new));
  }

  /** An OPTIONS for Relais with {@code cseq}, and {@code more} headers, as a string. */
  private static String options(String cseq, String more) {
    return "OPTIONS sip:relais@127.0.0.1:"
        + RELAIS_SIP
        + " SIP/2.0\r\n"
        + "Via: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bK-"
        + ThreadLocalRandom.current().nextInt(1_000_000)
        + "\r\n"
        + "From: <sip:probe@127.0.0.1>;tag=probe\r\n"
        + "To: <sip:relais@127.0.0.1>\r\n"
        + "Call-ID: probe-"
        + ThreadLocalRandom.current().nextInt(1_000_000)
        + "\r\n"
        + cseq
        + more
        + "Max-Forwards: 70\r\n"
        + "Content-Length: 0\r\n\r\n";
  }

  private static void send(DatagramSocket socket, String message) throws IOException {
    send(socket, message.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(DatagramSocket socket, byte[] message) throws IOException {
    socket.send(
        new DatagramPacket(message, message.length, InetAddress.getLoopbackAddress(), RELAIS_SIP));
  }

  /** The first line of the next answer the socket receives. */
  private static String answer(DatagramSocket socket) throws IOException {
    DatagramPacket answer = new DatagramPacket(new byte[65_535], 65_535);
    socket.receive(answer);
    return new String(answer.getData(), 0, answer.getLength(), StandardCharsets.UTF_8)
        .lines()
        .findFirst()
        .orElse("");
  }

  /** The messages the switch refused as malformed so far, from {@code /metrics}. */
  private double malformedMessages() {
    Double count =
        Prometheus.metric(api.get(null, "/metrics").body(), "relais_sip_malformed_messages_total");
    return count == null ? 0 : count;
  }

  /** Whether the agent's phone is registered, as {@code GET /api/v1/me} says. */
  private boolean phoneRegistered(Caller agent) {
    return api.get(agent, "api/v1/me").object().getJsonObject("phone").getBoolean("registered");
  }

  /** The calls waiting in the group, as the agent's {@code GET /api/v1/me} shows them. */
  private long waiting(Caller agent, String group) {
    return api
        .get(agent, "api/v1/me")
        .object()
        .getJsonArray("groups")
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(line -> group.equals(line.getString("name")))
        .mapToLong(line -> line.getJsonNumber("waiting").longValue())
        .sum();
  }

  /** Whether the extension's phone is registered, as {@code GET /api/v1/telephony} shows it. */
  private boolean registered(String extension) {
    return api
        .get(admin, "api/v1/telephony")
        .object()
        .getJsonArray("registrations")
        .getValuesAs(JsonObject.class)
        .stream()
        .anyMatch(
            phone ->
                extension.equals(phone.getString("extension", null))
                    && phone.getBoolean("registered"));
  }

  /** The one agent's phone as {@code GET /api/v1/telephony} shows it. */
  private JsonObject registration() {
    JsonObject telephony = api.get(admin, "api/v1/telephony").object();
    assertThat(telephony.getString("switch")).isEqualTo("sip");
    List<JsonObject> phones = telephony.getJsonArray("registrations").getValuesAs(JsonObject.class);
    assertThat(phones).hasSize(1);
    return phones.get(0);
  }

  private Process trunk(String scenario, String number, String caller, String... options) {
    List<String> arguments = new ArrayList<>(List.of("-s", number, "-key", "caller", caller));
    arguments.addAll(List.of(options));
    return peers.sipp(
        scenario, SipPeers.freePort(), "127.0.0.1:" + RELAIS_SIP, arguments.toArray(String[]::new));
  }

  /** The id of the call the agent talks on. */
  private String callOf(Caller agent) {
    return api.get(agent, "api/v1/me").object().getJsonObject("call").getString("id");
  }

  private void awaitActivity(Caller agent, String activity) {
    Await.until(
        TIMERS,
        () -> api.get(agent, "api/v1/me").object(),
        me -> activity.equals(me.getString("activity")));
  }

  private List<JsonObject> history(Caller agent) {
    Reply reply = api.get(agent, "api/v1/me/history");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.object().getJsonArray("calls").getValuesAs(JsonObject.class);
  }

  private List<JsonObject> report(String group) {
    Reply reply = api.get(admin, "api/v1/reports/calls?period=today&group=" + group);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.object().getJsonArray("items").getValuesAs(JsonObject.class);
  }
}
