package org.relais.telephony.sip;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.StringReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.relais.telephony.RegistryUnavailableException;

/**
 * Kamailio's JSON-RPC datagram socket ({@code relais.sip.registrar-rpc}, the {@code jsonrpcs}
 * module of the repository's configuration): one request, one datagram, one answer. What goes over
 * it may hold the phones' HA1s: nothing of a request is ever logged or put in an exception.
 */
@ApplicationScoped
public class KamailioRpc {

  private static final int TIMEOUT_MILLIS = 2000;
  private static final int LONGEST_ANSWER = 65_507;

  /**
   * Looked up once: {@code Json.createReader} and its kin look the provider up on the class path at
   * each call, a service loader's scan for every command sent and answer read.
   */
  private final JsonProvider json = JsonProvider.provider();

  @Inject
  @ConfigProperty(name = "relais.sip.registrar-rpc", defaultValue = "127.0.0.1:5061")
  String rpc;

  /**
   * Kamailio's answer to {@code method}: an object with a {@code result}, or with an {@code error}
   * where Kamailio refused.
   *
   * @throws RegistryUnavailableException when Kamailio does not answer
   */
  public JsonObject call(String method, String... params) {
    JsonArrayBuilder array = json.createArrayBuilder();
    for (String param : params) {
      array.add(param);
    }
    byte[] request =
        json.createObjectBuilder()
            .add("jsonrpc", "2.0")
            .add("method", method)
            .add("params", array)
            .add("id", 1)
            .build()
            .toString()
            .getBytes(StandardCharsets.UTF_8);
    int colon = rpc.lastIndexOf(':');
    InetSocketAddress kamailio =
        new InetSocketAddress(rpc.substring(0, colon), Integer.parseInt(rpc.substring(colon + 1)));
    try (DatagramSocket socket = new DatagramSocket()) {
      socket.setSoTimeout(TIMEOUT_MILLIS);
      socket.send(new DatagramPacket(request, request.length, kamailio));
      DatagramPacket reply = new DatagramPacket(new byte[LONGEST_ANSWER], LONGEST_ANSWER);
      socket.receive(reply);
      String text =
          new String(reply.getData(), reply.getOffset(), reply.getLength(), StandardCharsets.UTF_8);
      try (JsonReader reader = json.createReader(new StringReader(text))) {
        return reader.readObject();
      }
    } catch (IOException e) {
      throw new RegistryUnavailableException(
          "Kamailio's JSON-RPC at " + rpc + " does not answer " + method, e);
    }
  }
}
