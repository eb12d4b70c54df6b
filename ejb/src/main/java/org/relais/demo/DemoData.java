package org.relais.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.relais.account.Account;
import org.relais.account.AccountService;
import org.relais.agent.Agent;
import org.relais.agent.AgentDraft;
import org.relais.agent.AgentService;
import org.relais.agent.BannerModule;
import org.relais.agent.GroupAssignment;
import org.relais.agent.Role;
import org.relais.directory.ContactDetails;
import org.relais.directory.Directory;
import org.relais.directory.Visibility;
import org.relais.group.GroupService;
import org.relais.group.GroupSettings;
import org.relais.group.RoutingStrategy;

/**
 * Loads the demo account once when {@code relais.demo=true}: the groups of the manual, an admin, a
 * supervisor and three agents, so that a newcomer can log in and see the banner at once.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigration")
public class DemoData {

  public static final String ACCOUNT = "demo";

  /** The SIP password of every demo agent's phone, so that a softphone registers at once. */
  static final String PHONE_PASSWORD = "demo-phone";

  /** The demo directory: the README's sample call comes from 06 00 00 00 00, Aurélie Durand. */
  static final List<ContactDetails> CONTACTS =
      List.of(
          client("Durand", "Aurélie", "Boulangerie Durand", null, "06 00 00 00 00"),
          client("Lefèvre", "Marc", "ACME Industrie", "01 23 45 67 89", null),
          client("Bernard", "Sophie", null, null, "07 81 23 45 67"));

  private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

  @Inject
  @ConfigProperty(name = "relais.demo", defaultValue = "false")
  boolean enabled;

  @Inject AccountService accounts;
  @Inject GroupService groups;
  @Inject AgentService agents;
  @Inject Directory directory;

  @PostConstruct
  void load() {
    if (!enabled) {
      return;
    }
    LOG.warning(
        "DEMO MODE is on: the demo account, the operator password 'operator' and passwords of"
            + " 4 characters are accepted. Not for production: start with relais.demo=false"
            + " (RELAIS_DEMO=false) and an operator password of 12 characters or more.");
    if (accounts.byName(ACCOUNT).isPresent()) {
      return;
    }
    Account demo = accounts.create(ACCOUNT, "admin", "admin");
    groups.create(
        demo, "Administratif", settings(0, "Prise commande", "Réclamation", "Facturation"));
    groups.create(demo, "Commercial", settings(5, "Vente", "Devis", "Sans suite"));
    groups.create(demo, "Technique", settings(0, "Résolu", "Escaladé", "Rappel prévu"));
    agents.create(
        demo,
        "superviseur",
        draft(
            "Superviseur",
            "superviseur",
            Role.SUPERVISOR,
            "200",
            List.of(
                new GroupAssignment("Administratif", true, false, 5),
                new GroupAssignment("Commercial", true, false, 5),
                new GroupAssignment("Technique", true, false, 5))));
    agents.create(
        demo,
        "agent1",
        draft(
            "Agent 1",
            "agent",
            Role.AGENT,
            "201",
            List.of(
                new GroupAssignment("Administratif", true, false, 8),
                new GroupAssignment("Commercial", true, true, 5))));
    agents.create(
        demo,
        "agent2",
        draft(
            "Agent 2",
            "agent",
            Role.AGENT,
            "202",
            List.of(
                new GroupAssignment("Commercial", true, true, 7),
                new GroupAssignment("Technique", true, false, 4))));
    agents.create(
        demo,
        "agent3",
        draft(
            "Agent 3",
            "agent",
            Role.AGENT,
            "203",
            List.of(
                new GroupAssignment("Administratif", true, false, 3),
                new GroupAssignment("Technique", true, true, 9))));
    Agent admin = agents.get(demo, "admin");
    for (ContactDetails contact : CONTACTS) {
      directory.create(demo, admin, contact, Visibility.PUBLIC);
    }
    LOG.info("Demo account 'demo' loaded");
  }

  private static ContactDetails client(
      String lastName, String firstName, String company, String office, String mobile) {
    return new ContactDetails(
        lastName, firstName, company, null, office, mobile, null, null, "Client", null, null, null);
  }

  private static GroupSettings settings(int priority, String... qualifications) {
    return new GroupSettings(
        20,
        30,
        10,
        true,
        0,
        null,
        RoutingStrategy.LONGEST_IDLE,
        priority,
        List.of(qualifications),
        List.of("0102030405"),
        false,
        null);
  }

  private static AgentDraft draft(
      String name, String password, Role role, String extension, List<GroupAssignment> groups) {
    return new AgentDraft(
        name,
        password,
        PHONE_PASSWORD,
        role,
        extension,
        true,
        true,
        false,
        EnumSet.allOf(BannerModule.class),
        groups);
  }
}
