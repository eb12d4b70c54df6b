package org.relais.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The board the readiness checks read; the checks themselves are read through the servers. */
class ReadinessBoardTest {

  /** A part of this test's own, so that tests share nothing on the board. */
  private final String part = "part-" + UUID.randomUUID();

  @Test
  void aPartNotPostedYetIsDown() {
    assertThat(ReadinessBoard.answers(part)).isFalse();
  }

  @Test
  void aPostedPartIsAskedAtEachCheck() {
    AtomicBoolean up = new AtomicBoolean(true);
    ReadinessBoard.post(part, up::get);

    assertThat(ReadinessBoard.answers(part)).isTrue();
    up.set(false);
    assertThat(ReadinessBoard.answers(part)).isFalse();
  }

  @Test
  void aPartWhoseModuleFailsToAnswerIsDown() {
    ReadinessBoard.post(
        part,
        () -> {
          throw new IllegalStateException("the module is on its way down");
        });

    assertThat(ReadinessBoard.answers(part)).isFalse();
  }
}
