package org.relais.health;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Where the application's modules post how to tell whether a part they own answers (the switch's
 * registrar, its media relay), for this jar's readiness checks to read.
 *
 * <p>A static board, because the checks cannot see the modules' beans: in an EAR, the checks sit in
 * its lib folder (the only place WildFly reads them from), whose beans see no bean of the modules,
 * while every module sees this class. A part not posted yet is down: Relais is not ready before the
 * module that owns it has started.
 */
public final class ReadinessBoard {

  private static final Map<String, BooleanSupplier> PARTS = new ConcurrentHashMap<>();

  private ReadinessBoard() {}

  /** From now on, whether {@code part} answers is what {@code answers} says. */
  public static void post(String part, BooleanSupplier answers) {
    PARTS.put(part, answers);
  }

  /** Whether {@code part} answers now; false while its module has not posted it. */
  static boolean answers(String part) {
    BooleanSupplier answers = PARTS.get(part);
    try {
      return answers != null && answers.getAsBoolean();
    } catch (RuntimeException e) {
      return false; // a module on its way down: not ready
    }
  }
}
