package org.relais.web.push;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
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

  @Resource ManagedThreadFactory threads;
  private ExecutorService sender;

  private final Map<Long, List<StreamSubscriber>> subscribers = new ConcurrentHashMap<>();

  /**
   * Its provider looked up once: {@code Json.createGenerator} searches the class path each time.
   */
  private final EventJson json = new EventJson(JsonProvider.provider());

  @PostConstruct
  void start() {
    sender =
        new ThreadPoolExecutor(
            1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(BACKLOG), threads);
  }

  @PreDestroy
  void stop() {
    sender.shutdownNow();
    subscribers.values().forEach(listeners -> listeners.forEach(StreamSubscriber::close));
  }

  /**
   * Streams the account's events to an asynchronous request until its client leaves. The
   * subscription starts once the sending thread has written the greeting: what committed before is
   * not sent, and nothing after is missed.
   */
  public void subscribe(long accountId, AsyncContext async) throws IOException {
    StreamSubscriber subscriber =
        new StreamSubscriber(
            accountId, async.getResponse().getOutputStream(), () -> end(async), sender);
    async.addListener(new Leaving(subscriber));
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

  /** Hands the events some subscriber watches to the sending thread, one task per transaction. */
  void publish(@Observes AcdEvents committed) {
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
    for (AcdEvent event : events) {
      byAccount
          .computeIfAbsent(event.accountId(), id -> new StringBuilder(256 * events.size()))
          .append(frame(event.type(), json.of(event)));
    }
    byAccount.forEach(
        (accountId, frames) -> {
          byte[] bytes = frames.toString().getBytes(StandardCharsets.UTF_8);
          for (StreamSubscriber subscriber : subscribers.getOrDefault(accountId, List.of())) {
            subscriber.send(bytes);
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

    Leaving(StreamSubscriber subscriber) {
      this.subscriber = subscriber;
    }

    @Override
    public void onComplete(AsyncEvent event) {
      forget(subscriber);
    }

    @Override
    public void onError(AsyncEvent event) {
      forget(subscriber);
    }

    @Override
    public void onTimeout(AsyncEvent event) {
      forget(subscriber);
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
      // A subscription starts once.
    }
  }
}
