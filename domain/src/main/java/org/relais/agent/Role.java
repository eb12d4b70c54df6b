package org.relais.agent;

import java.util.Locale;

/**
 * What a person may do in an account. The platform operator is not an account role: it lives
 * outside every account (see the operator authentication).
 */
public enum Role {
  AGENT,
  SUPERVISOR,
  ADMIN;

  /** The role name used by Jakarta Security and in the API (`agent`, `supervisor`, `admin`). */
  public String securityName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role fromSecurityName(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
