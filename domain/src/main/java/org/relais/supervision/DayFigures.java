package org.relais.supervision;

import java.time.OffsetDateTime;
import java.util.Collection;

/**
 * A group's figures over a day (SPEC E5), from the inbound calls that arrived in it that day.
 *
 * @param offered every call that arrived, still waiting or not
 * @param answered the calls an agent picked up
 * @param abandoned the calls whose caller hung up while waiting
 * @param serviceLevel the share (0 to 1) of the answered calls answered within the group's service
 *     level seconds; 1 while none was answered, as nobody was kept waiting too long
 * @param abandonRate the share (0 to 1) of the offered calls abandoned; 0 while none was offered
 * @param averageWait the average seconds in queue of the calls no longer waiting
 * @param averageHandle the average handling seconds (talk plus after-call work) of the answered
 *     calls, those in progress counting up to now
 */
public record DayFigures(
    long offered,
    long answered,
    long abandoned,
    double serviceLevel,
    double abandonRate,
    long averageWait,
    long averageHandle) {

  public static final DayFigures NONE = new DayFigures(0, 0, 0, 1, 0, 0, 0);

  /**
   * @param serviceLevelSeconds a call answered after at most this many whole seconds in queue is
   *     answered within the service level
   */
  public static DayFigures of(
      Collection<CallTrace> calls, int serviceLevelSeconds, OffsetDateTime now) {
    long answered = 0;
    long withinLevel = 0;
    long abandoned = 0;
    long waitsOver = 0;
    long waited = 0;
    long handled = 0;
    for (CallTrace call : calls) {
      if (call.answered()) {
        answered++;
        handled += call.handleSeconds(now);
        if (call.answeredWithin(serviceLevelSeconds)) {
          withinLevel++;
        }
      }
      if (call.abandoned()) {
        abandoned++;
      }
      if (call.waitOver()) {
        waitsOver++;
        waited += call.waitSeconds();
      }
    }
    long offered = calls.size();
    return new DayFigures(
        offered,
        answered,
        abandoned,
        answered == 0 ? 1 : (double) withinLevel / answered,
        offered == 0 ? 0 : (double) abandoned / offered,
        waitsOver == 0 ? 0 : waited / waitsOver,
        answered == 0 ? 0 : handled / answered);
  }
}
