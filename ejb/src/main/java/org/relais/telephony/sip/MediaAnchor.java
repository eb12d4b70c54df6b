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
      };
}
