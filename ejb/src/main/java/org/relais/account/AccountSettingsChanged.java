package org.relais.account;

/** An account's settings (time zone, country) changed: the account as saved. */
public record AccountSettingsChanged(Account account) {}
