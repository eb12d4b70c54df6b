package org.relais.presence;

/** What a connected agent is doing (SPEC C), whatever its availability. */
public enum Activity {
  /** Repos: free for a call. */
  IDLE,
  /** Sonnerie: a call rings the agent's phone. */
  RINGING,
  /** En communication. */
  TALKING,
  /** The call ended; the agent picks its qualification. */
  QUALIFYING,
  /** Pause inter-appel. */
  WRAP_UP,
  /** Temporisation: after a ring the agent did not answer. */
  PENALTY,
  /** An outbound call being placed. */
  DIALING
}
