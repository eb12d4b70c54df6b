package org.relais.presence;

/** An event that the agent's current activity does not allow (API: 409). */
public class IllegalTransitionException extends IllegalStateException {

  private final Activity from;
  private final AgentEvent event;

  public IllegalTransitionException(Activity from, AgentEvent event) {
    super(event + " is not possible while " + from);
    this.from = from;
    this.event = event;
  }

  public Activity getFrom() {
    return from;
  }

  public AgentEvent getEvent() {
    return event;
  }
}
