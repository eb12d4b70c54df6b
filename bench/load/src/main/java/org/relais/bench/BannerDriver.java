package org.relais.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures what open banners cost the server while calls come: N clients that log in and hold the
 * banner's desk websocket (no browser), while the driver places calls in their account's group,
 * whose agents answer at once and hang up after 100 ms.
 *
 * <p>Each client does what the banner's script does with what it hears, except reading its own desk
 * again ({@code yours}: what the agent itself does costs the same in every build, and is counted
 * only): a build that sends data ({@code agents}, {@code queues}) costs the client nothing more; a
 * build that sends {@code changed} makes it read its queues and team again within 800 ms, as that
 * build's script did. The agents' logins cost the server a slow password hash each, so N banners
 * are opened over fewer agents' sessions, each opening its banner again as another tab would, up
 * to 10 views a session; further sockets join the channel of an open view.
 *
 * <p>Reports the heap the open banners hold (the server's pid given: a full collection before and
 * after opening them), the latency from a state change to the frame bringing it (the change's
 * {@code since}, stamped in its transaction, to the frame's arrival; on the first 100 banners), the
 * latency from a {@code changed} notice to the data it makes the banner read, and the server's
 * processor time per change committed.
 *
 * <p>Usage: {@code java -cp load.jar org.relais.bench.BannerDriver <base-url> <operator-password>
 * <banners> <calls-per-second> <seconds> [agents] [server-pid]}, where {@code banners} may be a
 * list ({@code 100,1000,5000}): the banners open step by step, each step measured in turn.
 */
public final class BannerDriver {

  private static final int WARM_UP_SECONDS = 15;
  /** Before the measure of a further number of banners, the server runs compiled code already. */
  private static final int LATER_WARM_UP_SECONDS = 5;
  private static final int SAMPLED_BANNERS = 100;
  private static final int TALK_MS = 100;
  /** Views a session keeps (Faces keeps 15 at most); each costs the server a page's rendering. */
  private static final int VIEWS_PER_SESSION = 10;
  /** How long the banner's script of a {@code changed} build waited before reading. */
  private static final long CHANGED_DELAY_MS = 800;

  private static final Pattern SINCE = Pattern.compile("\"since\":(\\d+)");
  private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)([KMG])");

  private final List<Long> pushLatencies = Collections.synchronizedList(new ArrayList<>());
  private final List<Long> refreshLatencies = Collections.synchronizedList(new ArrayList<>());
  private final AtomicLong frames = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong yours = new AtomicLong();
  private final AtomicLong changed = new AtomicLong();
  private final AtomicLong snapshots = new AtomicLong();
  private final AtomicLong refreshFailures = new AtomicLong();
  private final AtomicLong agentStates = new AtomicLong();
  private final AtomicLong queueChanges = new AtomicLong();
  private final ScheduledExecutorService refreshes = Executors.newScheduledThreadPool(8);
  private volatile boolean measuring;

  public static void main(String[] args) throws Exception {
    if (args.length < 5) {
      System.err.println("usage: java -cp load.jar org.relais.bench.BannerDriver <base-url> <operator-password>"
          + " <banners> <calls-per-second> <seconds> [agents] [server-pid]");
      System.exit(2);
    }
    List<Integer> banners = Arrays.stream(args[2].split(",")).map(Integer::valueOf).toList();
    int rate = Integer.parseInt(args[3]);
    int seconds = Integer.parseInt(args[4]);
    int agents = args.length > 5 ? Integer.parseInt(args[5]) : 50;
    Optional<Long> pid = args.length > 6 ? Optional.of(Long.parseLong(args[6])) : Optional.empty();
    new BannerDriver().run(new ApiClient(args[0]), args[1], banners, rate, seconds, agents, pid);
    System.exit(0);
  }

  private void run(ApiClient api, String operatorPassword, List<Integer> steps, int rate, int seconds, int agents,
      Optional<Long> pid) throws Exception {
    LoadAccount account = LoadAccount.create(api, operatorPassword, agents, TALK_MS);
    Optional<Long> heapBefore = pid.map(BannerDriver::heapAfterCollection);
    List<FacesBanner> views = login(api, account);
    HttpClient sockets = HttpClient.newHttpClient();
    List<WebSocket> open = new ArrayList<>();
    Thread events = countChanges(api, account);
    CallPlacer calls = new CallPlacer(api.base(), ApiClient.basic(account.admin(), LoadAccount.ADMIN_PASSWORD));
    int warmUp = WARM_UP_SECONDS;
    for (int count : steps) {
      openViews(views, Math.min(count, agents * VIEWS_PER_SESSION), agents);
      for (int i = open.size(); i < count; i++) {
        FacesBanner page = views.get(i % views.size());
        open.add(sockets.newWebSocketBuilder()
            .buildAsync(page.deskChannel(), new Banner(page, i < SAMPLED_BANNERS)).join());
      }
      TimeUnit.SECONDS.sleep(5);
      System.out.printf("%n%d sockets open over %d views of %d agents' sessions; %d snapshots heard%n",
          open.size(), views.size(), agents, snapshots.get());
      if (heapBefore.isPresent()) {
        long heapAfter = heapAfterCollection(pid.get());
        System.out.printf("heap after a full collection: %.0f MB before the logins, %.0f MB now: %.1f KB per open banner%n",
            heapBefore.get() / 1e6, heapAfter / 1e6, (heapAfter - heapBefore.get()) / 1e3 / count);
      }
      System.out.printf("warming up: %d calls/s for %d s%n", rate, warmUp);
      calls.place(rate, warmUp, (reply, due) -> { });
      warmUp = LATER_WARM_UP_SECONDS;
      TimeUnit.SECONDS.sleep(2);
      reset();
      measuring = true;
      Optional<MachineCpu> machineBefore = MachineCpu.read();
      Optional<Long> serverBefore = pid.flatMap(BannerDriver::processorTicks);
      long start = System.nanoTime();
      System.out.printf("placing %d calls/s for %d s%n", rate, seconds);
      int failed = calls.place(rate, seconds, (reply, due) -> { });
      TimeUnit.SECONDS.sleep(2);
      measuring = false;
      double elapsed = (System.nanoTime() - start) / 1e9;
      Optional<Long> serverAfter = pid.flatMap(BannerDriver::processorTicks);
      Optional<Double> machine = MachineCpu.read().flatMap(after -> machineBefore.map(after::coresBusySince));
      print(count, failed, elapsed, machine, serverBefore, serverAfter);
    }
    events.interrupt();
    open.forEach(socket -> socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join());
  }

  private void reset() {
    pushLatencies.clear();
    refreshLatencies.clear();
    for (AtomicLong counter : List.of(frames, bytes, yours, changed, refreshFailures, agentStates, queueChanges)) {
      counter.set(0);
    }
  }

  private void print(int count, int failed, double elapsed, Optional<Double> machine,
      Optional<Long> serverBefore, Optional<Long> serverAfter) {
    long changes = agentStates.get() + queueChanges.get();
    System.out.printf("changes committed: %d agent states, %d queue counts (%.0f/s); %d calls failed%n",
        agentStates.get(), queueChanges.get(), changes / elapsed, failed);
    System.out.printf("frames heard: %d (%.2f per banner and second, %.0f bytes each on average): %d yours, %d changed%n",
        frames.get(), count == 0 ? 0 : frames.get() / elapsed / count, frames.get() == 0 ? 0 : (double) bytes.get() / frames.get(),
        yours.get(), changed.get());
    List<Long> push = sorted(pushLatencies);
    if (!push.isEmpty()) {
      System.out.printf("state change -> frame bringing it: %d sampled, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
          push.size(), Latencies.percentile(push, 50), Latencies.percentile(push, 99), Latencies.percentile(push, 100));
    }
    List<Long> refreshed = sorted(refreshLatencies);
    if (!refreshed.isEmpty()) {
      System.out.printf("'changed' notice -> data read by the banner's request: %d (%d failed), p50 %.1f ms, p99 %.1f ms%n",
          refreshed.size(), refreshFailures.get(), Latencies.percentile(refreshed, 50), Latencies.percentile(refreshed, 99));
    }
    machine.ifPresent(cores -> System.out.printf("machine busy %.2f cores%n", cores));
    if (serverBefore.isPresent() && serverAfter.isPresent()) {
      double serverSeconds = (serverAfter.get() - serverBefore.get()) / 100.0;
      System.out.printf("server: %.2f cores, %.2f ms of processor time per change committed%n",
          serverSeconds / elapsed, changes == 0 ? 0 : serverSeconds * 1000 / changes);
    }
  }

  private static List<Long> sorted(List<Long> latencies) {
    List<Long> sorted;
    synchronized (latencies) {
      sorted = new ArrayList<>(latencies);
    }
    Collections.sort(sorted);
    return sorted;
  }

  /** Logs the agents in, each in a session of its own: each session's first banner. */
  private static List<FacesBanner> login(ApiClient api, LoadAccount account) throws Exception {
    ExecutorService opening = Executors.newFixedThreadPool(8);
    List<Future<FacesBanner>> sessions = new ArrayList<>();
    for (int i = 0; i < account.agents(); i++) {
      String login = account.login(i);
      sessions.add(opening.submit(
          () -> FacesBanner.open(api.base(), account.name(), login, LoadAccount.AGENT_PASSWORD)));
    }
    List<FacesBanner> banners = new ArrayList<>();
    for (Future<FacesBanner> banner : sessions) {
      banners.add(banner.get());
    }
    opening.shutdown();
    return banners;
  }

  /**
   * Opens the sessions' banners again, as tabs, up to {@code count} views. Further sockets join the
   * channel of an open view of their session, whose channel is the session's: the server would have
   * dropped the oldest views anyway.
   */
  private static void openViews(List<FacesBanner> views, int count, int sessions) throws Exception {
    ExecutorService opening = Executors.newFixedThreadPool(8);
    List<Future<FacesBanner>> opened = new ArrayList<>();
    for (int i = views.size(); i < count; i++) {
      FacesBanner session = views.get(i % sessions);
      opened.add(opening.submit(session::openAgain));
    }
    for (Future<FacesBanner> banner : opened) {
      views.add(banner.get());
    }
    opening.shutdown();
  }

  /** Counts the account's committed changes from its event stream. */
  private Thread countChanges(ApiClient api, LoadAccount account) throws Exception {
    return EventStream.follow(api, account.admin(), LoadAccount.ADMIN_PASSWORD, line -> {
      if (line.equals("event: AGENT_STATE")) {
        agentStates.incrementAndGet();
      } else if (line.equals("event: QUEUE_CHANGED")) {
        queueChanges.incrementAndGet();
      }
    });
  }

  /** The server's processor time so far, in clock ticks (user and system, /proc/<pid>/stat). */
  private static Optional<Long> processorTicks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Optional.of(Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The server's heap in use after a full collection, in bytes, as jcmd tells it. */
  private static long heapAfterCollection(long pid) {
    try {
      jcmd(pid, "GC.run");
      TimeUnit.SECONDS.sleep(2);
      Matcher used = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
      if (!used.find()) {
        throw new IllegalStateException("no heap figure from jcmd");
      }
      long unit = switch (used.group(2)) {
        case "K" -> 1L << 10;
        case "M" -> 1L << 20;
        default -> 1L << 30;
      };
      return Long.parseLong(used.group(1)) * unit;
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException("jcmd " + pid + ": " + e, e);
    }
  }

  private static String jcmd(long pid, String command) throws IOException, InterruptedException {
    Process jcmd = new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
    String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    jcmd.waitFor();
    return out;
  }

  /** One open banner's socket, doing with each frame what the banner's script does. */
  private final class Banner implements WebSocket.Listener {
    private final FacesBanner page;
    private final boolean sampled;
    private final StringBuilder frame = new StringBuilder();
    /** When the notice that the waiting read answers arrived (System.nanoTime()), or 0. */
    private long waitingSince;

    Banner(FacesBanner page, boolean sampled) {
      this.page = page;
      this.sampled = sampled;
    }

    @Override
    public void onOpen(WebSocket socket) {
      socket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      frame.append(data);
      if (last) {
        heard(frame.toString(), Instant.now());
        frame.setLength(0);
      }
      socket.request(1);
      return CompletableFuture.completedFuture(null);
    }

    private void heard(String text, Instant at) {
      frames.incrementAndGet();
      bytes.addAndGet(text.length());
      if (text.equals("{\"data\":\"yours\"}")) {
        yours.incrementAndGet();
      } else if (text.equals("{\"data\":\"changed\"}")) {
        changed.incrementAndGet();
        readLater();
      } else if (text.contains("\"full\":true")) {
        snapshots.incrementAndGet();
      } else if (sampled && measuring) {
        Matcher since = SINCE.matcher(text);
        while (since.find()) {
          Instant changedAt = Instant.ofEpochMilli(Long.parseLong(since.group(1)));
          pushLatencies.add(java.time.Duration.between(changedAt, at).toNanos());
        }
      }
    }

    /** As the banner's script of a build that pushes notices: one read within 800 ms covers all. */
    private synchronized void readLater() {
      if (waitingSince != 0) {
        return;
      }
      waitingSince = System.nanoTime();
      refreshes.schedule(this::read, CHANGED_DELAY_MS, TimeUnit.MILLISECONDS);
    }

    private void read() {
      long since;
      synchronized (this) {
        since = waitingSince;
        waitingSince = 0;
      }
      try {
        if (page.refresh(FacesBanner.Part.SHARED)) {
          if (measuring) {
            refreshLatencies.add(System.nanoTime() - since);
          }
          return;
        }
      } catch (Exception e) {
        // counted below
      }
      refreshFailures.incrementAndGet();
    }
  }
}
