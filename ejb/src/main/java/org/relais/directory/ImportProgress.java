package org.relais.directory;

/**
 * Told how far an import has gone through its file, so that a screen can show a progress bar. The
 * import checks and stores each row as it reads it.
 */
@FunctionalInterface
public interface ImportProgress {

  ImportProgress NONE = (done, total) -> {};

  /**
   * @param done bytes of the file read so far
   * @param total bytes of the file
   */
  void advanced(long done, long total);
}
