package org.relais.web.view;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.primefaces.PrimeFaces;
import org.relais.InvalidFieldException;
import org.relais.NoSuchEntityException;
import org.relais.NotPermittedException;
import org.relais.account.Account;
import org.relais.agent.Agent;
import org.relais.agent.AgentService;
import org.relais.directory.Contact;
import org.relais.directory.ContactDetails;
import org.relais.directory.ContactField;
import org.relais.directory.Directory;
import org.relais.directory.PhoneNumbers;
import org.relais.directory.Visibility;
import org.relais.web.security.CurrentCaller;

/**
 * The banner's directory module (SPEC B10): search the public contacts and the agent's own, add,
 * edit and delete them where the agent may; every number is a click-to-dial link. The screen pop's
 * "create contact" opens the same form with the caller's number.
 */
@Named
@ViewScoped
public class DirectoryView implements Serializable {

  /** How many contacts a search shows; a narrower query finds the others. */
  static final int SHOWN = 50;

  @Inject transient CurrentCaller caller;
  @Inject transient AgentService agents;
  @Inject transient Directory directory;

  private String login;
  private String query;
  private List<ContactLine> contacts = List.of();
  private long found;
  private Long editing;
  private Map<String, String> form = new HashMap<>();
  private boolean publicContact;
  private boolean mayWritePublic;

  /** A contact as the list shows it, with what the agent may do with it. */
  public record ContactLine(
      long id, String name, String company, List<Field> numbers, boolean isPublic, boolean writable)
      implements Serializable {}

  /** One field of a contact: its name (which the bundles translate) and its value. */
  public record Field(String name, String value) implements Serializable {}

  @PostConstruct
  void init() {
    login = caller.login();
    mayWritePublic = directory.mayWritePublic(agent());
    search();
  }

  public void search() {
    Agent agent = agent();
    Account account = caller.account();
    contacts =
        directory.search(account, agent, query, 0, SHOWN).stream()
            .map(c -> line(c, mayWritePublic || !c.isPublic()))
            .toList();
    found = directory.count(account, agent, query);
  }

  /** Opens an empty form; {@code number} (from a card) goes in the mobile or office field. */
  public void startNew(String number) {
    editing = null;
    form = new HashMap<>();
    if (number != null) {
      boolean mobile = PhoneNumbers.of(caller.account().getCountry()).isMobile(number);
      form.put(mobile ? "mobile" : "office", number);
    }
    publicContact = false;
  }

  public void edit(long id) {
    Contact contact = directory.get(caller.account(), agent(), id);
    editing = id;
    form = new HashMap<>();
    ContactDetails details = contact.details();
    for (ContactField field : ContactField.values()) {
      form.put(field.apiName(), details.value(field));
    }
    publicContact = contact.isPublic();
  }

  /**
   * Saves the form; on a refused field the dialog stays open with the field named. The dialog
   * learns which through the callback parameter {@code saved}.
   */
  public void save() {
    PrimeFaces.current().ajax().addCallbackParam("saved", saved());
  }

  private boolean saved() {
    ContactDetails details = ContactDetails.of(field -> form.get(field.apiName()));
    Visibility visibility =
        mayWritePublic && publicContact ? Visibility.PUBLIC : Visibility.PRIVATE;
    try {
      if (editing == null) {
        directory.create(caller.account(), agent(), details, visibility);
      } else {
        directory.update(caller.account(), agent(), editing, details, visibility);
      }
    } catch (InvalidFieldException e) {
      Messages.errorText(
          "contactForm",
          MessageFormat.format(
              Messages.text("directory.invalid"), Messages.text("contact." + e.getField())));
      return false;
    } catch (NotPermittedException | NoSuchEntityException e) {
      Messages.error("contactForm", "directory.notAllowed");
      return false;
    }
    Messages.info("saved");
    search();
    return true;
  }

  public void delete(long id) {
    try {
      directory.delete(caller.account(), agent(), id);
      Messages.info("deleted");
    } catch (NotPermittedException | NoSuchEntityException e) {
      Messages.error(null, "directory.notAllowed");
    }
    search();
  }

  private Agent agent() {
    return agents.get(caller.account(), login);
  }

  static ContactLine line(Contact c, boolean writable) {
    List<Field> numbers = fields(c.details(), ContactField.PHONES);
    return new ContactLine(
        c.getId(), c.displayName(), c.getCompany(), numbers, c.isPublic(), writable);
  }

  /** The contact's fields that have a value, in the card's order. */
  static List<Field> fields(ContactDetails details) {
    return fields(details, List.of(ContactField.values()));
  }

  private static List<Field> fields(ContactDetails details, List<ContactField> shown) {
    List<Field> fields = new ArrayList<>();
    for (ContactField field : shown) {
      if (details.value(field) != null) {
        fields.add(new Field(field.apiName(), details.value(field)));
      }
    }
    return fields;
  }

  /** The form's fields by API name, which the bundles' {@code contact.*} keys translate. */
  public List<String> getFields() {
    return ContactField.apiNames();
  }

  public String getQuery() {
    return query;
  }

  public void setQuery(String query) {
    this.query = query;
  }

  public List<ContactLine> getContacts() {
    return contacts;
  }

  public long getFound() {
    return found;
  }

  public Map<String, String> getForm() {
    return form;
  }

  public boolean isPublicContact() {
    return publicContact;
  }

  public void setPublicContact(boolean publicContact) {
    this.publicContact = publicContact;
  }

  public boolean isMayWritePublic() {
    return mayWritePublic;
  }
}
