package org.relais.dialer;

import org.relais.InvalidFieldException;

/**
 * When an unsuccessful attempt is tried again: after so many minutes, and at most so many times for
 * that cause (SPEC B11).
 */
public record RecycleRule(int afterMinutes, int maxAttempts) {

  public RecycleRule {
    if (afterMinutes < 0 || afterMinutes > 60 * 24 * 30) {
      throw new InvalidFieldException("recycling.afterMinutes", "between 0 and 43200");
    }
    if (maxAttempts < 0 || maxAttempts > 100) {
      throw new InvalidFieldException("recycling.maxAttempts", "between 0 and 100");
    }
  }
}
