package org.relais.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.relais.agent.Agent;
import org.relais.agent.AgentService;
import org.relais.agent.Role;
import org.relais.telephony.PhoneRegistration;
import org.relais.telephony.PhoneRegistry;
import org.relais.telephony.RegistryUnavailableException;
import org.relais.telephony.SwitchProducer;
import org.relais.web.security.CurrentCaller;

/** The switch and whether the account's agents' phones are registered (docs/API.md, Telephony). */
@ApplicationScoped
@Path("/telephony")
@Produces(MediaType.APPLICATION_JSON)
public class TelephonyResource {

  @Inject CurrentCaller caller;
  @Inject AgentService agents;
  @Inject SwitchProducer switches;
  @Inject PhoneRegistry registry;

  /** The active switch and the registration of each extension of the account's agents. */
  public record Telephony(
      @JsonbProperty("switch") String switchKind, List<PhoneRegistration> registrations) {}

  @GET
  public Telephony telephony() {
    var account = caller.requireRole(Role.ADMIN);
    try {
      return new Telephony(
          switches.kind(),
          agents.list(account).stream()
              .map(Agent::getExtension)
              .filter(extension -> extension != null && !extension.isBlank())
              .sorted()
              .map(extension -> registry.registration(account.getName(), extension))
              .toList());
    } catch (RegistryUnavailableException e) {
      throw new ServiceUnavailableException(e.getMessage());
    }
  }
}
