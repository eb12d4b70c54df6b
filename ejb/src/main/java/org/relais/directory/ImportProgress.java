package org.relais.directory;

/**
 * Told how far an import has gone, so that a screen can show a progress bar. Checking the file
 * comes first and is quick; storing the rows is what takes time, and is what this reports.
 */
@FunctionalInterface
public interface ImportProgress {

  ImportProgress NONE = (done, total) -> {};

  /**
   * @param done rows stored so far
   * @param total rows to store
   */
  void stored(int done, int total);
}
