package org.relais.web.view.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.stream.Collectors;
import org.relais.agent.AgentService;
import org.relais.agent.Role;
import org.relais.web.security.CurrentCaller;

/** The admin's list of the account's agents (SPEC E1). */
@Named
@ViewScoped
public class AgentsView implements Serializable {

  @Inject transient CurrentCaller caller;
  @Inject transient AgentService agents;

  private List<Row> rows;

  /** One agent as the list shows it. */
  public record Row(
      String login, String name, String role, String extension, boolean enabled, String groups) {}

  @PostConstruct
  void init() {
    rows =
        agents.list(caller.requireRole(Role.ADMIN)).stream()
            .map(
                a ->
                    new Row(
                        a.getLogin(),
                        a.getName(),
                        a.getRole().securityName(),
                        a.getExtension(),
                        a.isEnabled(),
                        a.getMemberships().stream()
                            .map(m -> m.getGroup().getName())
                            .sorted()
                            .collect(Collectors.joining(", "))))
            .toList();
  }

  public List<Row> getRows() {
    return rows;
  }
}
