package org.relais.web.api;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.relais.web.security.ApiErrorWriter;

/**
 * Caps the size of API request bodies before anything parses them: a JSON body is read whole into
 * memory (several times its size once parsed), so without a cap one large request could exhaust the
 * heap. JSON bodies may be {@code relais.api.max-json-bytes} long; other bodies, the files an
 * import reads (CSV), {@code relais.api.max-import-bytes}. A declared length over the limit is
 * refused at once, before anything parses the body; a body of unknown length (chunked) is counted
 * as it is read, and refused as soon as it goes past. Both answer 413 in the API's error shape.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class RequestBodyLimit extends HttpFilter {

  /** The most of a refused body read and dropped rather than answered on a closed connection. */
  private static final long MAX_DISCARDED = 4 << 20;

  @Inject
  @ConfigProperty(name = "relais.api.max-json-bytes", defaultValue = "1048576")
  long maxJsonBytes;

  @Inject
  @ConfigProperty(name = "relais.api.max-import-bytes", defaultValue = "67108864")
  long maxImportBytes;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    long limit = limitFor(request.getContentType());
    long declared = request.getContentLengthLong();
    if (declared > limit) {
      if (declared > MAX_DISCARDED || !discard(request.getInputStream())) {
        response.setHeader("Connection", "close");
      }
      ApiErrorWriter.write(
          response, 413, "too_large", new BodyTooLargeException(limit).getMessage());
      return;
    }
    // A declared length is enforced by the container: only a body of unknown length needs counting.
    chain.doFilter(declared < 0 ? new Counted(request, limit) : request, response);
  }

  /**
   * Reads and drops a refused body of at most {@link #MAX_DISCARDED} bytes, so that a client still
   * sending it reads the answer rather than a reset connection; a longer one is not read at all.
   *
   * @return whether the body was read to its end
   */
  private static boolean discard(InputStream body) throws IOException {
    byte[] buffer = new byte[8192];
    long left = MAX_DISCARDED;
    for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
      left -= n;
      if (left < 0) {
        return false;
      }
    }
    return true;
  }

  /** Bodies that are not JSON are files to import, and may be longer. */
  long limitFor(String contentType) {
    boolean json = contentType == null || contentType.toLowerCase(Locale.ROOT).contains("json");
    return json ? maxJsonBytes : maxImportBytes;
  }

  /** A request whose body fails once it has given more bytes than the limit. */
  private static final class Counted extends HttpServletRequestWrapper {

    private final long limit;
    private ServletInputStream counted;

    Counted(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      String charset = getCharacterEncoding();
      return new BufferedReader(
          new InputStreamReader(
              getInputStream(),
              charset == null ? StandardCharsets.UTF_8 : Charset.forName(charset)));
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (counted == null) {
        counted = new CountedStream(super.getInputStream(), limit);
      }
      return counted;
    }
  }

  private static final class CountedStream extends ServletInputStream {

    private final ServletInputStream in;
    private final long limit;
    private long read;

    CountedStream(ServletInputStream in, long limit) {
      this.in = in;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws IOException {
      read += n;
      if (read > limit) {
        discard(in);
        throw new BodyTooLargeException(limit);
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
