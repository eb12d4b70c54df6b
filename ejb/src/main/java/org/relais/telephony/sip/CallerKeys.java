package org.relais.telephony.sip;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.StringReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The keys callers press (DTMF, RFC 4733 telephone events in their audio), as rtpengine hears them
 * in the media it anchors and tells them: one JSON datagram a key, to the address it is given with
 * {@code --dtmf-log-dest} ({@code relais.sip.dtmf}), such as {@code
 * {"callid":"42","source_tag":"…","type":"DTMF","event":1,"duration":120,…}}. Each key is handed on
 * from a thread of its own; a datagram that is not a key is logged and dropped.
 */
final class CallerKeys implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(CallerKeys.class.getName());

  /** A longer datagram than any key's: rtpengine's are about 200 bytes. */
  private static final int LONGEST = 2048;

  /** A key pressed: the media session (the engine's first id of the call), the party, the key. */
  record Key(String session, String party, char key) {}

  /** RFC 4733's events 0 to 15: the digits, then *, #, and A to D. */
  private static final String KEYS = "0123456789*#ABCD";

  private final DatagramSocket socket;
  private static final JsonProvider JSON = JsonProvider.provider();
  private final Consumer<Key> pressed;

  /**
   * Listens on {@code hostAndPort}, and hands each key to {@code pressed}.
   *
   * @throws SocketException where the address cannot be bound
   */
  CallerKeys(String hostAndPort, ThreadFactory threads, Consumer<Key> pressed)
      throws SocketException {
    int colon = hostAndPort.lastIndexOf(':');
    this.socket =
        new DatagramSocket(
            new InetSocketAddress(
                hostAndPort.substring(0, colon),
                Integer.parseInt(hostAndPort.substring(colon + 1))));
    this.pressed = pressed;
    threads.newThread(this::listen).start();
  }

  private void listen() {
    byte[] buffer = new byte[LONGEST];
    while (!socket.isClosed()) {
      DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
      try {
        socket.receive(datagram);
      } catch (IOException e) {
        if (!socket.isClosed()) {
          LOG.log(Level.WARNING, "rtpengine's DTMF events can no longer be heard", e);
        }
        return;
      }
      String text =
          new String(
              datagram.getData(),
              datagram.getOffset(),
              datagram.getLength(),
              StandardCharsets.UTF_8);
      Key key = key(text);
      if (key != null) {
        try {
          pressed.accept(key);
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "a caller's key was not handled: " + key, e);
        }
      }
    }
  }

  /** The key a datagram of rtpengine's tells, or null where it tells none. */
  static Key key(String text) {
    try (JsonReader reader = JSON.createReader(new StringReader(text))) {
      JsonObject event = reader.readObject();
      int code = event.getInt("event", -1);
      if (!"DTMF".equals(event.getString("type", "DTMF"))
          || code < 0
          || code >= KEYS.length()
          || !event.containsKey("callid")
          || !event.containsKey("source_tag")) {
        LOG.warning("rtpengine's DTMF event not understood: " + text);
        return null;
      }
      return new Key(event.getString("callid"), event.getString("source_tag"), KEYS.charAt(code));
    } catch (JsonException | ClassCastException e) {
      LOG.warning("rtpengine's DTMF event not understood: " + text);
      return null;
    }
  }

  @Override
  public void close() {
    socket.close();
  }
}
