package org.relais.web.it;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.relais.web.it.Api.Caller;

/**
 * A subscriber of {@code GET /api/v1/events} that stops reading once subscribed, as a wallboard
 * behind a stalled network does: the server's writes to it soon find its connection full. It can
 * resume reading later, to see what it was sent meanwhile.
 */
final class StalledSubscriber implements AutoCloseable {

  private final Socket socket = new Socket();
  private final InputStream body;

  StalledSubscriber(String baseUrl, Caller caller) throws IOException {
    URI uri = URI.create(baseUrl + "api/v1/events");
    // A small receive window, set before connecting, so that the connection fills sooner.
    socket.setReceiveBufferSize(1024);
    socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 10_000);
    socket.setSoTimeout(30_000);
    String request =
        "GET "
            + uri.getRawPath()
            + " HTTP/1.1\r\nHost: "
            + uri.getAuthority()
            + "\r\nAccept: text/event-stream\r\nAuthorization: "
            + caller.authorization()
            + "\r\n\r\n";
    socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
    InputStream in = new BufferedInputStream(socket.getInputStream());
    String head = readThrough(in, "\r\n\r\n");
    if (!head.startsWith("HTTP/1.1 200") || !head.toLowerCase().contains("chunked")) {
      throw new IOException("not an event stream: " + head);
    }
    body = new ChunkedBody(in);
    // The server's first comment: from then on the subscription is registered.
    readThrough(body, ": subscribed\n\n");
  }

  /** Reads up to the end of the given text; answers all it read. */
  private static String readThrough(InputStream in, String end) throws IOException {
    ByteArrayOutputStream read = new ByteArrayOutputStream();
    while (!read.toString(StandardCharsets.UTF_8).endsWith(end)) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("the stream closed before " + end.strip() + ": " + read);
      }
      read.write(b);
    }
    return read.toString(StandardCharsets.UTF_8);
  }

  /** Reads again, from where it stopped: the events it was sent meanwhile, then the new ones. */
  EventFeed resume() throws IOException {
    // Its window grows back: the backlog comes through in large reads, not a kilobyte at a time.
    socket.setReceiveBufferSize(1 << 20);
    BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    return new EventFeed(lines.lines(), this::close);
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The body of a chunked HTTP/1.1 answer, without its framing. */
  private static final class ChunkedBody extends InputStream {
    private final InputStream in;
    private long leftInChunk;
    private boolean first = true;
    private boolean ended;

    ChunkedBody(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      if (leftInChunk == 0 && !nextChunk()) {
        return -1;
      }
      int b = in.read();
      if (b < 0) {
        throw new IOException("the connection closed within a chunk");
      }
      leftInChunk--;
      return b;
    }

    /**
     * What has come of the current chunk, up to {@code len}: without this, the default reads a byte
     * at a time until {@code len} bytes have come, and a reader asking for 8 kB would not see the
     * stream's last events until heartbeats had made up the rest.
     */
    @Override
    public int read(byte[] into, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (leftInChunk == 0 && !nextChunk()) {
        return -1;
      }
      int read = in.read(into, off, (int) Math.min(len, leftInChunk));
      if (read < 0) {
        throw new IOException("the connection closed within a chunk");
      }
      leftInChunk -= read;
      return read;
    }

    private boolean nextChunk() throws IOException {
      if (ended) {
        return false;
      }
      if (!first) {
        line(); // the CRLF that ends the previous chunk
      }
      first = false;
      String size = line();
      if (size == null) {
        ended = true;
        return false;
      }
      int extension = size.indexOf(';');
      leftInChunk = Long.parseLong(extension < 0 ? size : size.substring(0, extension), 16);
      ended = leftInChunk == 0;
      return !ended;
    }

    /** One CRLF-ended line; null once the connection closed. */
    private String line() throws IOException {
      StringBuilder line = new StringBuilder();
      for (int b = in.read(); b != '\n'; b = in.read()) {
        if (b < 0) {
          return null;
        }
        if (b != '\r') {
          line.append((char) b);
        }
      }
      return line.toString();
    }
  }
}
