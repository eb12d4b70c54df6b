package org.relais.call;

/** Whether a group's calls are recorded (SPEC B13). */
public enum RecordingPolicy {
  NEVER,
  /** Every answered call, from its answer to its end. */
  ALWAYS,
  /** When the agent starts it (the banner's Enregistrement button), until it stops it. */
  ON_DEMAND
}
