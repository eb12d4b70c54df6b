package org.relais.agent;

import java.util.List;
import java.util.Set;

/**
 * What an admin fills in for an agent (SPEC E1). On update, a null password keeps the current one.
 */
public record AgentDraft(
    String name,
    String password,
    Role role,
    String extension,
    boolean extensionEditable,
    boolean enabled,
    boolean publicContactsEditable,
    Set<BannerModule> modules,
    List<GroupChoice> groups) {

  /** A membership asked for by group name. */
  public record GroupChoice(String group, boolean inbound, boolean outbound, int level) {}
}
