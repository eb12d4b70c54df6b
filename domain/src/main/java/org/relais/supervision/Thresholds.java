package org.relais.supervision;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.relais.InvalidFieldException;

/**
 * Where the wallboard's figures turn amber and red (SPEC E5), as the account's supervisors set
 * them. Immutable: a change replaces the whole value. Rates are whole percents, waits whole
 * seconds; a figure exactly on a limit is on its better side.
 */
@Embeddable
public class Thresholds {

  /** The industry's usual 80% of calls answered within the group's seconds. */
  public static final int DEFAULT_SERVICE_LEVEL_TARGET = 80;

  @Column(name = "service_level_target", nullable = false)
  private int serviceLevelTarget;

  @Column(name = "service_level_floor", nullable = false)
  private int serviceLevelFloor;

  @Column(name = "abandon_warning", nullable = false)
  private int abandonWarning;

  @Column(name = "abandon_alarm", nullable = false)
  private int abandonAlarm;

  @Column(name = "wait_warning", nullable = false)
  private int waitWarning;

  @Column(name = "wait_alarm", nullable = false)
  private int waitAlarm;

  protected Thresholds() {}

  /**
   * @param serviceLevelTarget green at or above this percent of calls answered in time
   * @param serviceLevelFloor amber at or above, red below; at most the target
   * @param abandonWarning amber above this percent of calls abandoned
   * @param abandonAlarm red above; at least the warning
   * @param waitWarning amber when the longest or average wait exceeds these seconds
   * @param waitAlarm red beyond; at least the warning
   */
  public Thresholds(
      int serviceLevelTarget,
      int serviceLevelFloor,
      int abandonWarning,
      int abandonAlarm,
      int waitWarning,
      int waitAlarm) {
    percent("serviceLevelTarget", serviceLevelTarget);
    percent("serviceLevelFloor", serviceLevelFloor);
    percent("abandonWarning", abandonWarning);
    percent("abandonAlarm", abandonAlarm);
    seconds("waitWarning", waitWarning);
    seconds("waitAlarm", waitAlarm);
    if (serviceLevelFloor > serviceLevelTarget) {
      throw new InvalidFieldException("serviceLevelFloor", "at most the service level target");
    }
    if (abandonAlarm < abandonWarning) {
      throw new InvalidFieldException("abandonAlarm", "at least the abandon warning");
    }
    if (waitAlarm < waitWarning) {
      throw new InvalidFieldException("waitAlarm", "at least the wait warning");
    }
    this.serviceLevelTarget = serviceLevelTarget;
    this.serviceLevelFloor = serviceLevelFloor;
    this.abandonWarning = abandonWarning;
    this.abandonAlarm = abandonAlarm;
    this.waitWarning = waitWarning;
    this.waitAlarm = waitAlarm;
  }

  /** 80% target, amber down to 70%; 5% and 10% abandoned; 30 s and 60 s waits. */
  public static Thresholds defaults() {
    return new Thresholds(DEFAULT_SERVICE_LEVEL_TARGET, 70, 5, 10, 30, 60);
  }

  /** A service level, as a share from 0 to 1. */
  public Signal serviceLevel(double share) {
    double percent = share * 100;
    return percent >= serviceLevelTarget
        ? Signal.GREEN
        : percent >= serviceLevelFloor ? Signal.AMBER : Signal.RED;
  }

  /** An abandon rate, as a share from 0 to 1. */
  public Signal abandonRate(double share) {
    double percent = share * 100;
    return percent > abandonAlarm
        ? Signal.RED
        : percent > abandonWarning ? Signal.AMBER : Signal.GREEN;
  }

  /** A wait in seconds: the longest of the queue, or the day's average. */
  public Signal waiting(long seconds) {
    return seconds > waitAlarm ? Signal.RED : seconds > waitWarning ? Signal.AMBER : Signal.GREEN;
  }

  private static void percent(String field, int value) {
    if (value < 0 || value > 100) {
      throw new InvalidFieldException(field, "a percent between 0 and 100");
    }
  }

  private static void seconds(String field, int value) {
    if (value < 0 || value > 86_400) {
      throw new InvalidFieldException(field, "seconds between 0 and 86400");
    }
  }

  public int getServiceLevelTarget() {
    return serviceLevelTarget;
  }

  public int getServiceLevelFloor() {
    return serviceLevelFloor;
  }

  public int getAbandonWarning() {
    return abandonWarning;
  }

  public int getAbandonAlarm() {
    return abandonAlarm;
  }

  public int getWaitWarning() {
    return waitWarning;
  }

  public int getWaitAlarm() {
    return waitAlarm;
  }
}
