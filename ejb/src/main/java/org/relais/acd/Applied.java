package org.relais.acd;

/**
 * A switch event of a batch and the answer it got. The answer is handed to the event's reporter
 * only once the whole batch has committed: until then it is kept here.
 *
 * @param <A> the event's answer
 */
public final class Applied<A> {

  private final SwitchEvent<A> event;
  private A answer;

  Applied(SwitchEvent<A> event) {
    this.event = event;
  }

  SwitchEvent<A> event() {
    return event;
  }

  void applyTo(CallFlow flow) {
    answer = event.applyTo(flow);
  }

  A answer() {
    return answer;
  }
}
