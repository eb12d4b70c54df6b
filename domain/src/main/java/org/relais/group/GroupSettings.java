package org.relais.group;

import java.util.List;
import java.util.Objects;
import org.relais.InvalidFieldException;

/**
 * Everything configurable on a group apart from its name (SPEC E2), checked as one value. Times are
 * whole seconds.
 *
 * @param autoQualify seconds after hang-up before the call is qualified with {@code
 *     autoQualifyCode}; 0 disables automatic qualification
 */
public record GroupSettings(
    int ringTimeout,
    int penalty,
    int wrapUp,
    boolean qualificationRequired,
    int autoQualify,
    String autoQualifyCode,
    RoutingStrategy strategy,
    int priority,
    List<String> qualifications,
    List<String> callerIds,
    boolean callerIdSelectable,
    String cardUrl) {

  public static final int MAX_SECONDS = 3600;

  public GroupSettings {
    requireSeconds("ringTimeout", ringTimeout, 1);
    requireSeconds("penalty", penalty, 0);
    requireSeconds("wrapUp", wrapUp, 0);
    requireSeconds("autoQualify", autoQualify, 0);
    if (priority < 0 || priority > 100) {
      throw new InvalidFieldException("priority", "between 0 and 100");
    }
    Objects.requireNonNull(strategy, "strategy");
    qualifications = List.copyOf(qualifications == null ? List.of() : qualifications);
    callerIds = List.copyOf(callerIds == null ? List.of() : callerIds);
    for (String code : qualifications) {
      if (code.isBlank() || code.length() > 128) {
        throw new InvalidFieldException("qualifications", "1 to 128 characters each");
      }
    }
    if (qualifications.stream().distinct().count() != qualifications.size()) {
      throw new InvalidFieldException("qualifications", "each code only once");
    }
    for (String number : callerIds) {
      if (!number.matches("\\+?[0-9]{2,20}")) {
        throw new InvalidFieldException("callerIds", "phone numbers, digits only");
      }
    }
    autoQualifyCode = autoQualifyCode == null || autoQualifyCode.isBlank() ? null : autoQualifyCode;
    if (autoQualify > 0 && (autoQualifyCode == null || !qualifications.contains(autoQualifyCode))) {
      throw new InvalidFieldException("autoQualifyCode", "one of the group's qualifications");
    }
    if (qualificationRequired && qualifications.isEmpty()) {
      throw new InvalidFieldException("qualifications", "at least one code");
    }
    cardUrl = cardUrl == null || cardUrl.isBlank() ? null : cardUrl.strip();
    if (cardUrl != null && (cardUrl.length() > 2048 || !cardUrl.matches("(?i)https?://.+"))) {
      throw new InvalidFieldException("cardUrl", "an http or https address");
    }
  }

  /** The settings of a new group: the manual's defaults. */
  public static GroupSettings defaults() {
    return new GroupSettings(
        20,
        30,
        10,
        false,
        0,
        null,
        RoutingStrategy.LONGEST_IDLE,
        0,
        List.of(),
        List.of(),
        false,
        null);
  }

  private static void requireSeconds(String field, int value, int min) {
    if (value < min || value > MAX_SECONDS) {
      throw new InvalidFieldException(field, "between " + min + " and " + MAX_SECONDS);
    }
  }
}
