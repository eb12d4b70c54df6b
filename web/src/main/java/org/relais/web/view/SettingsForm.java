package org.relais.web.view;

import java.io.Serializable;
import org.relais.agent.Agent;
import org.relais.agent.AgentSettings;

/** The wrench dialog's fields (SPEC D1-D7). */
public class SettingsForm implements Serializable {
  private String extension;
  private boolean extensionEditable;
  private boolean freeSeating;
  private int maxOpenCards;
  private boolean unavailableOnLogout;
  private boolean availableOnLogin;
  private boolean noLogoutConfirmation;
  private boolean qualificationPopup;

  /** The form filled with the agent's current settings. */
  static SettingsForm of(Agent agent) {
    SettingsForm form = new SettingsForm();
    AgentSettings s = agent.getSettings();
    form.extension = agent.getExtension();
    form.extensionEditable = agent.isExtensionEditable();
    form.maxOpenCards = s.getMaxOpenCards();
    form.unavailableOnLogout = s.isUnavailableOnLogout();
    form.availableOnLogin = s.isAvailableOnLogin();
    form.noLogoutConfirmation = s.isNoLogoutConfirmation();
    form.qualificationPopup = s.isQualificationPopup();
    return form;
  }

  /** The settings the form asks for; the extension and the free seating are saved apart. */
  AgentSettings toSettings() {
    return new AgentSettings(
        maxOpenCards,
        unavailableOnLogout,
        availableOnLogin,
        noLogoutConfirmation,
        qualificationPopup);
  }

  public String getExtension() {
    return extension;
  }

  public void setExtension(String extension) {
    this.extension = extension;
  }

  public boolean isExtensionEditable() {
    return extensionEditable;
  }

  public boolean isFreeSeating() {
    return freeSeating;
  }

  public void setFreeSeating(boolean freeSeating) {
    this.freeSeating = freeSeating;
  }

  public int getMaxOpenCards() {
    return maxOpenCards;
  }

  public void setMaxOpenCards(int maxOpenCards) {
    this.maxOpenCards = maxOpenCards;
  }

  public boolean isUnavailableOnLogout() {
    return unavailableOnLogout;
  }

  public void setUnavailableOnLogout(boolean unavailableOnLogout) {
    this.unavailableOnLogout = unavailableOnLogout;
  }

  public boolean isAvailableOnLogin() {
    return availableOnLogin;
  }

  public void setAvailableOnLogin(boolean availableOnLogin) {
    this.availableOnLogin = availableOnLogin;
  }

  public boolean isNoLogoutConfirmation() {
    return noLogoutConfirmation;
  }

  public void setNoLogoutConfirmation(boolean noLogoutConfirmation) {
    this.noLogoutConfirmation = noLogoutConfirmation;
  }

  public boolean isQualificationPopup() {
    return qualificationPopup;
  }

  public void setQualificationPopup(boolean qualificationPopup) {
    this.qualificationPopup = qualificationPopup;
  }
}
