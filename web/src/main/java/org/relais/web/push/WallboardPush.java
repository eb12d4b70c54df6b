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
import jakarta.servlet.ServletContext;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerContainer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.relais.account.AccountTime;
import org.relais.acd.AcdEvent;
import org.relais.acd.AcdEvents;
import org.relais.agent.Agent;
import org.relais.supervision.SupervisionQueries;
import org.relais.supervision.SupervisionQueries.Board;
import org.relais.supervision.Wallboards;
import org.relais.web.security.Supervisor;

/**
 * Pushes the live floor to the open wallboards (SPEC E5) over their own websocket ({@link
 * WallboardSocket}, channel {@code wallboard}), apart from the banners' channel. A wallboard's
 * socket belongs to one account and one viewer, a supervisor (its groups) or an admin (the
 * account): it hears its own account's figures alone, as that viewer sees them.
 *
 * <p>Committed engine events only mark their account as changed: the engine's thread does nothing
 * more here. Every {@code relais.wallboard.push-interval-ms} (500) one thread reads the board once
 * per viewer of each changed account and sends it whole to that viewer's sockets: however many
 * events came meanwhile, a socket gets at most one message per interval. A socket whose last
 * message is still on its way gets the next board instead. Every {@code
 * relais.wallboard.refresh-seconds} (30) every socket gets its board even without a change: the
 * waits and durations move on by themselves, its pass is renewed, and a socket whose viewer no
 * longer stands (disabled, demoted, a new password) is closed.
 */
@ApplicationScoped
public class WallboardPush {

  public static final String CHANNEL = "wallboard";

  private static final Logger LOG = Logger.getLogger(WallboardPush.class.getName());

  @Resource ManagedThreadFactory threads;
  @Inject SupervisionQueries queries;
  @Inject Wallboards wallboards;
  @Inject AccountTime accountTime;

  @Inject PushMeters meters;

  @Inject
  @ConfigProperty(name = "relais.wallboard.push-interval-ms", defaultValue = "500")
  long intervalMillis;

  @Inject
  @ConfigProperty(name = "relais.wallboard.refresh-seconds", defaultValue = "30")
  long refreshSeconds;

  /** Open wallboards per account. */
  private final Map<Long, Set<Wall>> walls = new ConcurrentHashMap<>();

  private final WallboardJson json = new WallboardJson(JsonProvider.provider());
  private ScheduledExecutorService pusher;
  private LongConsumer pushed = n -> {};

  /** One open wallboard: its socket, and the pass its viewer last had. */
  private static final class Wall {
    final Session socket;
    final long accountId;
    volatile String pass;
    final AtomicBoolean owed = new AtomicBoolean(true);
    final AtomicBoolean sending = new AtomicBoolean();

    Wall(Session socket, long accountId, String pass) {
      this.socket = socket;
      this.accountId = accountId;
      this.pass = pass;
    }
  }

  /**
   * Starts with the web application: made then, it has its resources. The engine's events never
   * make it (they are observed only once it exists): the recovery announces them before the web
   * module is up, when a bean made for them would get no threads and no metrics.
   */
  void start(@Observes @Initialized(ApplicationScoped.class) ServletContext web) {
    deploySocket(web);
    pushed = meters.pushed(CHANNEL);
    meters.open(CHANNEL, () -> walls.values().stream().mapToInt(Set::size).sum());
    pusher = Executors.newSingleThreadScheduledExecutor(threads);
    pusher.scheduleWithFixedDelay(
        this::push, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    pusher.scheduleAtFixedRate(this::oweAll, refreshSeconds, refreshSeconds, TimeUnit.SECONDS);
  }

  /**
   * The socket's endpoint, deployed here rather than left to the annotation scan, which did not
   * always deploy it (the handshake then answered 404); if the scan did, once is enough.
   */
  private static void deploySocket(ServletContext web) {
    ServerContainer container = (ServerContainer) web.getAttribute(ServerContainer.class.getName());
    try {
      container.addEndpoint(WallboardSocket.class);
    } catch (DeploymentException alreadyDeployed) {
      LOG.fine("wallboard socket deployed by the annotation scan");
    }
  }

  @PreDestroy
  void stop() {
    if (pusher != null) {
      pusher.shutdownNow();
    }
  }

  /**
   * Lets the socket follow the floor if its pass verifies: it gets its board with the next push, so
   * that a socket that reconnects (after a restart) is up to date at once. False if the pass lets
   * nobody in.
   */
  boolean join(Session socket, String pass) {
    Optional<Agent> holder = wallboards.holder(pass);
    if (holder.isEmpty()) {
      return false;
    }
    long accountId = holder.get().getAccount().getId();
    socket.getUserProperties().put(CHANNEL, new Wall(socket, accountId, pass));
    walls
        .computeIfAbsent(accountId, a -> ConcurrentHashMap.newKeySet())
        .add((Wall) socket.getUserProperties().get(CHANNEL));
    return true;
  }

  void leave(Session socket) {
    if (socket.getUserProperties().get(CHANNEL) instanceof Wall wall) {
      Set<Wall> open = walls.get(wall.accountId);
      if (open != null) {
        open.remove(wall);
      }
    }
  }

  /** On the engine's thread, after the commit: only marks the accounts whose floor changed. */
  void changed(@Observes(notifyObserver = Reception.IF_EXISTS) AcdEvents committed) {
    long last = -1;
    for (AcdEvent event : committed.events()) {
      if (event.accountId() != last) {
        last = event.accountId();
        Set<Wall> open = walls.get(last);
        if (open != null) {
          open.forEach(wall -> wall.owed.set(true));
        }
      }
    }
  }

  private void oweAll() {
    walls.values().forEach(open -> open.forEach(wall -> wall.owed.set(true)));
  }

  /** Sends each owed socket its viewer's board, read once per viewer. */
  private void push() {
    try {
      walls.forEach(
          (accountId, open) -> {
            Map<String, List<Wall>> byPass =
                open.stream()
                    .filter(wall -> !wall.sending.get() && wall.owed.getAndSet(false))
                    .collect(Collectors.groupingBy(wall -> wall.pass));
            byPass.forEach(this::send);
          });
    } catch (RuntimeException | LinkageError e) {
      // A scheduled task that throws is never run again: the next push must still come.
      LOG.log(Level.SEVERE, "wallboard push failed", e);
    }
  }

  /** Sends the board of the pass's holder to its sockets, or closes them if it no longer stands. */
  private void send(String pass, List<Wall> sockets) {
    Optional<Agent> holder = wallboards.holder(pass);
    if (holder.isEmpty()) {
      sockets.forEach(wall -> close(wall, "pass"));
      return;
    }
    Agent person = holder.get();
    Supervisor.Viewer viewer = Supervisor.of(person);
    Board board = queries.board(viewer.account(), viewer.agent());
    String renewed = wallboards.pass(person);
    String message =
        json.of(
            board,
            wallboards.thresholds(viewer.account()),
            accountTime.zone(viewer.account()),
            renewed);
    for (Wall wall : new ArrayList<>(sockets)) {
      wall.pass = renewed;
      wall.sending.set(true);
      wall.socket
          .getAsyncRemote()
          .sendText(
              message,
              result -> {
                wall.sending.set(false);
                if (!result.isOK()) {
                  close(wall, "unreachable");
                }
              });
      pushed.accept(1);
    }
  }

  private void close(Wall wall, String reason) {
    leave(wall.socket);
    try {
      wall.socket.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, reason));
    } catch (IOException | IllegalStateException e) {
      // Already closed: nothing more to end.
    }
  }
}
