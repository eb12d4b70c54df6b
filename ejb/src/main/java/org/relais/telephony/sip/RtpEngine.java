package org.relais.telephony.sip;

import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.StringReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * rtpengine ({@code relais.sip.rtpengine}), driven over its NG control protocol: one request, one
 * UDP datagram made of a cookie, a space and a dictionary (JSON, which rtpengine 10.5 accepts
 * beside bencode); its answer carries the same cookie and a {@code result}.
 *
 * <p>A request unanswered after {@link #WAIT_MILLIS} is sent again with the same cookie: rtpengine
 * keeps its answers by cookie and answers a repeated one from there, never doing a command twice.
 * After {@link #TRIES} tries the command fails ({@link MediaUnavailableException}), logged once:
 * the call fails rather than hangs.
 */
final class RtpEngine implements MediaAnchor {

  private static final Logger LOG = Logger.getLogger(RtpEngine.class.getName());

  static final int WAIT_MILLIS = 500;
  static final int TRIES = 3;
  private static final int LONGEST_ANSWER = 65_507;

  /**
   * rtpengine keeps its ports for a party whose SDP changes (another agent's phone after a
   * transfer): what the other party was given stays right.
   */
  private static final String PORT_LATCHING = "port latching";

  private final String address;
  private final InetSocketAddress socket;
  private final Path prompts;
  private final Executor background;

  /** Cookies unique across Relais's restarts too, as rtpengine remembers answers for a while. */
  private final String cookies = UUID.randomUUID().toString().substring(0, 8);

  private final AtomicLong sequence = new AtomicLong();

  /**
   * Looked up once: {@code Json.createReader} and its kin look the provider up on the class path at
   * each call, a service loader's scan for every command sent and answer read.
   */
  private final JsonProvider json = JsonProvider.provider();

  /**
   * @param address {@code host:port} of rtpengine's NG socket
   * @param prompts the folder of the {@link Prompt}s, as rtpengine reads it
   * @param background where the commands nobody waits for run (the deletion of a call's media)
   */
  RtpEngine(String address, Path prompts, Executor background) {
    int colon = address.lastIndexOf(':');
    if (colon < 1) {
      throw new IllegalArgumentException("relais.sip.rtpengine is host:port, not " + address);
    }
    this.address = address;
    this.socket =
        new InetSocketAddress(
            address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
    this.prompts = prompts.toAbsolutePath();
    this.background = background;
  }

  @Override
  public byte[] offer(String call, String fromTag, String toTag, byte[] sdp) {
    JsonObjectBuilder offer = session("offer", call, fromTag, toTag, sdp);
    return sdpOf(command(offer.build()), call);
  }

  @Override
  public byte[] answer(String call, String fromTag, String toTag, byte[] sdp) {
    JsonObjectBuilder answer = session("answer", call, fromTag, toTag, sdp);
    return sdpOf(command(answer.build()), call);
  }

  @Override
  public void delete(String call) {
    JsonObject delete =
        json.createObjectBuilder()
            .add("command", "delete")
            .add("call-id", call)
            // Its sessions go at once: nothing of the call is played or recorded after its end.
            .add("delete delay", 0)
            .build();
    background.execute(
        () -> {
          try {
            command(delete);
          } catch (MediaUnavailableException e) {
            // logged by command(); rtpengine frees the session itself once its media stops
          }
        });
  }

  @Override
  public boolean plays() {
    return true;
  }

  @Override
  public long play(String call, String tag, Prompt prompt) {
    JsonObject play =
        party("play media", call, tag)
            .add("file", prompts.resolve(prompt.file).toString())
            .add("repeat-times", prompt.times)
            .build();
    try {
      JsonNumber duration = command(play).getJsonNumber("duration");
      return duration == null ? 0 : duration.longValue();
    } catch (MediaUnavailableException e) {
      return 0; // logged by command(): the call goes on without its prompt
    }
  }

  @Override
  public void stop(String call, String tag) {
    tryCommand(party("stop media", call, tag).build());
  }

  @Override
  public void block(String call, String tag, boolean blocked) {
    tryCommand(party(blocked ? "block media" : "unblock media", call, tag).build());
  }

  @Override
  public void record(String call, boolean on) {
    tryCommand(
        json.createObjectBuilder()
            .add("command", on ? "start recording" : "stop recording")
            .add("call-id", call)
            .build());
  }

  private void tryCommand(JsonObject request) {
    try {
      command(request);
    } catch (MediaUnavailableException e) {
      // logged by command(): the call goes on
    }
  }

  /** A command about one party of the call, named by its tag. */
  private JsonObjectBuilder party(String command, String call, String tag) {
    return json.createObjectBuilder()
        .add("command", command)
        .add("call-id", call)
        .add("from-tag", tag);
  }

  private JsonObjectBuilder session(
      String command, String call, String fromTag, String toTag, byte[] sdp) {
    JsonObjectBuilder dictionary =
        json.createObjectBuilder()
            .add("command", command)
            .add("call-id", call)
            .add("from-tag", fromTag)
            .add("sdp", new String(sdp, StandardCharsets.UTF_8))
            .add("flags", json.createArrayBuilder().add(PORT_LATCHING));
    if (toTag != null) {
      dictionary.add("to-tag", toTag);
    }
    return dictionary;
  }

  private static byte[] sdpOf(JsonObject answer, String call) {
    if (!answer.containsKey("sdp")) {
      throw new MediaUnavailableException("rtpengine answered no SDP for call " + call);
    }
    return answer.getString("sdp").getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Sends {@code request} and waits for its answer, trying {@link #TRIES} times.
   *
   * @return the answer, whose {@code result} is not {@code error}
   * @throws MediaUnavailableException when rtpengine does not answer, or refuses
   */
  JsonObject command(JsonObject request) {
    String command = request.getString("command");
    String call = request.getString("call-id", "-");
    String cookie = nextCookie();
    try (DatagramSocket udp = new DatagramSocket()) {
      udp.setSoTimeout(WAIT_MILLIS);
      for (int tried = 1; tried <= TRIES; tried++) {
        send(udp, cookie, request);
        JsonObject answer = answerTo(udp, cookie);
        if (answer != null) {
          return result(answer, command, call);
        }
      }
    } catch (IOException e) {
      throw unavailable(command, call, e.toString(), e);
    }
    throw unavailable(
        command,
        call,
        "no answer after " + TRIES + " tries in " + TRIES * WAIT_MILLIS + " ms",
        null);
  }

  /**
   * One {@code ping}, answered {@code pong} within {@link #WAIT_MILLIS}: asked by the readiness
   * check every few seconds, so it is neither tried again nor logged.
   */
  @Override
  public boolean answers() {
    String cookie = nextCookie();
    try (DatagramSocket udp = new DatagramSocket()) {
      udp.setSoTimeout(WAIT_MILLIS);
      send(udp, cookie, json.createObjectBuilder().add("command", "ping").build());
      JsonObject answer = answerTo(udp, cookie);
      return answer != null && "pong".equals(answer.getString("result", ""));
    } catch (IOException e) {
      return false;
    }
  }

  private String nextCookie() {
    return cookies + "_" + sequence.incrementAndGet();
  }

  private void send(DatagramSocket udp, String cookie, JsonObject request) throws IOException {
    byte[] datagram = (cookie + " " + request).getBytes(StandardCharsets.UTF_8);
    udp.send(new DatagramPacket(datagram, datagram.length, socket));
  }

  /** The answer to {@code cookie}, or null when none comes in time; others are late ones. */
  private JsonObject answerTo(DatagramSocket udp, String cookie) throws IOException {
    DatagramPacket reply = new DatagramPacket(new byte[LONGEST_ANSWER], LONGEST_ANSWER);
    while (true) {
      try {
        udp.receive(reply);
      } catch (SocketTimeoutException e) {
        return null;
      }
      String text =
          new String(reply.getData(), reply.getOffset(), reply.getLength(), StandardCharsets.UTF_8);
      int space = text.indexOf(' ');
      if (space > 0 && text.substring(0, space).equals(cookie)) {
        try (JsonReader reader = json.createReader(new StringReader(text.substring(space + 1)))) {
          return reader.readObject();
        } catch (JsonException e) {
          throw new IOException("rtpengine's answer is no JSON dictionary", e);
        }
      }
    }
  }

  private JsonObject result(JsonObject answer, String command, String call) {
    if ("error".equals(answer.getString("result", "error"))) {
      throw unavailable(
          command, call, "refused: " + answer.getString("error-reason", "no reason given"), null);
    }
    return answer;
  }

  private MediaUnavailableException unavailable(
      String command, String call, String why, Exception cause) {
    String message = "rtpengine at " + address + ", " + command + " of call " + call + ": " + why;
    LOG.log(Level.WARNING, message);
    return new MediaUnavailableException(message, cause);
  }
}
