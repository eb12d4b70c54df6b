package org.relais.web.view;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.relais.agent.Agent;
import org.relais.agent.AgentService;
import org.relais.agent.BannerModule;
import org.relais.web.security.CurrentCaller;

/**
 * The agent banner (SPEC B): the state bar and one region per module, in the manual's order, each
 * rendered only where the agent's profile enables it (SPEC A4).
 */
@Named
@ViewScoped
public class BannerView implements Serializable {

  @Inject transient CurrentCaller caller;
  @Inject transient AgentService agents;

  private String login;
  private String name;
  private String extension;
  private boolean logoutConfirmation;
  private List<BannerModule> modules;

  @PostConstruct
  void init() {
    Agent agent = agents.get(caller.account(), caller.login());
    login = agent.getLogin();
    name = agent.getName();
    extension = agent.getExtension();
    logoutConfirmation = !agent.getSettings().isNoLogoutConfirmation();
    modules = Arrays.stream(BannerModule.values()).filter(agent::hasModule).toList();
  }

  public boolean enabled(String module) {
    return modules.contains(BannerModule.valueOf(module));
  }

  /** The agent's state until the ACD connects the banner: not yet taking calls. */
  public String getAvailability() {
    return "DISCONNECTED";
  }

  public String getActivity() {
    return "IDLE";
  }

  public String getLogin() {
    return login;
  }

  public String getName() {
    return name;
  }

  public String getExtension() {
    return extension;
  }

  public boolean isLogoutConfirmation() {
    return logoutConfirmation;
  }
}
