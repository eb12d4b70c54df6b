package org.relais.telephony.sip;

import java.util.List;
import org.relais.telephony.MonitorMode;

/**
 * Who hears whom on a call that supervisors' phones joined (SPEC X2): each party hears the sum of
 * the voices it may hear and never its own, a mix-minus. The caller and the agent hear each other
 * as on any call; a supervisor hears them both. A listening supervisor is heard by nobody; a
 * whispering one by the agent (and the other supervisors) but never by the caller; a barging one by
 * everybody.
 */
final class MixMinus {

  /** A party's place on the call. */
  enum Seat {
    CALLER,
    AGENT,
    SUPERVISOR
  }

  /** What one party said over the last frame; a supervisor's mode says who may hear it. */
  record Voice(Seat seat, MonitorMode mode, short[] samples) {

    static Voice of(Seat seat, short[] samples) {
      return new Voice(seat, null, samples);
    }
  }

  private MixMinus() {}

  /** Whether {@code listener} hears {@code speaker} (two different parties). */
  static boolean hears(Voice listener, Voice speaker) {
    return switch (speaker.seat()) {
      case CALLER -> listener.seat() != Seat.CALLER;
      case AGENT -> listener.seat() != Seat.AGENT;
      case SUPERVISOR ->
          switch (speaker.mode()) {
            case LISTEN -> false;
            case WHISPER -> listener.seat() != Seat.CALLER;
            case BARGE -> true;
          };
    };
  }

  /**
   * What the party at {@code listener} in {@code voices} hears: the sum of the voices it may hear,
   * clipped to 16 bits, as long as the longest of them.
   */
  static short[] heardBy(int listener, List<Voice> voices) {
    Voice ear = voices.get(listener);
    int length = 0;
    for (Voice voice : voices) {
      length = Math.max(length, voice.samples().length);
    }
    int[] sum = new int[length];
    for (int i = 0; i < voices.size(); i++) {
      Voice speaker = voices.get(i);
      if (i != listener && hears(ear, speaker)) {
        short[] samples = speaker.samples();
        for (int s = 0; s < samples.length; s++) {
          sum[s] += samples[s];
        }
      }
    }
    short[] heard = new short[length];
    for (int s = 0; s < length; s++) {
      heard[s] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, sum[s]));
    }
    return heard;
  }
}
