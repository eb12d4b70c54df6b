package org.relais.directory;

/**
 * One reason an import refused a row or the whole file: the physical line of the file where the row
 * starts (1 is the header), the field concerned (a contact field, or the column name for a header
 * problem), a stable reason code that screens translate, and an English message.
 */
public record Rejection(int line, String field, String reason, String message) {

  static Rejection of(int line, ContactProblem problem) {
    return new Rejection(line, problem.field(), problem.reason().name(), problem.message());
  }
}
