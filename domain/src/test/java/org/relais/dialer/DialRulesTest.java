package org.relais.dialer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relais.InvalidFieldException;
import org.relais.call.CallOutcome;

class DialRulesTest {

  private static final OffsetDateTime NOW =
      OffsetDateTime.ofInstant(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);
  private static final LocalDateTime THURSDAY_11 = LocalDateTime.of(2026, 12, 3, 11, 0);
  private static final CallingHours LEGAL = CallingHours.FRENCH_DEFAULT;

  @Test
  void aContactDueWithinTheRulesMayBeCalled() {
    assertThat(DialRules.refusal(null, 7L, false, false, 0, 4, LEGAL, THURSDAY_11, "FR")).isNull();
    assertThat(DialRules.refusal(7L, 7L, false, false, 3, 4, LEGAL, THURSDAY_11, "FR")).isNull();
  }

  @Test
  void eachRuleRefusesByItsName() {
    assertThat(DialRules.refusal(null, 7L, true, false, 0, 4, LEGAL, THURSDAY_11, "FR"))
        .isEqualTo(DialRefusal.DNC);
    assertThat(DialRules.refusal(8L, 7L, false, false, 0, 4, LEGAL, THURSDAY_11, "FR"))
        .isEqualTo(DialRefusal.RESERVED);
    assertThat(DialRules.refusal(null, 7L, false, true, 0, 4, LEGAL, THURSDAY_11, "FR"))
        .isEqualTo(DialRefusal.REFUSED_RECENTLY);
    assertThat(DialRules.refusal(null, 7L, false, false, 4, 4, LEGAL, THURSDAY_11, "FR"))
        .isEqualTo(DialRefusal.MAX_ATTEMPTS);
    assertThat(
            DialRules.refusal(null, 7L, false, false, 0, 4, LEGAL, THURSDAY_11.withHour(21), "FR"))
        .isEqualTo(DialRefusal.OUTSIDE_CALLING_HOURS);
    assertThat(DialRefusal.OUTSIDE_CALLING_HOURS.code()).isEqualTo("outside_calling_hours");
    assertThat(DialRefusal.REFUSED_RECENTLY.code()).isEqualTo("refused_recently");
  }

  @Test
  void thePredictiveDiallerCallsForNoAgentAndSoLeavesReservedContacts() {
    assertThat(DialRules.refusal(null, null, false, false, 0, 4, LEGAL, THURSDAY_11, "FR"))
        .isNull();
    assertThat(DialRules.refusal(8L, null, false, false, 0, 4, LEGAL, THURSDAY_11, "FR"))
        .isEqualTo(DialRefusal.RESERVED);
  }

  @Test
  void anAnsweredContactIsDoneAndAFailedNumberSpent() {
    assertThat(DialRules.afterAttempt(AttemptOutcome.ANSWERED, 1, Recycling.DEFAULTS, NOW, null))
        .isEqualTo(new DialRules.Next(ContactStatus.DONE, null));
    assertThat(DialRules.afterAttempt(AttemptOutcome.FAILED, 1, Recycling.DEFAULTS, NOW, null))
        .isEqualTo(new DialRules.Next(ContactStatus.EXHAUSTED, null));
  }

  @Test
  void anUnsuccessfulAttemptIsRecycledAfterItsCausesDelayUntilItsAttemptsAreSpent() {
    assertThat(DialRules.afterAttempt(AttemptOutcome.BUSY, 1, Recycling.DEFAULTS, NOW, null))
        .isEqualTo(new DialRules.Next(ContactStatus.RECYCLED, NOW.plusMinutes(15)));
    assertThat(DialRules.afterAttempt(AttemptOutcome.VOICEMAIL, 1, Recycling.DEFAULTS, NOW, null))
        .isEqualTo(new DialRules.Next(ContactStatus.RECYCLED, NOW.plusMinutes(120)));
    assertThat(DialRules.afterAttempt(AttemptOutcome.VOICEMAIL, 2, Recycling.DEFAULTS, NOW, null))
        .isEqualTo(new DialRules.Next(ContactStatus.EXHAUSTED, null));
    assertThat(
            DialRules.afterAttempt(AttemptOutcome.DROPPED, 1, Recycling.DEFAULTS, NOW, null)
                .nextAttempt())
        .isEqualTo(NOW.plusMinutes(5));
  }

  @Test
  void theThirtyDayLimitPostponesTheNextAttempt() {
    List<OffsetDateTime> attempts =
        List.of(NOW.minusDays(20), NOW.minusDays(2), NOW.minusDays(25), NOW);
    OffsetDateTime frees = DialRules.limitFrees(attempts, 4);
    assertThat(frees).isEqualTo(NOW.minusDays(25).plusDays(30));
    assertThat(DialRules.limitFrees(attempts.subList(0, 3), 4)).isNull();
    assertThat(DialRules.afterAttempt(AttemptOutcome.BUSY, 1, Recycling.DEFAULTS, NOW, frees))
        .isEqualTo(new DialRules.Next(ContactStatus.RECYCLED, frees));
  }

  @Test
  void aCampaignsRulesReplaceTheDefaultsCauseByCause() {
    Recycling mine = new Recycling(Map.of(AttemptOutcome.BUSY, new RecycleRule(2, 9)));
    assertThat(mine.rule(AttemptOutcome.BUSY)).isEqualTo(new RecycleRule(2, 9));
    assertThat(mine.rule(AttemptOutcome.NO_ANSWER))
        .isEqualTo(Recycling.DEFAULTS.rule(AttemptOutcome.NO_ANSWER));
    assertThat(Recycling.decode(mine.encode())).isEqualTo(mine);
    assertThatThrownBy(() -> new Recycling(Map.of(AttemptOutcome.ANSWERED, new RecycleRule(1, 1))))
        .isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> new RecycleRule(-1, 3)).isInstanceOf(InvalidFieldException.class);
  }

  @Test
  void callEndingsMapToAttemptOutcomes() {
    assertThat(AttemptOutcome.of(CallOutcome.CANCELLED)).isEqualTo(AttemptOutcome.AGENT_ABANDON);
    assertThat(AttemptOutcome.of(CallOutcome.VOICEMAIL)).isEqualTo(AttemptOutcome.VOICEMAIL);
    assertThat(AttemptOutcome.of(CallOutcome.TRANSFERRED)).isEqualTo(AttemptOutcome.ANSWERED);
  }
}
