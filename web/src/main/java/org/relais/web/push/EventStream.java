package org.relais.web.push;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.relais.acd.AcdEvent;
import org.relais.acd.AcdEvents;

/**
 * Streams committed ACD events to the Server-Sent Events subscribers of their account. The engine
 * fires them once committed ({@link AcdEvents}), so a subscriber never sees what was rolled back;
 * they are handed in commit order to one sending thread: the engine never waits for a subscriber's
 * network, and a subscriber still sees the events in commit order. Internal ids stay inside: the
 * JSON names agents by login.
 *
 * <p>Every write to a subscriber's stream happens on the sending thread, its greeting included, so
 * no two writes ever interleave; and no write waits for a client's network ({@link
 * StreamSubscriber}), so a slow client delays no other. A transaction's events for an account go
 * out in one write and one flush: written one by one, the socket writes were two fifths of the
 * sending thread's time.
 *
 * <p>Each caller holds a few streams at most ({@code relais.events.max-streams-per-caller}): a
 * client that opens them in a loop cannot take the server's connections. Every {@code
 * relais.events.heartbeat-seconds} each stream gets a comment line, which keeps proxies from
 * closing a quiet stream and makes a vanished client's connection fail; a connection that takes
 * nothing for {@code relais.events.write-timeout-seconds} is closed.
 */
@ApplicationScoped
public class EventStream {

  private static final Logger LOG = Logger.getLogger(EventStream.class.getName());

  /**
   * Transactions' events waiting for the sending thread; beyond, it cannot keep up and the
   * subscribers' streams close.
   */
  private static final int BACKLOG = 50_000;

  /** A first comment commits the response: the client knows it will miss nothing from now on. */
  private static final byte[] GREETING = ": subscribed\n\n".getBytes(StandardCharsets.UTF_8);

  /** A comment line: clients ignore it, connections see traffic. */
  private static final byte[] HEARTBEAT = ": heartbeat\n\n".getBytes(StandardCharsets.UTF_8);

  @Resource ManagedThreadFactory threads;
  @Inject Clock clock;

  @Inject PushMeters meters;

  @Inject
  @ConfigProperty(name = "relais.events.max-streams-per-caller", defaultValue = "4")
  int maxStreamsPerCaller;

  @Inject
  @ConfigProperty(name = "relais.events.heartbeat-seconds", defaultValue = "20")
  long heartbeatSeconds;

  @Inject
  @ConfigProperty(name = "relais.events.write-timeout-seconds", defaultValue = "90")
  long writeTimeoutSeconds;

  /** Counts events written to subscribers, on the sending thread. */
  private LongConsumer pushed = n -> {};

  private ExecutorService sender;
  private ScheduledExecutorService heartbeat;
  private final Map<String, AtomicInteger> streamsByCaller = new ConcurrentHashMap<>();

  private final Map<Long, List<StreamSubscriber>> subscribers = new ConcurrentHashMap<>();

  /**
   * Its provider looked up once: {@code Json.createGenerator} searches the class path each time.
   */
  private final EventJson json = new EventJson(JsonProvider.provider());

  /**
   * Starts with the web application, not with the bean: the engine's recovery announces events, and
   * so may make this bean, before the web module (its metrics, its threads) is up.
   */
  void start(@Observes @Initialized(ApplicationScoped.class) ServletContext web) {
    pushed = meters.pushed("stream");
    meters.open("stream", () -> subscribers.values().stream().mapToInt(List::size).sum());
    sender =
        new ThreadPoolExecutor(
            1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(BACKLOG), threads);
    heartbeat = Executors.newSingleThreadScheduledExecutor(threads);
    heartbeat.scheduleAtFixedRate(this::beat, heartbeatSeconds, heartbeatSeconds, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (heartbeat == null) {
      return;
    }
    heartbeat.shutdownNow();
    sender.shutdownNow();
    subscribers.values().forEach(listeners -> listeners.forEach(StreamSubscriber::close));
  }

  /**
   * Counts a stream for the caller, unless it holds the most it may already: then answers false,
   * and the caller gets no stream.
   *
   * @param caller {@code login@account}
   */
  public boolean reserve(String caller) {
    AtomicInteger streams = streamsByCaller.computeIfAbsent(caller, c -> new AtomicInteger());
    if (streams.incrementAndGet() > maxStreamsPerCaller) {
      release(caller);
      return false;
    }
    return true;
  }

  /** Gives back a stream {@link #reserve reserved} for the caller. */
  public void release(String caller) {
    streamsByCaller.computeIfPresent(
        caller, (c, streams) -> streams.decrementAndGet() <= 0 ? null : streams);
  }

  /**
   * Streams the account's events to an asynchronous request until its client leaves, then gives
   * back the caller's {@link #reserve reserved} stream. The subscription starts once the sending
   * thread has written the greeting: what committed before is not sent, and nothing after is
   * missed.
   */
  public void subscribe(long accountId, String caller, AsyncContext async) throws IOException {
    StreamSubscriber subscriber =
        new StreamSubscriber(
            accountId, async.getResponse().getOutputStream(), () -> end(async), sender, clock);
    async.addListener(new Leaving(subscriber, () -> release(caller)));
    subscriber.start();
    try {
      sender.execute(
          () -> {
            subscribers
                .computeIfAbsent(accountId, id -> new CopyOnWriteArrayList<>())
                .add(subscriber);
            subscriber.send(GREETING);
          });
    } catch (RejectedExecutionException e) {
      end(async);
    }
  }

  /** On the heartbeat's thread: hands the heartbeat to the sending thread, behind the events. */
  private void beat() {
    try {
      sender.execute(this::sendHeartbeat);
    } catch (RejectedExecutionException e) {
      // Stopping, or the events fill the queue: they keep the connections busy enough.
    }
  }

  private void sendHeartbeat() {
    Instant now = clock.instant();
    Duration writeTimeout = Duration.ofSeconds(writeTimeoutSeconds);
    for (List<StreamSubscriber> listeners : subscribers.values()) {
      for (StreamSubscriber subscriber : listeners) {
        subscriber.closeIfStalled(now, writeTimeout);
        subscriber.send(HEARTBEAT);
      }
    }
  }

  /** Hands the events some subscriber watches to the sending thread, one task per transaction. */
  void publish(@Observes(notifyObserver = Reception.IF_EXISTS) AcdEvents committed) {
    List<AcdEvent> watched =
        committed.events().stream().filter(event -> watched(event.accountId())).toList();
    if (watched.isEmpty()) {
      return;
    }
    try {
      sender.execute(() -> send(watched));
    } catch (RejectedExecutionException e) {
      watched.stream().map(AcdEvent::accountId).distinct().forEach(this::closeFellBehind);
    }
  }

  private boolean watched(long accountId) {
    List<StreamSubscriber> listeners = subscribers.get(accountId);
    return listeners != null && !listeners.isEmpty();
  }

  /** Closed rather than left with a gap: a client that reconnects reads the state afresh. */
  private void closeFellBehind(long accountId) {
    LOG.warning("event subscribers of account " + accountId + " fell behind: closed");
    List<StreamSubscriber> listeners = subscribers.get(accountId);
    if (listeners != null) {
      listeners.forEach(StreamSubscriber::close);
      listeners.clear();
    }
  }

  /** Each account's events of the transaction, in commit order, written at once. */
  private void send(List<AcdEvent> events) {
    Map<Long, StringBuilder> byAccount = new LinkedHashMap<>();
    Map<Long, Integer> counts = new HashMap<>();
    for (AcdEvent event : events) {
      byAccount
          .computeIfAbsent(event.accountId(), id -> new StringBuilder(256 * events.size()))
          .append(frame(event.type(), json.of(event)));
      counts.merge(event.accountId(), 1, Integer::sum);
    }
    byAccount.forEach(
        (accountId, frames) -> {
          byte[] bytes = frames.toString().getBytes(StandardCharsets.UTF_8);
          for (StreamSubscriber subscriber : subscribers.getOrDefault(accountId, List.of())) {
            subscriber.send(bytes);
            pushed.accept(counts.get(accountId));
          }
        });
  }

  /** One event as Server-Sent Events frame it: its type as the event's name, its JSON as data. */
  static String frame(String type, String json) {
    return "event: " + type + "\ndata: " + json + "\n\n";
  }

  private static void end(AsyncContext async) {
    try {
      async.complete();
    } catch (IllegalStateException alreadyOver) {
      // The container ended the request first (the client left).
    }
  }

  private void forget(StreamSubscriber subscriber) {
    List<StreamSubscriber> listeners = subscribers.get(subscriber.accountId());
    if (listeners != null) {
      listeners.remove(subscriber);
    }
  }

  /** A request ends: its client left or failed, or its stream was closed. */
  private final class Leaving implements AsyncListener {
    private final StreamSubscriber subscriber;
    private final Runnable released;
    private final AtomicBoolean left = new AtomicBoolean();

    Leaving(StreamSubscriber subscriber, Runnable released) {
      this.subscriber = subscriber;
      this.released = released;
    }

    @Override
    public void onComplete(AsyncEvent event) {
      leave();
    }

    @Override
    public void onError(AsyncEvent event) {
      leave();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
      leave();
    }

    /** Once, whichever of the container's calls come. */
    private void leave() {
      forget(subscriber);
      if (left.compareAndSet(false, true)) {
        released.run();
      }
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
      // A subscription starts once.
    }
  }
}
