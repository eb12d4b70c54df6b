package org.relais.group;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.relais.InvalidFieldException;
import org.relais.account.Account;
import org.relais.call.RecordingPolicy;

/**
 * A call queue bound to a skill (French: groupement), with the timers, qualification list and
 * routing rules the engine applies to its calls (SPEC E2). Its configuration changes only as a
 * whole through {@link #configure(GroupSettings)}, which checks it.
 */
@Entity
@Table(name = "queue_group")
public class QueueGroup {

  @Id
  @SequenceGenerator(name = "relais_seq", sequenceName = "relais_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "relais_seq")
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "account_id", nullable = false, updatable = false)
  private Account account;

  @Column(nullable = false, length = 64)
  private String name;

  @Column(name = "ring_timeout", nullable = false)
  private int ringTimeout;

  @Column(nullable = false)
  private int penalty;

  @Column(name = "wrap_up", nullable = false)
  private int wrapUp;

  @Column(name = "qualification_required", nullable = false)
  private boolean qualificationRequired;

  @Column(name = "auto_qualify", nullable = false)
  private int autoQualify;

  @Column(name = "auto_qualify_code", length = 128)
  private String autoQualifyCode;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private RoutingStrategy strategy;

  @Column(nullable = false)
  private int priority;

  @Column(name = "card_url", length = 2048)
  private String cardUrl;

  @Column(name = "caller_id_selectable", nullable = false)
  private boolean callerIdSelectable;

  @ElementCollection(fetch = FetchType.LAZY)
  @CollectionTable(name = "group_qualification", joinColumns = @JoinColumn(name = "group_id"))
  @OrderColumn(name = "position")
  @Column(name = "code", nullable = false, length = 128)
  private List<String> qualifications = new ArrayList<>();

  @ElementCollection(fetch = FetchType.LAZY)
  @CollectionTable(name = "group_caller_id", joinColumns = @JoinColumn(name = "group_id"))
  @OrderColumn(name = "position")
  @Column(name = "number", nullable = false, length = 32)
  private List<String> callerIds = new ArrayList<>();

  /** The numbers a trunk calls to reach the group (SPEC F2), in E.164. */
  @ElementCollection(fetch = FetchType.LAZY)
  @CollectionTable(name = "group_number", joinColumns = @JoinColumn(name = "group_id"))
  @OrderColumn(name = "position")
  @Column(name = "number", nullable = false, length = 32)
  private List<String> numbers = new ArrayList<>();

  /** Supervision's target (SPEC E5), apart from the settings the engine applies to calls. */
  @Column(name = "service_level_seconds", nullable = false)
  private int serviceLevelSeconds = GroupRules.DEFAULT.serviceLevelSeconds();

  /** The opening hours' windows, as written (SPEC E2); empty for always open. */
  @Column(name = "opening_hours", nullable = false, length = 512)
  private String openingHours = "";

  @Column(nullable = false, length = 2048)
  private String holidays = "";

  @Column(name = "callback_when_closed", nullable = false)
  private boolean callbackWhenClosed;

  /** Whether the group's calls are recorded (SPEC B13), apart from the engine's call settings. */
  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private RecordingPolicy recording = RecordingPolicy.NEVER;

  /** The queue's limits and overflow (SPEC E2), apart from the settings of every call. */
  @Column(name = "max_wait", nullable = false)
  private int maxWait;

  @Column(name = "max_queue_length", nullable = false)
  private int maxQueueLength;

  @Column(name = "overflow_when_no_agent", nullable = false)
  private boolean overflowWhenNoAgent;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "overflow_group_id")
  private QueueGroup overflowGroup;

  @Version private long version;

  protected QueueGroup() {}

  public QueueGroup(Account account, String name, GroupSettings settings) {
    this.account = Objects.requireNonNull(account);
    rename(name);
    configure(settings);
  }

  public void rename(String newName) {
    if (newName == null || newName.isBlank() || newName.length() > 64) {
      throw new InvalidFieldException("name", "1 to 64 characters");
    }
    this.name = newName.strip();
  }

  public void configure(GroupSettings settings) {
    this.ringTimeout = settings.ringTimeout();
    this.penalty = settings.penalty();
    this.wrapUp = settings.wrapUp();
    this.qualificationRequired = settings.qualificationRequired();
    this.autoQualify = settings.autoQualify();
    this.autoQualifyCode = settings.autoQualifyCode();
    this.strategy = settings.strategy();
    this.priority = settings.priority();
    this.cardUrl = settings.cardUrl();
    this.callerIdSelectable = settings.callerIdSelectable();
    this.qualifications = new ArrayList<>(settings.qualifications());
    this.callerIds = new ArrayList<>(settings.callerIds());
  }

  public GroupSettings settings() {
    return new GroupSettings(
        ringTimeout,
        penalty,
        wrapUp,
        qualificationRequired,
        autoQualify,
        autoQualifyCode,
        strategy,
        priority,
        qualifications,
        callerIds,
        callerIdSelectable,
        cardUrl);
  }

  public RecordingPolicy recording() {
    return recording;
  }

  public void changeRecording(RecordingPolicy policy) {
    this.recording = Objects.requireNonNull(policy);
  }

  public List<String> numbers() {
    return List.copyOf(numbers);
  }

  /** The group's numbers, already in E.164 and free of any other group's. */
  public void changeNumbers(List<String> e164) {
    numbers.clear();
    numbers.addAll(e164);
  }

  // The engine reads these at every call: straight from the row, without building and checking
  // the whole settings, nor loading the group's lists of codes and caller IDs.

  public int ringTimeout() {
    return ringTimeout;
  }

  public int penalty() {
    return penalty;
  }

  /** A call answered after at most this many seconds in queue is answered in time (SPEC E5). */
  public int serviceLevelSeconds() {
    return serviceLevelSeconds;
  }

  /** The service level target and the opening hours (SPEC E2, E5). */
  public GroupRules rules() {
    return new GroupRules(serviceLevelSeconds, openingHours, holidays, callbackWhenClosed);
  }

  public void changeRules(GroupRules rules) {
    this.serviceLevelSeconds = rules.serviceLevelSeconds();
    this.openingHours = rules.openingHours();
    this.holidays = rules.holidays();
    this.callbackWhenClosed = rules.callbackWhenClosed();
  }

  /** The queue's limits and where its calls overflow (SPEC E2). */
  public Overflow overflow() {
    return new Overflow(
        maxWait,
        maxQueueLength,
        overflowWhenNoAgent,
        overflowGroup == null ? null : overflowGroup.getName());
  }

  /**
   * Sets the queue's limits; {@code target} is the group {@code overflow.toGroup()} names, another
   * of the account's groups, or null for the group's callback list.
   */
  public void changeOverflow(Overflow overflow, QueueGroup target) {
    if (target != null && (equals(target) || !target.getAccount().equals(getAccount()))) {
      throw new InvalidFieldException("overflowGroup", "another group of the account");
    }
    this.maxWait = overflow.maxWait();
    this.maxQueueLength = overflow.maxQueueLength();
    this.overflowWhenNoAgent = overflow.whenNoAgent();
    this.overflowGroup = target;
  }

  /** Seconds a call may wait in the queue; 0 for no limit. */
  public int maxWait() {
    return maxWait;
  }

  /** How many calls may wait at once; 0 for no limit. */
  public int maxQueueLength() {
    return maxQueueLength;
  }

  public boolean overflowsWhenNoAgent() {
    return overflowWhenNoAgent;
  }

  /** The group that takes the calls past the limits; null for the group's callback list. */
  public QueueGroup overflowGroup() {
    return overflowGroup;
  }

  /** When the group takes calls (SPEC E2). */
  public OpeningHours openingHours() {
    return OpeningHours.parse(openingHours, holidays);
  }

  public int wrapUp() {
    return wrapUp;
  }

  public boolean qualificationRequired() {
    return qualificationRequired;
  }

  public int autoQualify() {
    return autoQualify;
  }

  public int priority() {
    return priority;
  }

  public RoutingStrategy strategy() {
    return strategy;
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

  @Override
  public boolean equals(Object o) {
    return o instanceof QueueGroup other && id != null && id.equals(other.id);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(id);
  }
}
