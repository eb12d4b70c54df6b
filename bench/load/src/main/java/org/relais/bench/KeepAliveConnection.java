package org.relais.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One plain HTTP/1.1 connection kept open from request to request, for the calls the driver
 * places. The JDK's HttpClient costs the driver more than a millisecond of CPU per request, and the
 * driver shares the machine with the server it measures: this costs a few tens of microseconds.
 * Not thread-safe: one per worker thread.
 */
final class KeepAliveConnection implements AutoCloseable {

  /** A reply: its status and body. */
  record Reply(int status, String body) {}

  private final String host;
  private final int port;
  private final String pathPrefix;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  KeepAliveConnection(URI base) {
    this.host = base.getHost();
    this.port = base.getPort() < 0 ? 80 : base.getPort();
    String path = base.getPath();
    this.pathPrefix = path.endsWith("/") ? path : path + "/";
  }

  /** POSTs a JSON body; reconnects once if the server had closed the idle connection. */
  Reply postJson(String path, String authorization, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    byte[] head =
        ("POST " + pathPrefix + path + " HTTP/1.1\r\n"
                + "Host: " + host + ":" + port + "\r\n"
                + "Authorization: " + authorization + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Accept: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    boolean reused = socket != null;
    try {
      return exchange(head, body);
    } catch (IOException e) {
      close();
      if (!reused) {
        throw e;
      }
      return exchange(head, body);
    }
  }

  private Reply exchange(byte[] head, byte[] body) throws IOException {
    if (socket == null) {
      socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(host, port), 5_000);
      socket.setSoTimeout(30_000);
      in = new BufferedInputStream(socket.getInputStream(), 8192);
      out = socket.getOutputStream();
    }
    byte[] request = new byte[head.length + body.length];
    System.arraycopy(head, 0, request, 0, head.length);
    System.arraycopy(body, 0, request, head.length, body.length);
    out.write(request);
    out.flush();

    String statusLine = line();
    if (statusLine == null) {
      throw new IOException("connection closed");
    }
    int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
    int length = -1;
    boolean chunked = false;
    boolean closeAfter = false;
    for (String header = line(); header != null && !header.isEmpty(); header = line()) {
      String lower = header.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Integer.parseInt(lower.substring(15).trim());
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      } else if (lower.startsWith("connection:") && lower.contains("close")) {
        closeAfter = true;
      }
    }
    String text = new String(chunked ? chunks() : bytes(Math.max(length, 0)), StandardCharsets.UTF_8);
    if (closeAfter) {
      close();
    }
    return new Reply(status, text);
  }

  private byte[] chunks() throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (int size = Integer.parseInt(line().split(";")[0].trim(), 16);
        size > 0;
        size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
      all.write(bytes(size));
      line(); // the CRLF after the chunk
    }
    for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
      // trailers carry nothing the driver needs
    }
    return all.toByteArray();
  }

  private byte[] bytes(int n) throws IOException {
    byte[] b = in.readNBytes(n);
    if (b.length < n) {
      throw new IOException("connection closed in a body");
    }
    return b;
  }

  /** One header line without its CRLF, or null at the end of the stream. */
  private String line() throws IOException {
    StringBuilder s = new StringBuilder(64);
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        int end = s.length();
        return end > 0 && s.charAt(end - 1) == '\r' ? s.substring(0, end - 1) : s.toString();
      }
      s.append((char) c);
    }
    return s.length() == 0 ? null : s.toString();
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing a connection the driver no longer needs
      }
      socket = null;
    }
  }
}
