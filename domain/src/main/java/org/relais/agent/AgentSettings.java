package org.relais.agent;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The banner settings an agent saves from the wrench dialog (SPEC D3-D7). Immutable: a change
 * replaces the whole value.
 */
@Embeddable
public class AgentSettings {

  public static final int DEFAULT_MAX_OPEN_CARDS = 5;

  @Column(name = "max_open_cards", nullable = false)
  private int maxOpenCards;

  @Column(name = "unavailable_on_logout", nullable = false)
  private boolean unavailableOnLogout;

  @Column(name = "available_on_login", nullable = false)
  private boolean availableOnLogin;

  @Column(name = "no_logout_confirmation", nullable = false)
  private boolean noLogoutConfirmation;

  @Column(name = "qualification_popup", nullable = false)
  private boolean qualificationPopup;

  protected AgentSettings() {}

  public AgentSettings(
      int maxOpenCards,
      boolean unavailableOnLogout,
      boolean availableOnLogin,
      boolean noLogoutConfirmation,
      boolean qualificationPopup) {
    if (maxOpenCards < 1 || maxOpenCards > 50) {
      throw new IllegalArgumentException("maxOpenCards must be between 1 and 50");
    }
    this.maxOpenCards = maxOpenCards;
    this.unavailableOnLogout = unavailableOnLogout;
    this.availableOnLogin = availableOnLogin;
    this.noLogoutConfirmation = noLogoutConfirmation;
    this.qualificationPopup = qualificationPopup;
  }

  public static AgentSettings defaults() {
    return new AgentSettings(DEFAULT_MAX_OPEN_CARDS, true, false, false, true);
  }

  public int getMaxOpenCards() {
    return maxOpenCards;
  }

  public boolean isUnavailableOnLogout() {
    return unavailableOnLogout;
  }

  public boolean isAvailableOnLogin() {
    return availableOnLogin;
  }

  public boolean isNoLogoutConfirmation() {
    return noLogoutConfirmation;
  }

  public boolean isQualificationPopup() {
    return qualificationPopup;
  }
}
