package org.relais.agent;

/**
 * The modules of the agent banner (SPEC B1-B14) that an agent's profile can enable (SPEC A4). With
 * {@link #RECORDING} the agent starts and stops recordings and may listen to those of its own
 * calls.
 */
public enum BannerModule {
  SESSION,
  GROUPS,
  QUALIFICATION,
  SCREEN_POP,
  CLICK_TO_DIAL,
  /** The outbound engine (Moteur d'appels sortants, SPEC B11). */
  DIALER,
  LINES,
  RECORDING,
  HISTORY,
  TEAM,
  DIRECTORY,
  STATISTICS
}
