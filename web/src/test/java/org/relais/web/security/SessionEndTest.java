package org.relais.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionEndTest {

  private static final long NOW = 1_000_000_000L;
  private static final int TIMEOUT = 480 * 60;

  @Test
  void aSessionIdlePastItsTimeOutEndsByItsUser() {
    assertThat(SessionEnd.endedByItsUser(false, NOW - TIMEOUT * 1000L, TIMEOUT, NOW)).isTrue();
    assertThat(SessionEnd.endedByItsUser(false, NOW - TIMEOUT * 1000L - 5, TIMEOUT, NOW)).isTrue();
  }

  @Test
  void aLogoutEndsTheSessionByItsUserHoweverRecentlyUsed() {
    assertThat(SessionEnd.endedByItsUser(true, NOW, TIMEOUT, NOW)).isTrue();
  }

  @Test
  void aLiveSessionThatTheServerEndsIsNotItsUsersLeaving() {
    assertThat(SessionEnd.endedByItsUser(false, NOW - 1_000, TIMEOUT, NOW)).isFalse();
    assertThat(SessionEnd.endedByItsUser(false, NOW - TIMEOUT * 1000L + 1, TIMEOUT, NOW)).isFalse();
  }

  @Test
  void aSessionWithoutTimeOutNeverTimesOut() {
    assertThat(SessionEnd.endedByItsUser(false, 0, 0, NOW)).isFalse();
    assertThat(SessionEnd.endedByItsUser(false, 0, -1, NOW)).isFalse();
  }
}
