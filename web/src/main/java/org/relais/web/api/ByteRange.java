package org.relais.web.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One range of bytes of a file, as an HTTP {@code Range} header asks it (RFC 9110): {@code
 * bytes=first-last}, {@code bytes=first-} or the suffix {@code bytes=-count}. Only a single range
 * is served; a header this does not read asks for the whole file, as the RFC lets a server do.
 */
public record ByteRange(long first, long last) {

  private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

  public long length() {
    return last - first + 1;
  }

  public String contentRange(long size) {
    return "bytes " + first + "-" + last + "/" + size;
  }

  /** Writes these bytes of the file to {@code out}. */
  public void copy(Path file, OutputStream out) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      in.skipNBytes(first);
      long left = length();
      byte[] buffer = new byte[8192];
      while (left > 0) {
        int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (read < 0) {
          return;
        }
        out.write(buffer, 0, read);
        left -= read;
      }
    }
  }

  /** What a request asked, before the file's size is known. */
  public record Requested(Long first, Long last, boolean whole) {

    /** Whether the request starts at the file's start: a new listening, not a seek. */
    public boolean fromStart() {
      return whole || (first != null && first == 0);
    }

    /** The bytes to send of a file of {@code size} bytes; null when none can be (416). */
    public ByteRange within(long size) {
      if (whole) {
        return new ByteRange(0, size - 1);
      }
      if (first == null) {
        long count = Math.min(last, size);
        return count == 0 ? null : new ByteRange(size - count, size - 1);
      }
      if (first >= size) {
        return null;
      }
      return new ByteRange(first, last == null ? size - 1 : Math.min(last, size - 1));
    }
  }

  public static Requested parse(String header) {
    Matcher m = header == null ? null : SINGLE.matcher(header.strip());
    if (m == null || !m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
      return new Requested(null, null, true);
    }
    Long first;
    Long last;
    try {
      first = m.group(1).isEmpty() ? null : Long.valueOf(m.group(1));
      last = m.group(2).isEmpty() ? null : Long.valueOf(m.group(2));
    } catch (NumberFormatException e) {
      return new Requested(null, null, true);
    }
    if (first != null && last != null && last < first) {
      return new Requested(null, null, true);
    }
    return new Requested(first, last, false);
  }
}
