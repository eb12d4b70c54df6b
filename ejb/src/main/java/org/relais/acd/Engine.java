package org.relais.acd;

import jakarta.persistence.EntityManager;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.LongFunction;
import org.relais.account.AccountNames;
import org.relais.call.TimeRange;
import org.relais.telephony.Switch;

/**
 * The parts of the ACD engine, put together once: a plain object, which the {@link Acd} singleton
 * holds in the server (with JTA, EJB timers and the configured switch) and unit tests build with a
 * transaction they commit by hand, deadlines they fire by hand and a switch that records. Every
 * method of its parts must be called inside a transaction and under the engine's one lock.
 */
final class Engine {

  private final CallFlow flow;
  private final DeskCommands desk;
  private final Dialer dialer;
  private final Predictive predictive;
  private final Lines lines;
  private final Recordings recordings;
  private final Recovery recovery;
  private final Monitors monitors;
  private final SupervisorCommands supervisor;

  /**
   * @param today an account's current day, for the calls each agent answered today
   * @param dialTimeout seconds an outbound attempt may last, should the switch never report; also
   *     how long a predictive call rings its customer
   * @param recordingFolder where the switch writes call recordings
   */
  Engine(
      EntityManager em,
      Clock clock,
      Switch phoneSwitch,
      AccountNames accounts,
      EngineTransaction transaction,
      Deadlines deadlines,
      LongFunction<TimeRange> today,
      int dialTimeout,
      Path recordingFolder) {
    EngineClock now = new EngineClock(clock);
    Floors floors = new Floors(em, transaction, today, now);
    BatchRead read = new BatchRead(em, transaction);
    SwitchNames names = new SwitchNames(em, accounts, read, floors);
    AgentMoves moves = new AgentMoves(em, transaction, deadlines, floors, now);
    Dispatcher dispatcher =
        new Dispatcher(floors, read, moves, transaction, phoneSwitch, names, now);
    Outbound outbound = new Outbound(em, moves, transaction, phoneSwitch, now, dialTimeout);
    dialer = new Dialer(em, moves, outbound, transaction, now);
    monitors = new Monitors(em, transaction, phoneSwitch, names, now);
    recordings = new Recordings(em, names, transaction, phoneSwitch, now, recordingFolder);
    predictive =
        new Predictive(
            em, dialer, moves, recordings, deadlines, transaction, phoneSwitch, now, dialTimeout);
    flow =
        new CallFlow(
            em,
            names,
            read,
            floors,
            moves,
            dispatcher,
            dialer,
            predictive,
            transaction,
            phoneSwitch,
            deadlines,
            now,
            monitors,
            new QueueRules(em, transaction, phoneSwitch, names, now, floors, deadlines),
            recordings);
    lines =
        new Lines(em, names, read, floors, moves, dispatcher, flow, transaction, phoneSwitch, now);
    flow.consultsThrough(lines);
    dispatcher.callsBackThrough(new QueuedCallbacks(flow, outbound));
    desk = new DeskCommands(em, floors, moves, dispatcher, flow, outbound, now);
    recovery = new Recovery(em, flow, moves, deadlines, floors, now);
    supervisor = new SupervisorCommands(em, desk, now);
  }

  CallFlow flow() {
    return flow;
  }

  DeskCommands desk() {
    return desk;
  }

  Dialer dialer() {
    return dialer;
  }

  Predictive predictive() {
    return predictive;
  }

  Lines lines() {
    return lines;
  }

  Recordings recordings() {
    return recordings;
  }

  Recovery recovery() {
    return recovery;
  }

  SupervisorCommands supervisor() {
    return supervisor;
  }

  Monitors monitors() {
    return monitors;
  }
}
