package org.relais.telephony.sip;

/**
 * What rtpengine plays to a caller, a file of the prompts' folder ({@code relais.sip.prompts}; the
 * repository's {@code payara-config/telephony/prompts} says how each was made).
 */
enum Prompt {
  /** To a queued caller, until an agent's phone answers. */
  QUEUE("queue.wav", true),
  /** Music on hold, until resumed or put through to another agent (SPEC B12). */
  HOLD("hold.wav", true),
  /** Once, to a customer a predictive call reached with no agent free (SPEC B11). */
  DROPPED("dropped.wav", false),
  /** Once, to a queued caller who asked to be called back (SPEC X1), before it is let go. */
  CALLBACK("callback.wav", false);

  /**
   * How often rtpengine repeats a looped prompt: rtpengine 10.5 has no endless playback, and ten
   * thousand times a few seconds outlasts any wait.
   */
  private static final int LOOPED = 10_000;

  final String file;
  final int times;

  Prompt(String file, boolean looped) {
    this.file = file;
    this.times = looped ? LOOPED : 1;
  }
}
