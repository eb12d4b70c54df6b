package org.relais.telephony.sip;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.relais.telephony.PhoneRegistration;
import org.relais.telephony.PhoneRegistry;
import org.relais.telephony.RegistryUnavailableException;

/**
 * The phones registered at Kamailio, asked over its JSON-RPC ({@link KamailioRpc}): one {@code
 * ul.lookup} of {@code extension@account} per phone, so that an answer fits a datagram however many
 * phones there are.
 */
@Typed(KamailioRegistry.class)
@ApplicationScoped
public class KamailioRegistry implements PhoneRegistry {

  @Inject KamailioRpc rpc;

  @Override
  public PhoneRegistration registration(String account, String extension) {
    if (extension == null) {
      return PhoneRegistration.absent(null); // no phone to register
    }
    JsonObject answer = rpc.call("ul.lookup", "location", extension + "@" + account);
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
      return rpc.call("core.uptime").containsKey("result");
    } catch (RegistryUnavailableException e) {
      return false;
    }
  }
}
