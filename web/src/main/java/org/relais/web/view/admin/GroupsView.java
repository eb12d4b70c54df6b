package org.relais.web.view.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.relais.agent.Role;
import org.relais.group.GroupService;
import org.relais.group.GroupSettings;
import org.relais.web.security.CurrentCaller;

/** The admin's list of the account's groups (SPEC E2). */
@Named
@ViewScoped
public class GroupsView implements Serializable {

  @Inject transient CurrentCaller caller;
  @Inject transient GroupService groups;

  private List<Row> rows;

  /** One group as the list shows it. */
  public record Row(
      String name,
      String strategy,
      int priority,
      int ringTimeout,
      int penalty,
      int wrapUp,
      int qualifications) {}

  @PostConstruct
  void init() {
    rows =
        groups.list(caller.requireRole(Role.ADMIN)).stream()
            .map(
                g -> {
                  GroupSettings s = g.settings();
                  return new Row(
                      g.getName(),
                      s.strategy().name(),
                      s.priority(),
                      s.ringTimeout(),
                      s.penalty(),
                      s.wrapUp(),
                      s.qualifications().size());
                })
            .toList();
  }

  public List<Row> getRows() {
    return rows;
  }
}
