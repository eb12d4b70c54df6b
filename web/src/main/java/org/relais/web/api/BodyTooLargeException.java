package org.relais.web.api;

/**
 * A request body longer than its limit ({@link RequestBodyLimit}), found while it was being read:
 * the API answers 413 wherever the reading stopped.
 */
public class BodyTooLargeException extends RuntimeException {

  private final long limit;

  public BodyTooLargeException(long limit) {
    super("the body is longer than " + limit + " bytes");
    this.limit = limit;
  }

  public long getLimit() {
    return limit;
  }
}
