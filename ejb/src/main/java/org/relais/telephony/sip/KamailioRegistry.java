package org.relais.telephony.sip;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.relais.telephony.PhoneRegistration;
import org.relais.telephony.PhoneRegistry;
import org.relais.telephony.RegistryUnavailableException;

/**
 * The phones registered at Kamailio, asked over its JSON-RPC datagram socket ({@code
 * relais.sip.registrar-rpc}, the {@code jsonrpcs} module of the repository's configuration): one
 * {@code ul.lookup} of {@code extension@account} per phone, so that an answer fits a datagram
 * however many phones there are.
 */
@Typed(KamailioRegistry.class)
@ApplicationScoped
public class KamailioRegistry implements PhoneRegistry {

  private static final int TIMEOUT_MILLIS = 2000;
  private static final int LONGEST_ANSWER = 65_507;

  @Inject
  @ConfigProperty(name = "relais.sip.registrar-rpc", defaultValue = "127.0.0.1:5061")
  String rpc;

  @Override
  public PhoneRegistration registration(String account, String extension) {
    JsonObject answer = call("ul.lookup", extension + "@" + account);
    if (!answer.containsKey("result")) {
      return PhoneRegistration.absent(extension); // "AOR not found"
    }
    JsonArray contacts = answer.getJsonObject("result").getJsonArray("Contacts");
    if (contacts == null || contacts.isEmpty()) {
      return PhoneRegistration.absent(extension);
    }
    JsonObject contact = contacts.getJsonObject(0).getJsonObject("Contact");
    return new PhoneRegistration(
        extension, true, contact.getString("Address"), contact.getInt("Expires"));
  }

  @Override
  public boolean answers() {
    try {
      return call("core.uptime", Json.createArrayBuilder()).containsKey("result");
    } catch (RegistryUnavailableException e) {
      return false;
    }
  }

  private JsonObject call(String method, String aor) {
    return call(method, Json.createArrayBuilder().add("location").add(aor));
  }

  private JsonObject call(String method, JsonArrayBuilder params) {
    byte[] request =
        Json.createObjectBuilder()
            .add("jsonrpc", "2.0")
            .add("method", method)
            .add("params", params)
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
      try (JsonReader reader = Json.createReader(new StringReader(text))) {
        return reader.readObject();
      }
    } catch (IOException e) {
      throw new RegistryUnavailableException(
          "Kamailio's JSON-RPC at " + rpc + " does not answer", e);
    }
  }
}
