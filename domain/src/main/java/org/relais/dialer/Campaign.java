package org.relais.dialer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.List;
import org.relais.InvalidFieldException;
import org.relais.account.Account;
import org.relais.group.QueueGroup;

/**
 * A list of numbers a group's outbound agents call (SPEC B11, E4), with its mode, recycling rules,
 * calling hours and limits; or a group's callback list, where callers who hung up while queued wait
 * to be called back (X1).
 */
@Entity
@Table(name = "campaign")
public class Campaign {

  @Id
  @SequenceGenerator(name = "relais_seq", sequenceName = "relais_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "relais_seq")
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "account_id", nullable = false, updatable = false)
  private Account account;

  @Column(nullable = false, length = 64)
  private String name;

  @ManyToOne(optional = false)
  @JoinColumn(name = "group_id", nullable = false)
  private QueueGroup group;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private DialMode mode;

  @Column(name = "caller_id", length = 32)
  private String callerId;

  @Column(nullable = false, length = 256)
  private String recycling;

  @Column(name = "calling_hours", nullable = false, length = 512)
  private String callingHours;

  @Column(name = "max_attempts_30_days", nullable = false)
  private int maxAttempts30Days;

  @Column(name = "max_abandon_rate", nullable = false)
  private double maxAbandonRate;

  /** Predictive: calls placed per free agent, adapted as the abandon rate goes. */
  @Column(name = "dial_level", nullable = false)
  private double dialLevel;

  @Column(nullable = false)
  private boolean active;

  /** Whether this is its group's callback list rather than a campaign an admin made. */
  @Column(nullable = false)
  private boolean callbacks;

  /**
   * The qualifications of its calls that mean the callee refused any further call (SPEC B11): the
   * number is then called by none of the account's campaigns for 60 days. Comma-separated.
   */
  @Column(nullable = false, length = 1024)
  private String refusals = "";

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Version private long version;

  protected Campaign() {}

  public Campaign(Account account, String name, CampaignDraft draft, OffsetDateTime createdAt) {
    this.account = account;
    rename(name);
    configure(draft);
    this.dialLevel = 1.0;
    this.createdAt = createdAt;
  }

  /**
   * The group's callback list (SPEC X1): callers who hung up while queued, called back within the
   * legal defaults. Named after the group's id, so that it never takes an admin's campaign name.
   */
  public static Campaign callbackList(Account account, QueueGroup group, OffsetDateTime at) {
    Campaign list =
        new Campaign(account, "callbacks-" + group.getId(), CampaignDraft.of(group), at);
    list.callbacks = true;
    return list;
  }

  public void rename(String newName) {
    String stripped = newName == null ? "" : newName.strip();
    if (stripped.isEmpty() || stripped.length() > 64) {
      throw new InvalidFieldException("name", "between 1 and 64 characters");
    }
    this.name = stripped;
  }

  public void configure(CampaignDraft draft) {
    this.group = draft.group();
    this.mode = draft.mode();
    this.callerId = draft.callerId();
    this.recycling = draft.recycling().encode();
    this.callingHours = draft.callingHours().encode();
    this.maxAttempts30Days = draft.maxAttempts30Days();
    this.maxAbandonRate = draft.maxAbandonRate();
    this.active = draft.active();
    // Moved to another group, it keeps only the refusals that group qualifies with.
    this.refusals =
        String.join(
            ",",
            getRefusals().stream().filter(group.settings().qualifications()::contains).toList());
  }

  /** Its settings, as a draft to change. */
  public CampaignDraft draft() {
    return new CampaignDraft(
        group,
        mode,
        callerId,
        getRecycling(),
        getCallingHours(),
        maxAttempts30Days,
        maxAbandonRate,
        active);
  }

  /**
   * Sets the predictive pace (SPEC B11): by an admin, or by the dialler as the abandon rate goes;
   * {@link DialLevel#MIN} to {@link DialLevel#MAX} calls per free agent.
   */
  public void adjustDialLevel(double level) {
    if (!(level >= DialLevel.MIN && level <= DialLevel.MAX)) {
      throw new InvalidFieldException(
          "dialLevel", "between " + DialLevel.MIN + " and " + DialLevel.MAX);
    }
    this.dialLevel = level;
  }

  public Long getId() {
    return id;
  }

  public Account getAccount() {
    return account;
  }

  public String getName() {
    return name;
  }

  public QueueGroup getGroup() {
    return group;
  }

  public DialMode getMode() {
    return mode;
  }

  public String getCallerId() {
    return callerId;
  }

  public Recycling getRecycling() {
    return Recycling.decode(recycling);
  }

  public CallingHours getCallingHours() {
    return CallingHours.decode(callingHours);
  }

  public int getMaxAttempts30Days() {
    return maxAttempts30Days;
  }

  public double getMaxAbandonRate() {
    return maxAbandonRate;
  }

  public double getDialLevel() {
    return dialLevel;
  }

  public boolean isActive() {
    return active;
  }

  public boolean isCallbacks() {
    return callbacks;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }

  public List<String> getRefusals() {
    return refusals.isEmpty() ? List.of() : List.of(refusals.split(","));
  }

  /**
   * Sets the qualifications that mean a refusal: each one of the group's, else a 400 naming {@code
   * refusals}.
   */
  public void changeRefusals(List<String> codes) {
    List<String> known = group.settings().qualifications();
    for (String code : codes) {
      if (!known.contains(code) || code.contains(",")) {
        throw new InvalidFieldException("refusals", "qualifications of the campaign's group");
      }
    }
    String joined = String.join(",", codes);
    if (joined.length() > 1024) {
      throw new InvalidFieldException("refusals", "at most 1024 characters in all");
    }
    this.refusals = joined;
  }
}
