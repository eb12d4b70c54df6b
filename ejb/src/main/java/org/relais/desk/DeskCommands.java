package org.relais.desk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.relais.acd.Acd;
import org.relais.agent.Agent;
import org.relais.agent.BannerModule;
import org.relais.call.Call;

/**
 * The desk actions that belong to a banner module (SPEC A4): each checks that the agent's profile
 * has the module, then hands over to the engine. The banner and the API both act through here, so a
 * module the admin turned off is refused alike in both (403 in the API). The session's own actions
 * (connect, availability, cancelling a penalty, a transfer from the desk phone) belong to no module
 * and go to the engine directly.
 */
@ApplicationScoped
public class DeskCommands {

  @Inject Acd acd;

  /** The agent's inbound and outbound toggles for one of its groups (SPEC B2). */
  public void toggleGroup(Agent agent, String group, boolean inbound, boolean outbound) {
    agent.requireModule(BannerModule.GROUPS);
    acd.toggleGroup(agent.getId(), group, inbound, outbound);
  }

  /** Qualifies the call the agent just ended (SPEC B3). */
  public void qualify(Agent agent, String code) {
    agent.requireModule(BannerModule.QUALIFICATION);
    acd.qualify(agent.getId(), code);
  }

  /** Click-to-dial (SPEC B9); see {@link Acd#dial} for the call's rules. */
  public Call dial(Agent agent, String group, String number, String presentedNumber) {
    agent.requireModule(BannerModule.CLICK_TO_DIAL);
    return acd.dial(agent.getId(), group, number, presentedNumber);
  }
}
