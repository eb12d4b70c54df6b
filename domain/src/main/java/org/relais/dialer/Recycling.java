package org.relais.dialer;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.relais.InvalidFieldException;

/**
 * A campaign's recycling rules, one per cause of an unsuccessful attempt (busy, no answer,
 * voicemail, agent abandon); a cause the campaign leaves out takes its default. The defaults stay
 * within the French rule of at most 4 attempts per number in 30 days (Code de la consommation
 * D.223-9), which {@link DialRules} enforces whatever the rules say.
 */
public record Recycling(Map<AttemptOutcome, RecycleRule> rules) {

  /** The causes an attempt is recycled for. */
  public static final List<AttemptOutcome> CAUSES =
      List.of(
          AttemptOutcome.BUSY,
          AttemptOutcome.NO_ANSWER,
          AttemptOutcome.VOICEMAIL,
          AttemptOutcome.AGENT_ABANDON);

  private static final Map<AttemptOutcome, RecycleRule> DEFAULT_RULES =
      Map.of(
          AttemptOutcome.BUSY, new RecycleRule(15, 3),
          AttemptOutcome.NO_ANSWER, new RecycleRule(60, 3),
          AttemptOutcome.VOICEMAIL, new RecycleRule(120, 2),
          AttemptOutcome.AGENT_ABANDON, new RecycleRule(5, 3));

  public static final Recycling DEFAULTS = new Recycling(DEFAULT_RULES);

  public Recycling {
    Map<AttemptOutcome, RecycleRule> all = new EnumMap<>(AttemptOutcome.class);
    for (AttemptOutcome cause : CAUSES) {
      all.put(cause, rules.getOrDefault(cause, DEFAULT_RULES.get(cause)));
    }
    for (AttemptOutcome given : rules.keySet()) {
      if (!CAUSES.contains(given)) {
        throw new InvalidFieldException(
            "recycling", "rules for BUSY, NO_ANSWER, VOICEMAIL, AGENT_ABANDON");
      }
    }
    rules = Collections.unmodifiableMap(all);
  }

  /**
   * The rule for an attempt's outcome; null when it is not recycled (answered, failed). A dropped
   * predictive call is retried as an agent abandon is: the customer heard nobody.
   */
  public RecycleRule rule(AttemptOutcome outcome) {
    return rules.get(outcome == AttemptOutcome.DROPPED ? AttemptOutcome.AGENT_ABANDON : outcome);
  }

  /** As the database keeps it: {@code BUSY=15/3;NO_ANSWER=60/3;...}. */
  public String encode() {
    return CAUSES.stream()
        .map(c -> c.name() + "=" + rules.get(c).afterMinutes() + "/" + rules.get(c).maxAttempts())
        .collect(Collectors.joining(";"));
  }

  public static Recycling decode(String text) {
    Map<AttemptOutcome, RecycleRule> rules = new EnumMap<>(AttemptOutcome.class);
    for (String part : text.split(";")) {
      String[] causeAndRule = part.split("=");
      String[] numbers = causeAndRule[1].split("/");
      try {
        rules.put(
            AttemptOutcome.valueOf(causeAndRule[0]),
            new RecycleRule(Integer.parseInt(numbers[0]), Integer.parseInt(numbers[1])));
      } catch (IllegalArgumentException e) {
        throw new InvalidFieldException("recycling", "rules as CAUSE=minutes/attempts");
      }
    }
    return new Recycling(rules);
  }
}
