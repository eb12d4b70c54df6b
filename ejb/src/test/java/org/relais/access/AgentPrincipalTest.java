package org.relais.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AgentPrincipalTest {

  @Test
  void theAccountFollowsTheLastAt() {
    assertThat(AgentPrincipal.parse("jean@demo")).contains(new AgentPrincipal("jean", "demo"));
    assertThat(AgentPrincipal.parse("jean.dupont@example.com@demo"))
        .contains(new AgentPrincipal("jean.dupont@example.com", "demo"));
  }

  @Test
  void aNameWithoutLoginOrAccountIsNoAgent() {
    assertThat(AgentPrincipal.parse("operator")).isEmpty();
    assertThat(AgentPrincipal.parse("@demo")).isEmpty();
    assertThat(AgentPrincipal.parse("jean@")).isEmpty();
    assertThat(AgentPrincipal.parse(null)).isEmpty();
  }

  @Test
  void theNameReadsBack() {
    AgentPrincipal principal = new AgentPrincipal("jean.dupont@example.com", "demo");
    assertThat(AgentPrincipal.parse(principal.name())).contains(principal);
  }
}
