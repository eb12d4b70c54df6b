package org.relais.supervision;

/** How a wallboard figure stands against the thresholds its supervisors set (SPEC E5). */
public enum Signal {
  GREEN,
  AMBER,
  RED
}
