package org.relais.directory;

/** Who sees a contact (SPEC B10): the whole account, or only the agent who owns it. */
public enum Visibility {
  PUBLIC,
  PRIVATE
}
