package org.relais.acd;

import java.util.Optional;
import org.relais.agent.Agent;
import org.relais.call.Call;
import org.relais.call.CallOutcome;
import org.relais.directory.PhoneNumbers;
import org.relais.group.QueueGroup;
import org.relais.presence.AgentPresence;

/**
 * The callers who asked to be called back while queued (SPEC X1, beyond the manual): their calls
 * keep their places in the queue with nobody on the line, and when one's turn comes, the agent it
 * would have been offered to calls the caller back, as an outbound call of the group. The queued
 * call ends then, as {@code CALLBACK}; should the callback not reach the caller, the caller joins
 * the group's callback list ({@link Dialer#callEnded}).
 */
final class QueuedCallbacks {

  private final CallFlow flow;
  private final Outbound outbound;

  QueuedCallbacks(CallFlow flow, Outbound outbound) {
    this.flow = flow;
    this.outbound = outbound;
  }

  /** The caller's number to dial back, in E.164; empty when it cannot be called back. */
  static Optional<String> number(Call call) {
    return PhoneNumbers.of(call.getAccount().getCountry()).e164(call.getCaller());
  }

  /** The call's turn came with this agent, free: it dials the caller back. */
  void dialBack(Call call, AgentPresence presence) {
    QueueGroup group = call.getGroup();
    Agent agent = presence.getAgent();
    flow.endCall(call, CallOutcome.CALLBACK);
    outbound
        .place(presence, group, Outbound.defaultCallerId(group, agent), number(call).orElseThrow())
        .callsBack(call);
  }
}
