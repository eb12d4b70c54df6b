package org.relais.web.push;

import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A wallboard's websocket ({@code /push/wallboard}, SPEC E5). The page sends its pass as its first
 * message, not in the address, so that no access log keeps it; a pass that lets nobody in closes
 * the socket with 1008 (the page then reloads, back to the login if its session is gone). Once in,
 * the socket only receives: {@link WallboardPush} sends it its board at once and at each change.
 */
@ServerEndpoint("/push/wallboard")
public class WallboardSocket {

  /** A pass is about a hundred characters; anything longer is no pass. */
  private static final int MAX_PASS = 512;

  private static final Logger LOG = Logger.getLogger(WallboardSocket.class.getName());

  @Inject WallboardPush push;

  @OnMessage(maxMessageSize = MAX_PASS)
  public void pass(Session socket, String pass) throws IOException {
    if (socket.getUserProperties().containsKey(WallboardPush.CHANNEL)) {
      return;
    }
    if (!push.join(socket, pass)) {
      socket.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "pass"));
    }
  }

  @OnClose
  public void closed(Session socket) {
    push.leave(socket);
  }

  /** A client that vanished is no news; anything else is a fault of this side, logged. */
  @OnError
  public void failed(Session socket, Throwable error) {
    if (!(error instanceof IOException)) {
      LOG.log(Level.WARNING, "wallboard socket failed", error);
    }
    push.leave(socket);
  }
}
