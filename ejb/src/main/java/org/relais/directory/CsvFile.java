package org.relais.directory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.relais.InvalidFieldException;

/**
 * A CSV file to import, which the import reads more than once (to tell its encoding, then to read
 * its rows): bytes already in memory, or a request's body copied to a temporary file as it arrives,
 * so that a large file never sits in memory. Closing it deletes the temporary file.
 */
public final class CsvFile implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(CsvFile.class.getName());

  /** Opens the file from its start. */
  @FunctionalInterface
  private interface Opener {
    InputStream open() throws IOException;
  }

  private final Opener opener;
  private final long size;
  private final Path spooled;

  private CsvFile(Opener opener, long size, Path spooled) {
    this.opener = opener;
    this.size = size;
    this.spooled = spooled;
  }

  public static CsvFile of(byte[] bytes) {
    return new CsvFile(() -> new ByteArrayInputStream(bytes), bytes.length, null);
  }

  /**
   * Copies a stream to a temporary file as it arrives.
   *
   * @throws InvalidFieldException naming {@code body} beyond {@code maxBytes}
   */
  public static CsvFile spool(InputStream body, long maxBytes) {
    Path file = null;
    try (InputStream in = body) {
      file = Files.createTempFile("contacts", ".csv");
      long copied = 0;
      try (OutputStream out = Files.newOutputStream(file)) {
        byte[] buffer = new byte[1 << 16];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          copied += n;
          if (copied > maxBytes) {
            throw new InvalidFieldException(
                "body", "a CSV file of at most " + maxBytes / (1024 * 1024) + " MB");
          }
          out.write(buffer, 0, n);
        }
      }
      Path spooled = file;
      return new CsvFile(() -> Files.newInputStream(spooled), copied, spooled);
    } catch (IOException e) {
      delete(file);
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      delete(file);
      throw e;
    }
  }

  InputStream open() throws IOException {
    return opener.open();
  }

  /** In bytes. */
  long size() {
    return size;
  }

  @Override
  public void close() {
    delete(spooled);
  }

  private static void delete(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warning(() -> "could not delete the import file " + file + ": " + e);
    }
  }
}
