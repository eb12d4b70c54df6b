package org.relais.telephony.sip;

import java.nio.ByteBuffer;

/** Where the audio of an RTP packet (RFC 3550, version 2) starts and ends, read in place. */
final class RtpPayload {

  /** Bytes of the fixed header. */
  static final int HEADER = 12;

  private RtpPayload() {}

  /**
   * The offset of the payload of the RTP packet at {@code [from, to)} of {@code packet}: after the
   * fixed header, the contributing sources and the header extension; -1 where it is no version 2
   * packet or holds no payload.
   */
  static int start(ByteBuffer packet, int from, int to) {
    if (to - from <= HEADER || ((packet.get(from) & 0xff) >> 6) != 2) {
      return -1;
    }
    int first = packet.get(from);
    int start = from + HEADER + 4 * (first & 0x0f);
    if ((first & 0x10) != 0 && start + 4 <= to) {
      start += 4 + 4 * (packet.getShort(start + 2) & 0xffff);
    }
    return start < end(packet, from, to) ? start : -1;
  }

  /** The end of the payload of the RTP packet at {@code [from, to)}: before its padding, if any. */
  static int end(ByteBuffer packet, int from, int to) {
    return (packet.get(from) & 0x20) != 0 ? to - (packet.get(to - 1) & 0xff) : to;
  }

  /** The payload type of the RTP packet at {@code from}. */
  static int type(ByteBuffer packet, int from) {
    return packet.get(from + 1) & 0x7f;
  }
}
