package org.relais.telephony.sip;

/**
 * G.711 (ITU-T), the two 8-bit logarithmic codings of 8 kHz telephone audio that every phone and
 * trunk speaks: to and from 16-bit linear samples, for the audio Relais mixes itself (a
 * supervisor's phone on a call, SPEC X2). Decoding reads a table made once; encoding is the
 * recommendation's segment search.
 */
enum G711 {
  /** µ-law, RTP payload type 0 (North America, Japan). */
  PCMU(0) {
    @Override
    byte encode(int linear) {
      int sample = clip(linear);
      int sign = sample < 0 ? 0x80 : 0;
      int magnitude = Math.min(Math.abs(sample), 32635) + 0x84;
      int exponent = 7;
      for (int mask = 0x4000; (magnitude & mask) == 0 && exponent > 0; mask >>= 1) {
        exponent--;
      }
      int mantissa = (magnitude >> (exponent + 3)) & 0x0f;
      return (byte) ~(sign | (exponent << 4) | mantissa);
    }

    @Override
    short linear(int code) {
      int u = ~code & 0xff;
      int magnitude = ((((u & 0x0f) << 3) + 0x84) << ((u >> 4) & 0x07)) - 0x84;
      return (short) ((u & 0x80) != 0 ? -magnitude : magnitude);
    }
  },

  /** A-law, RTP payload type 8 (Europe, most of the world). */
  PCMA(8) {
    @Override
    byte encode(int linear) {
      int sample = clip(linear) >> 3; // A-law codes 13 bits
      int mask;
      if (sample >= 0) {
        mask = 0xd5;
      } else {
        mask = 0x55;
        sample = -sample - 1;
      }
      int segment = 0;
      while (segment < 8 && sample > (0x20 << segment) - 1) {
        segment++;
      }
      if (segment >= 8) {
        return (byte) (0x7f ^ mask);
      }
      int code = segment << 4;
      code |= (segment < 2 ? sample >> 1 : sample >> segment) & 0x0f;
      return (byte) (code ^ mask);
    }

    @Override
    short linear(int code) {
      int a = (code & 0xff) ^ 0x55;
      int magnitude = (a & 0x0f) << 4;
      int segment = (a & 0x70) >> 4;
      magnitude += segment == 0 ? 8 : 0x108;
      if (segment > 1) {
        magnitude <<= segment - 1;
      }
      return (short) ((a & 0x80) != 0 ? magnitude : -magnitude);
    }
  };

  /** The RTP payload type (RFC 3551) that names the coding. */
  final int payloadType;

  private final short[] decoded = new short[256];

  G711(int payloadType) {
    this.payloadType = payloadType;
  }

  /** One 16-bit linear sample (louder ones are clipped) in this coding. */
  abstract byte encode(int linear);

  /** The 16-bit linear sample a code stands for, as the recommendation reads it. */
  abstract short linear(int code);

  /** The 16-bit linear sample a code stands for. */
  short decode(byte code) {
    return decoded[code & 0xff];
  }

  /** The coding RTP names with {@code payloadType}, or null where it is none of these. */
  static G711 of(int payloadType) {
    for (G711 coding : values()) {
      if (coding.payloadType == payloadType) {
        return coding;
      }
    }
    return null;
  }

  static {
    for (G711 coding : values()) {
      for (int code = 0; code < 256; code++) {
        coding.decoded[code] = coding.linear(code);
      }
    }
  }

  private static int clip(int linear) {
    return Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, linear));
  }
}
