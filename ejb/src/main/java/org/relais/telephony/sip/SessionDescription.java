package org.relais.telephony.sip;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A leg's SDP as Relais offers it (the other leg's, or rtpengine's for it), changed for hold: its
 * media direction ({@code sendrecv}, {@code inactive}) and, as RFC 3264 section 8 asks of every new
 * offer in a session, its origin's version, one higher each time.
 */
final class SessionDescription {

  private static final Pattern DIRECTION =
      Pattern.compile("a=(sendrecv|sendonly|recvonly|inactive)");

  private static final String CONNECTION = "c=IN IP4 ";

  private final List<String> lines;
  private long version;

  /** The media direction last offered explicitly (hold, resume), or null. */
  private String direction;

  /**
   * A session whose media goes nowhere yet (RFC 3725's "black hole": address 0.0.0.0), offering the
   * G.711 codecs every phone and trunk speaks, for a phone rung before its call's other end is
   * reached.
   */
  static byte[] placeholder(String address) {
    return nobody(address, "0.0.0.0");
  }

  /**
   * A party that takes audio and sends none: this side's {@code address}, the discard port. What
   * rtpengine is told of a leg not there yet, so that the other can hear prompts meanwhile.
   */
  static byte[] discard(String address) {
    return nobody(address, address);
  }

  private static byte[] nobody(String address, String connection) {
    return String.join(
            "\r\n",
            "v=0",
            "o=relais " + System.nanoTime() + " 1 IN IP4 " + address,
            "s=relais",
            "c=IN IP4 " + connection,
            "t=0 0",
            "m=audio 9 RTP/AVP 0 8 101",
            "a=rtpmap:0 PCMU/8000",
            "a=rtpmap:8 PCMA/8000",
            "a=rtpmap:101 telephone-event/8000",
            "")
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * This side's audio at {@code address}:{@code port}, in the first of {@code codings} the other
   * party speaks: a port whose audio Relais mixes itself ({@link MonitorMix}).
   */
  static byte[] audio(String address, int port, G711... codings) {
    List<String> lines = new ArrayList<>();
    lines.add("v=0");
    lines.add("o=relais " + System.nanoTime() + " 1 IN IP4 " + address);
    lines.add("s=relais");
    lines.add("c=IN IP4 " + address);
    lines.add("t=0 0");
    StringBuilder media = new StringBuilder("m=audio " + port + " RTP/AVP");
    for (G711 coding : codings) {
      media.append(' ').append(coding.payloadType);
    }
    lines.add(media.toString());
    for (G711 coding : codings) {
      lines.add("a=rtpmap:" + coding.payloadType + " " + coding.name() + "/8000");
    }
    lines.add("a=sendrecv");
    lines.add("");
    return String.join("\r\n", lines).getBytes(StandardCharsets.UTF_8);
  }

  SessionDescription(byte[] sdp) {
    lines = new ArrayList<>(List.of(new String(sdp, StandardCharsets.UTF_8).split("\r?\n")));
    lines.removeIf(String::isEmpty);
    String[] origin = origin().split(" ");
    version = origin.length > 2 ? Long.parseLong(origin[2]) : 0;
  }

  /**
   * The next offer of this session: its media in {@code direction}, every stream alike (null: as
   * the description has it), and its origin's version one higher than the last.
   */
  byte[] offer(String direction) {
    version++;
    if (direction != null) {
      this.direction = direction;
    }
    List<String> offer = new ArrayList<>();
    for (String line : lines) {
      if (direction != null && DIRECTION.matcher(line).matches()) {
        continue;
      }
      if (line.startsWith("o=")) {
        String[] origin = line.split(" ");
        origin[2] = Long.toString(version);
        line = String.join(" ", origin);
      }
      offer.add(line);
      if (line.startsWith("m=") && direction != null) {
        offer.add("a=" + direction);
      }
    }
    return (String.join("\r\n", offer) + "\r\n").getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The next offer of this session carrying another phone's media (the caller put through to
   * another agent): that phone's description under this session's origin, one version higher. Later
   * offers change that one.
   */
  byte[] offerOf(byte[] sdp) {
    return offerOf(sdp, null);
  }

  /** The same, its media in {@code direction} (null: as that description has it). */
  byte[] offerOf(byte[] sdp, String direction) {
    String origin = origin();
    lines.clear();
    for (String line : new SessionDescription(sdp).lines) {
      lines.add(line.startsWith("o=") ? origin : line);
    }
    return offer(direction);
  }

  /**
   * Where the party wants its audio: the first audio stream's port at the connection address (the
   * stream's own, or the session's).
   */
  InetSocketAddress audioDestination() {
    String connection = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith(CONNECTION)) {
        connection = line.substring(CONNECTION.length()).strip();
      } else if (line.startsWith("m=audio ")) {
        int port = Integer.parseInt(line.split(" ")[1]);
        for (String attribute : lines.subList(i + 1, lines.size())) {
          if (attribute.startsWith("m=")) {
            break;
          }
          if (attribute.startsWith(CONNECTION)) {
            connection = attribute.substring(CONNECTION.length()).strip();
          }
        }
        return new InetSocketAddress(connection, port);
      }
    }
    throw new IllegalArgumentException("no audio stream in the SDP");
  }

  /** The first G.711 coding the first audio stream lists, or null where it lists none. */
  G711 audioCoding() {
    for (String line : lines) {
      if (line.startsWith("m=audio ")) {
        String[] formats = line.split(" ");
        for (int i = 3; i < formats.length; i++) {
          G711 coding = G711.of(Integer.parseInt(formats[i]));
          if (coding != null) {
            return coding;
          }
        }
        return null;
      }
    }
    return null;
  }

  /**
   * The media direction this session was last offered in explicitly ({@code inactive} while on
   * hold), or null where it never was: what an offer of other media keeps.
   */
  String direction() {
    return direction;
  }

  private String origin() {
    return lines.stream().filter(l -> l.startsWith("o=")).findFirst().orElse("o=- 0 0");
  }
}
