package org.relais.telephony.sip;

/**
 * Where a SIP call's audio flows, told each leg's SDP as the legs give it. A call is one media
 * session named by the engine's call id, between two parties named by tags: the one whose SDP is
 * offered ({@code fromTag}) and the other ({@code toTag}).
 *
 * <p>{@link RtpEngine} anchors the media: every SDP comes back rewritten with rtpengine's own
 * address and ports, and the audio goes through it, where prompts and music can be played. {@link
 * #UNANCHORED}, where no rtpengine is set, hands each party the other's SDP as it is: the phones
 * and the trunk send their audio to each other.
 */
interface MediaAnchor {

  /**
   * The SDP to give the other party, once {@code fromTag} offered {@code sdp} ({@code toTag} null
   * before the other party is known).
   *
   * @throws MediaUnavailableException where the media cannot be anchored
   */
  byte[] offer(String call, String fromTag, String toTag, byte[] sdp);

  /**
   * The SDP to give {@code fromTag}, once {@code toTag} answered its offer with {@code sdp}.
   *
   * @throws MediaUnavailableException where the media cannot be anchored
   */
  byte[] answer(String call, String fromTag, String toTag, byte[] sdp);

  /** Frees the call's media; nothing waits for it, and a failure is only logged. */
  void delete(String call);

  /**
   * Whether prompts are played: where they are, a party on hold is offered media it receives
   * ({@code sendonly} from this side), to hear the music.
   */
  boolean plays();

  /**
   * Plays {@code prompt} to {@code tag}'s party, instead of what the other party sends it. A
   * failure is only logged: the call goes on without it.
   *
   * @return how long one playing lasts, in milliseconds; 0 where unknown or not played
   */
  long play(String call, String tag, Prompt prompt);

  /** Stops what is played to {@code tag}'s party; a failure is only logged. */
  void stop(String call, String tag);

  /**
   * Stops (or, with {@code blocked} false, lets through again) the audio {@code tag}'s party sends:
   * an agent's phone while its caller hears music. A failure is only logged.
   */
  void block(String call, String tag, boolean blocked);

  /**
   * Starts (or stops) recording every party's audio: where rtpengine is set to record ({@code
   * recording-method=pcap}), each start writes a capture file of its own. A failure is only logged.
   */
  void record(String call, boolean on);

  /** Whether the media relay answers now: without it, no new call can be taken. */
  boolean answers();

  /** The phones and the trunk send their audio to each other. */
  MediaAnchor UNANCHORED =
      new MediaAnchor() {
        @Override
        public byte[] offer(String call, String fromTag, String toTag, byte[] sdp) {
          return sdp;
        }

        @Override
        public byte[] answer(String call, String fromTag, String toTag, byte[] sdp) {
          return sdp;
        }

        @Override
        public void delete(String call) {}

        @Override
        public boolean plays() {
          return false;
        }

        @Override
        public long play(String call, String tag, Prompt prompt) {
          return 0;
        }

        @Override
        public void stop(String call, String tag) {}

        @Override
        public void block(String call, String tag, boolean blocked) {}

        @Override
        public void record(String call, boolean on) {}

        @Override
        public boolean answers() {
          return true; // nothing to wait for: the phones and the trunk reach each other
        }
      };
}
