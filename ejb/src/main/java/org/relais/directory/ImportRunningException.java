package org.relais.directory;

/** The account's directory is already importing a file: one import per account at a time. */
public class ImportRunningException extends RuntimeException {

  public ImportRunningException() {
    super("an import of contacts is already running for this account");
  }
}
