package org.relais.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.relais.InvalidFieldException;

class ThresholdsTest {

  private final Thresholds defaults = Thresholds.defaults();

  @Test
  void theServiceLevelIsGreenFromItsTargetAmberDownToItsFloorAndRedBelow() {
    assertThat(defaults.serviceLevel(0.80)).isEqualTo(Signal.GREEN);
    assertThat(defaults.serviceLevel(1.0)).isEqualTo(Signal.GREEN);
    assertThat(defaults.serviceLevel(0.79)).isEqualTo(Signal.AMBER);
    assertThat(defaults.serviceLevel(0.70)).isEqualTo(Signal.AMBER);
    assertThat(defaults.serviceLevel(0.69)).isEqualTo(Signal.RED);
  }

  @Test
  void theAbandonRateTurnsAmberAboveItsWarningAndRedAboveItsAlarm() {
    assertThat(defaults.abandonRate(0.0)).isEqualTo(Signal.GREEN);
    assertThat(defaults.abandonRate(0.05)).isEqualTo(Signal.GREEN);
    assertThat(defaults.abandonRate(0.06)).isEqualTo(Signal.AMBER);
    assertThat(defaults.abandonRate(0.10)).isEqualTo(Signal.AMBER);
    assertThat(defaults.abandonRate(0.5)).isEqualTo(Signal.RED);
  }

  @Test
  void aWaitTurnsAmberAboveItsWarningAndRedAboveItsAlarm() {
    Thresholds strict = new Thresholds(90, 85, 2, 4, 10, 20);

    assertThat(strict.waiting(10)).isEqualTo(Signal.GREEN);
    assertThat(strict.waiting(11)).isEqualTo(Signal.AMBER);
    assertThat(strict.waiting(20)).isEqualTo(Signal.AMBER);
    assertThat(strict.waiting(21)).isEqualTo(Signal.RED);
    assertThat(strict.serviceLevel(0.86)).isEqualTo(Signal.AMBER);
  }

  @Test
  void limitsOutOfRangeOrInTheWrongOrderNameTheirField() {
    assertThatThrownBy(() -> new Thresholds(101, 70, 5, 10, 30, 60))
        .isInstanceOf(InvalidFieldException.class)
        .extracting(e -> ((InvalidFieldException) e).getField())
        .isEqualTo("serviceLevelTarget");
    assertThatThrownBy(() -> new Thresholds(80, 90, 5, 10, 30, 60))
        .extracting(e -> ((InvalidFieldException) e).getField())
        .isEqualTo("serviceLevelFloor");
    assertThatThrownBy(() -> new Thresholds(80, 70, 10, 5, 30, 60))
        .extracting(e -> ((InvalidFieldException) e).getField())
        .isEqualTo("abandonAlarm");
    assertThatThrownBy(() -> new Thresholds(80, 70, 5, 10, 60, 30))
        .extracting(e -> ((InvalidFieldException) e).getField())
        .isEqualTo("waitAlarm");
    assertThatThrownBy(() -> new Thresholds(80, 70, 5, 10, -1, 30))
        .extracting(e -> ((InvalidFieldException) e).getField())
        .isEqualTo("waitWarning");
  }
}
