package org.relais.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.relais.InvalidFieldException;
import org.relais.account.Account;
import org.relais.group.GroupSettings;
import org.relais.group.QueueGroup;

class AgentGroupsTest {

  private final Account account =
      new Account("demo", OffsetDateTime.of(2025, 3, 1, 9, 0, 0, 0, ZoneOffset.UTC));
  private final Map<String, QueueGroup> groups =
      Map.of(
          "Commercial", new QueueGroup(account, "Commercial", GroupSettings.defaults()),
          "Technique", new QueueGroup(account, "Technique", GroupSettings.defaults()));
  private final Function<String, QueueGroup> groupNamed =
      name ->
          Optional.ofNullable(groups.get(name))
              .orElseThrow(() -> new InvalidFieldException("groups", "the account's groups"));

  @Test
  void assignmentsByGroupNameBecomeMembershipsThatReadBackTheSame() {
    Agent agent = new Agent(account, "marie", "Marie", "hash", Role.AGENT);
    List<GroupAssignment> asked =
        List.of(
            new GroupAssignment("Commercial", true, true, 7),
            new GroupAssignment("Technique", true, false, 3));

    agent.assignGroups(asked, groupNamed);

    assertThat(agent.getMemberships().stream().map(GroupAssignment::of))
        .containsExactlyInAnyOrderElementsOf(asked);
  }

  @Test
  void anUnknownGroupLeavesTheMembershipsAsTheyWere() {
    Agent agent = new Agent(account, "marie", "Marie", "hash", Role.AGENT);
    agent.assignGroups(List.of(new GroupAssignment("Commercial", true, false, 5)), groupNamed);

    assertThatThrownBy(
            () ->
                agent.assignGroups(
                    List.of(new GroupAssignment("Inconnu", true, false, 5)), groupNamed))
        .isInstanceOf(InvalidFieldException.class);
    assertThat(agent.getMemberships().stream().map(GroupAssignment::of))
        .containsExactly(new GroupAssignment("Commercial", true, false, 5));
  }

  @Test
  void aGroupAskedTwiceIsRefused() {
    Agent agent = new Agent(account, "marie", "Marie", "hash", Role.AGENT);

    assertThatThrownBy(
            () ->
                agent.assignGroups(
                    List.of(
                        new GroupAssignment("Commercial", true, false, 5),
                        new GroupAssignment("Commercial", false, true, 5)),
                    groupNamed))
        .isInstanceOf(InvalidFieldException.class)
        .extracting(e -> ((InvalidFieldException) e).getField())
        .isEqualTo("groups");
  }
}
