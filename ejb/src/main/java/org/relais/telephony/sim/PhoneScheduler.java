package org.relais.telephony.sim;

import java.time.Duration;

/**
 * When the simulated phones act by themselves: an autopilot answering or hanging up, a customer's
 * phone answering after its delay. Threads run them in the application; a test runs them by moving
 * its own time.
 */
public interface PhoneScheduler {

  /** Runs the action once the delay has passed, on a thread of the scheduler's. */
  void after(Duration delay, Runnable action);
}
