package org.relais.dialer;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A campaign's progress (docs/API.md, Outbound engine): contacts by status, attempts by outcome,
 * and the abandon rate of the last 30 days, the share of answered calls that found no agent free.
 *
 * @param pending contacts still to call: never called, recycled, reserved or to call back
 */
public record CampaignStats(
    long total,
    long pending,
    long done,
    long attempts,
    long answered,
    long busy,
    long noAnswer,
    long voicemail,
    long failed,
    long dropped,
    double abandonRate,
    double dialLevel) {

  /**
   * @param statuses rows of (status, count)
   * @param outcomes rows of (outcome, count), all attempts
   */
  static CampaignStats of(
      List<Object[]> statuses, List<Object[]> outcomes, double abandonRate, double dialLevel) {
    Map<ContactStatus, Long> byStatus = counts(statuses, ContactStatus.class);
    Map<AttemptOutcome, Long> byOutcome = counts(outcomes, AttemptOutcome.class);
    long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
    long pending =
        byStatus.entrySet().stream()
            .filter(e -> e.getKey().isDialable())
            .mapToLong(Map.Entry::getValue)
            .sum();
    return new CampaignStats(
        total,
        pending,
        byStatus.getOrDefault(ContactStatus.DONE, 0L),
        byOutcome.values().stream().mapToLong(Long::longValue).sum(),
        byOutcome.getOrDefault(AttemptOutcome.ANSWERED, 0L),
        byOutcome.getOrDefault(AttemptOutcome.BUSY, 0L),
        byOutcome.getOrDefault(AttemptOutcome.NO_ANSWER, 0L),
        byOutcome.getOrDefault(AttemptOutcome.VOICEMAIL, 0L),
        byOutcome.getOrDefault(AttemptOutcome.FAILED, 0L),
        byOutcome.getOrDefault(AttemptOutcome.DROPPED, 0L),
        abandonRate,
        dialLevel);
  }

  private static <E extends Enum<E>> Map<E, Long> counts(List<Object[]> rows, Class<E> type) {
    Map<E, Long> counts = new EnumMap<>(type);
    for (Object[] row : rows) {
      counts.put(type.cast(row[0]), ((Number) row[1]).longValue());
    }
    return counts;
  }
}
