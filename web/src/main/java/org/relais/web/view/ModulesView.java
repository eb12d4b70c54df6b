package org.relais.web.view;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.relais.agent.Agent;
import org.relais.agent.AgentService;
import org.relais.agent.BannerModule;
import org.relais.web.security.CurrentCaller;

/**
 * How the banner lays out its modules for the agent: which it folded away (kept on the server, so
 * that the choice follows the agent to another workstation), and, in a window of their own (the
 * manual's <em>Détacher</em>), the one module that window shows. A detached window is the banner
 * itself reduced to that module, so it stays live as the banner does.
 */
@Named
@ViewScoped
public class ModulesView implements Serializable {

  /** The modules the manual lets the agent detach: the lines and the cards. */
  private static final Set<BannerModule> DETACHABLE =
      EnumSet.of(BannerModule.LINES, BannerModule.SCREEN_POP);

  @Inject transient CurrentCaller caller;
  @Inject transient AgentService agents;

  private String login;
  private Set<BannerModule> enabled;
  private Set<BannerModule> collapsed;
  private BannerModule detached;

  @PostConstruct
  void init() {
    Agent agent = agents.get(caller.account(), caller.login());
    login = agent.getLogin();
    enabled = agent.getModules();
    collapsed = EnumSet.noneOf(BannerModule.class);
    enabled.stream().filter(agent::isCollapsed).forEach(collapsed::add);
    detached = moduleNamed(parameters().get("detached")).filter(DETACHABLE::contains).orElse(null);
  }

  /** Whether this page shows the module: enabled, and the detached one in a detached window. */
  public boolean shown(String module) {
    BannerModule m = BannerModule.valueOf(module);
    return enabled.contains(m) && (detached == null || detached == m);
  }

  public boolean collapsed(String module) {
    return collapsed.contains(BannerModule.valueOf(module));
  }

  /** Whether the module offers its own window: not in a window that already is one. */
  public boolean detachable(String module) {
    return detached == null && DETACHABLE.contains(BannerModule.valueOf(module));
  }

  public boolean isDetached() {
    return detached != null;
  }

  /**
   * Remembers the agent's folding of a module, sent by the page as the request parameters {@code
   * module} and {@code collapsed}. A module the profile lacks, or a name that is none, changes
   * nothing.
   */
  public void remember() {
    Map<String, String> parameters = parameters();
    boolean fold = Boolean.parseBoolean(parameters.get("collapsed"));
    moduleNamed(parameters.get("module"))
        .filter(enabled::contains)
        .ifPresent(
            module -> {
              agents.collapseModule(caller.account(), login, module, fold);
              if (fold) {
                collapsed.add(module);
              } else {
                collapsed.remove(module);
              }
            });
  }

  private static Map<String, String> parameters() {
    return FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
  }

  private static Optional<BannerModule> moduleNamed(String name) {
    return Arrays.stream(BannerModule.values()).filter(m -> m.name().equals(name)).findFirst();
  }
}
