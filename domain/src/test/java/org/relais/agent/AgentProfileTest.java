package org.relais.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.relais.InvalidFieldException;
import org.relais.NotPermittedException;
import org.relais.account.Account;
import org.relais.telephony.PhoneCredential;

class AgentProfileTest {

  private final Account account =
      new Account("demo", OffsetDateTime.of(2025, 3, 1, 9, 0, 0, 0, ZoneOffset.UTC));

  @Test
  void aNewAgentMayUseEveryModule() {
    Agent agent = new Agent(account, "marie", "Marie", "hash", Role.AGENT);

    for (BannerModule module : BannerModule.values()) {
      assertThatCode(() -> agent.requireModule(module)).doesNotThrowAnyException();
    }
  }

  @Test
  void aModuleLeftOutOfTheProfileIsRefusedAndTheOthersAllowed() {
    Agent agent = new Agent(account, "marie", "Marie", "hash", Role.AGENT);
    agent.enableModules(EnumSet.of(BannerModule.SESSION, BannerModule.TEAM));

    assertThatCode(() -> agent.requireModule(BannerModule.TEAM)).doesNotThrowAnyException();
    assertThatThrownBy(() -> agent.requireModule(BannerModule.STATISTICS))
        .isInstanceOf(NotPermittedException.class)
        .hasMessageContaining("STATISTICS");
  }

  @Test
  void aNewAgentSeesEveryModuleOpenAndFoldsOneAwayUntilItOpensItAgain() {
    Agent agent = new Agent(account, "marie", "Marie", "hash", Role.AGENT);

    assertThat(BannerModule.values()).noneMatch(agent::isCollapsed);
    agent.collapseModule(BannerModule.STATISTICS, true);
    assertThat(agent.isCollapsed(BannerModule.STATISTICS)).isTrue();
    assertThat(agent.isCollapsed(BannerModule.TEAM)).isFalse();

    agent.collapseModule(BannerModule.STATISTICS, false);
    assertThat(agent.isCollapsed(BannerModule.STATISTICS)).isFalse();
  }

  @Test
  void theSipPasswordIsKeptAsTheHa1OfTheAgentsExtensionAtItsAccount() {
    Agent agent = new Agent(account, "marie", "Marie", "hash", Role.AGENT);
    agent.assignExtension("501", false);

    agent.changeSipPassword("right-pass");

    assertThat(agent.phoneCredential())
        .isEqualTo(
            new PhoneCredential("demo", "501", PhoneCredential.ha1("501", "demo", "right-pass")));
  }

  @Test
  void anotherExtensionDropsTheSipPasswordButTheSameOneKeepsIt() {
    Agent agent = new Agent(account, "marie", "Marie", "hash", Role.AGENT);
    agent.assignExtension("501", true);
    agent.changeSipPassword("right-pass");

    agent.assignExtension("501", true);
    assertThat(agent.phoneCredential().ha1()).isNotNull();
    agent.changeOwnExtension("502");
    assertThat(agent.phoneCredential()).isEqualTo(new PhoneCredential("demo", "502", null));
  }

  @Test
  void aSipPasswordTooShortTooLongOrWithoutExtensionIsRefused() {
    Agent agent = new Agent(account, "marie", "Marie", "hash", Role.AGENT);

    assertThatThrownBy(() -> agent.changeSipPassword("long-enough"))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("sipPassword");
    agent.assignExtension("501", false);
    for (String refused : new String[] {"7-chars", "x".repeat(65)}) {
      assertThatThrownBy(() -> agent.changeSipPassword(refused))
          .isInstanceOf(InvalidFieldException.class)
          .hasMessageStartingWith("sipPassword");
    }
    agent.changeSipPassword("x".repeat(64));
    agent.changeSipPassword("8-chars!");
  }
}
