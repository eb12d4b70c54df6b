package org.relais.web.it;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/**
 * A home router between a phone and Kamailio, on loopback, as far as SIP over UDP sees it: every
 * message of the phone's leaves from the router's one port, and every message that comes to that
 * port goes to the phone, whose own address (private, in its Contact) is not reachable from the
 * registrar. The phone is two SIPp processes here, one registering and one taking calls: the
 * answers to a REGISTER go back to whoever sent it, everything else to the phone's calls.
 */
final class NatRouter implements AutoCloseable {

  private final DatagramSocket socket;
  private final InetSocketAddress registrar;
  private final InetSocketAddress phone;
  private final Thread forwarding;
  private volatile SocketAddress registering;

  /** Forwards between Kamailio's {@code registrarPort} and the phone's calls' {@code phonePort}. */
  NatRouter(int registrarPort, int phonePort) {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    try {
      socket = new DatagramSocket(0, loopback);
    } catch (SocketException e) {
      throw new IllegalStateException(e);
    }
    registrar = new InetSocketAddress(loopback, registrarPort);
    phone = new InetSocketAddress(loopback, phonePort);
    forwarding = new Thread(this::forward, "nat-router");
    forwarding.setDaemon(true);
    forwarding.start();
  }

  /** The router's public side: where the registrar sees the phone. */
  int port() {
    return socket.getLocalPort();
  }

  private void forward() {
    byte[] buffer = new byte[65_535];
    while (!socket.isClosed()) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        socket.receive(packet);
        String message =
            new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
        SocketAddress to;
        if (!registrar.equals(packet.getSocketAddress())) {
          if (message.startsWith("REGISTER ")) {
            registering = packet.getSocketAddress();
          }
          to = registrar;
        } else {
          boolean registerAnswer =
              message.startsWith("SIP/2.0 ") && message.matches("(?s).*\\nCSeq: *\\d+ REGISTER.*");
          to = registerAnswer ? registering : phone;
        }
        if (to != null) {
          socket.send(new DatagramPacket(packet.getData(), packet.getLength(), to));
        }
      } catch (IOException e) {
        if (!socket.isClosed()) {
          throw new IllegalStateException(e);
        }
      }
    }
  }

  @Override
  public void close() {
    socket.close();
  }
}
