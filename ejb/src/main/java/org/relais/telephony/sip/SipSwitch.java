package org.relais.telephony.sip;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.stack.SIPServerTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.sip.ClientTransaction;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.SipURI;
import javax.sip.address.TelURL;
import javax.sip.address.URI;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderAddress;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.relais.operations.Meters;
import org.relais.telephony.DialFailure;
import org.relais.telephony.MonitorMode;
import org.relais.telephony.RegisteredPhones;
import org.relais.telephony.Switch;
import org.relais.telephony.SwitchEvents;
import org.relais.telephony.sip.CalledNumbers.CalledGroup;

/**
 * The SIP switch (SPEC F2, {@code relais.switch=sip}): Relais as a back-to-back user agent on
 * JAIN-SIP. Trunks send their calls to Relais's own SIP port; a call for one of a group's numbers
 * is kept ringing while queued, the agent's phone is rung through Kamailio (where it registered as
 * {@code extension@account}), and the two are connected when it answers. Either side's hang-up ends
 * the other.
 *
 * <p>Outbound calls ({@link SipOutboundCall}) leave through {@code relais.sip.outbound-trunk};
 * without one, this switch says it places none, so that the engine makes none (a campaign's
 * contacts stay to be called). A blind transfer to a number asks the caller's trunk to make it
 * (REFER); one to an agent or a group keeps the caller on hold until another agent's phone answers;
 * hold stops both phones' audio (re-INVITEs). Where rtpengine anchors the media ({@code
 * relais.sip.rtpengine}, {@link MediaAnchor}), the queued caller hears an announcement, the held
 * one music, and a predictive call's customer dropped for want of an agent a message before the
 * hang-up. A consult call to a number is an agent's outbound call of its own, which the attended
 * transfer joins with the held caller. A supervisor's phone joins an agent's call (a trunk's, or
 * the agent's own) through Relais's own mix of the agent's side ({@link MonitorMix}). What needs
 * rtpengine, it refuses loudly without it: monitoring (the engine answers 409), and recording
 * ({@link CallRecorder}).
 *
 * <p>The engine hears of the phones through one thread, in the order things happened on the lines;
 * the engine's commands may come before a new call's id is known to this switch (they run once the
 * engine's transaction commits, the arrival's answer perhaps not yet read), so they wait for it.
 */
@Typed(SipSwitch.class)
@ApplicationScoped
public class SipSwitch implements Switch, SipListener {

  private static final Logger LOG = Logger.getLogger(SipSwitch.class.getName());

  /** The key a queued caller presses to be called back (SPEC X1), as the queue's prompt says. */
  private static final char CALLBACK_KEY = '1';

  /** How long an ended call's id still answers the engine's late commands. */
  private static final long FORGET_AFTER_SECONDS = 60;

  @Inject SwitchEvents acd;
  @Resource ManagedThreadFactory threads;
  @Inject CalledNumbers numbers;
  @Inject KamailioRegistry registry;

  @Inject Meters meters;

  @Inject
  @ConfigProperty(name = "relais.sip.address", defaultValue = "127.0.0.1")
  String address;

  @Inject
  @ConfigProperty(name = "relais.sip.port", defaultValue = "5080")
  int port;

  @Inject
  @ConfigProperty(name = "relais.sip.registrar", defaultValue = "127.0.0.1:5060")
  String registrar;

  @Inject
  @ConfigProperty(name = "relais.sip.trunks", defaultValue = "127.0.0.1")
  String trunks;

  /** Where outbound calls leave; none by default, and then none is placed. */
  @Inject
  @ConfigProperty(name = "relais.sip.outbound-trunk")
  Optional<String> outboundTrunk;

  /**
   * rtpengine's NG socket, {@code host:port}; without it, the media is not anchored: phones and
   * trunks send their audio to each other.
   */
  @Inject
  @ConfigProperty(name = "relais.sip.rtpengine")
  Optional<String> rtpengine;

  /**
   * rtpengine's recording folder ({@code --recording-dir}, {@code recording-method=pcap}) as Relais
   * reads it; without it, or without rtpengine, calls are not recorded on this switch.
   */
  @Inject
  @ConfigProperty(name = "relais.sip.recordings")
  Optional<String> recordings;

  /**
   * Where Relais hears the keys callers press, {@code host:port}: rtpengine's {@code
   * --dtmf-log-dest}, which tells each key it hears in the media it anchors. Without it, or without
   * rtpengine, callers' keys are not heard.
   */
  @Inject
  @ConfigProperty(name = "relais.sip.dtmf")
  Optional<String> dtmf;

  /** The folder of the prompts rtpengine plays, as rtpengine reads it (relative: to here). */
  @Inject
  @ConfigProperty(name = "relais.sip.prompts", defaultValue = "payara-config/telephony/prompts")
  String prompts;

  private SipSettings settings;

  /** The registrar's IP address, the only source of registration notices. */
  private String registrarAddress;

  private SipEndpoint endpoint;
  private MediaAnchor media;

  /** Null where calls are not recorded. */
  private CallRecorder recorder;

  /** Null where callers' keys are not heard. */
  private CallerKeys keys;

  private ScheduledExecutorService reporter;

  /**
   * Where the audio of the calls supervisors' phones joined is mixed, every twenty milliseconds.
   */
  private ScheduledExecutorService mixer;

  /** rtpengine's commands nobody waits for (a call's deletion), off the SIP stack's threads. */
  private ExecutorService mediaCommands;

  private final AtomicLong malformedMessages = new AtomicLong();

  /** {@code relais_sip_malformed_messages_total}. */
  private LongConsumer malformedCounted;

  /** When a malformed message was last logged ({@link System#nanoTime()}), 0 before the first. */
  private final AtomicLong malformedLogged = new AtomicLong();

  private final Map<Long, CompletableFuture<SipCall>> calls = new ConcurrentHashMap<>();
  private final Map<Long, SipOutboundCall> outboundCalls = new ConcurrentHashMap<>();

  /** Binds the SIP port and starts the stack; the producer calls it when this switch is chosen. */
  public synchronized void start() {
    if (endpoint != null) {
      return;
    }
    settings =
        new SipSettings(
            address,
            port,
            registrar,
            Arrays.stream(trunks.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet()),
            outboundTrunk.map(String::strip).orElse(""));
    registrarAddress = addressOf(registrar);
    malformedCounted =
        meters.counter(
            "relais_sip_malformed_messages",
            "SIP messages refused as malformed: answered 400, or dropped",
            Map.of());
    // Its thread made now, on the application's start: made later, by the first trunk call's
    // INVITE on a thread of the SIP stack, it would carry none of the application's context, and
    // the beans it first uses (the called numbers' look-up) would get no persistence context.
    ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, threads);
    pool.prestartAllCoreThreads();
    reporter = pool;
    mediaCommands = Executors.newSingleThreadExecutor(threads);
    mixer = new ScheduledThreadPoolExecutor(1, threads);
    media =
        rtpengine
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .<MediaAnchor>map(ng -> new RtpEngine(ng, Path.of(prompts), mediaCommands))
            .orElse(MediaAnchor.UNANCHORED);
    recorder =
        media.plays()
            ? recordings
                .map(String::strip)
                .filter(folder -> !folder.isEmpty())
                .map(folder -> new CallRecorder(media, Path.of(folder), mediaCommands))
                .orElse(null)
            : null;
    try {
      endpoint = new SipEndpoint(settings, this, this::malformed);
    } catch (Exception e) {
      reporter.shutdownNow();
      mediaCommands.shutdownNow();
      mixer.shutdownNow();
      throw new IllegalStateException(
          "the SIP switch cannot listen on " + address + ":" + port + "/udp", e);
    }
    String keysAt = dtmf.map(String::strip).orElse("");
    if (media.plays() && !keysAt.isEmpty()) {
      try {
        keys = new CallerKeys(keysAt, threads, this::keyPressed);
      } catch (SocketException e) {
        LOG.log(Level.WARNING, "callers' keys not heard: cannot listen on " + keysAt, e);
      }
    }
    LOG.info(
        "SIP switch listening on "
            + address
            + ":"
            + port
            + "/udp, phones through "
            + registrar
            + ", trunks "
            + settings.trunks()
            + rtpengine
                .filter(ng -> !ng.isBlank())
                .map(ng -> ", media through rtpengine at " + ng)
                .orElse(", media not anchored (no relais.sip.rtpengine)"));
  }

  /** The IP address of {@code host:port}'s host. */
  private static String addressOf(String hostAndPort) {
    String host = hostAndPort.substring(0, Math.max(hostAndPort.lastIndexOf(':'), 0));
    try {
      return InetAddress.getByName(host.isEmpty() ? hostAndPort : host).getHostAddress();
    } catch (UnknownHostException e) {
      throw new IllegalStateException("relais.sip.registrar: unknown host " + hostAndPort, e);
    }
  }

  /**
   * Whether the calls' media relay answers (rtpengine, where it anchors the media): without it, a
   * new caller is answered 503.
   */
  public boolean mediaAnswers() {
    MediaAnchor anchor = media;
    return anchor != null && anchor.answers();
  }

  @PreDestroy
  synchronized void stop() {
    if (endpoint != null) {
      endpoint.stop();
      if (keys != null) {
        keys.close();
        keys = null;
      }
      reporter.shutdownNow();
      mediaCommands.shutdown();
      mixer.shutdownNow();
      endpoint = null;
    }
  }

  // ------------------------------------------------------------- the port

  @Override
  public void offer(String account, long callId, String caller, String extension, Duration ring) {
    whenKnown(callId, call -> call.ringAgent(extension));
  }

  @Override
  public void cancelOffer(String account, long callId, String extension) {
    whenKnown(callId, call -> call.cancelAgent(extension));
  }

  /**
   * Puts a waiting caller through to the agent whose phone answered; for a predictive call, rings
   * the chosen agent's phone with the customer's media.
   */
  @Override
  public void bridge(String account, long callId, String extension) {
    SipOutboundCall outbound = outboundCalls.get(callId);
    if (outbound != null) {
      tell(outbound, outbound.bridge(extension));
      return;
    }
    whenKnown(
        callId,
        call -> {
          if (!call.bridge(extension)) {
            reportCallerHungUp(call);
          }
        });
  }

  @Override
  public void hangUp(String account, long callId) {
    SipOutboundCall outbound = outboundCalls.remove(callId);
    if (outbound != null) {
      outbound.hangUp();
      return;
    }
    whenKnown(
        callId,
        call -> {
          long farewell = call.farewell();
          if (farewell > 0) {
            reporter.schedule(call::hangUp, farewell, TimeUnit.MILLISECONDS);
          } else {
            call.hangUp();
          }
          forgetLater(callId);
        });
  }

  /**
   * Where an outbound trunk is set ({@code relais.sip.outbound-trunk}); without one, the agents'
   * calls and the campaigns' wait, their contacts left to be called.
   */
  @Override
  public boolean placesOutboundCalls() {
    return settings != null && !settings.outboundTrunk().isEmpty();
  }

  /** Rings the agent's phone, then calls the customer through the outbound trunk (RFC 3725). */
  @Override
  public void originate(
      String account, long callId, String extension, String number, String presentedNumber) {
    place(
        SipOutboundCall.originate(
            endpoint,
            media,
            settings.address(),
            account,
            callId,
            extension,
            number,
            presentedNumber));
  }

  /** Calls the customer through the outbound trunk, with no agent yet (RFC 3725). */
  @Override
  public void dial(String account, long callId, String number, String presentedNumber) {
    place(
        SipOutboundCall.dial(
            endpoint, media, settings.address(), account, callId, number, presentedNumber));
  }

  private void place(SipOutboundCall call) {
    outboundCalls.put(call.callId, call);
    tell(call, call.start());
  }

  /**
   * A predictive call answered with no agent free (SPEC B11): hung up once the customer has heard
   * the dropped message (at once where no prompt is played).
   */
  @Override
  public void drop(String account, long callId) {
    SipOutboundCall outbound = outboundCalls.get(callId);
    long message = outbound == null ? 0 : outbound.drop();
    if (message == 0) {
      hangUp(account, callId);
    } else {
      reporter.schedule(() -> hangUp(account, callId), message, TimeUnit.MILLISECONDS);
    }
  }

  /**
   * A consult call to a number (SPEC B12) is an agent's call of its own: the agent's phone is rung
   * again, as a second line, then the number through the outbound trunk, presented as the agent's
   * extension. Without an outbound trunk it fails at once.
   */
  @Override
  public void consult(String account, long callId, String extension, String number) {
    if (!placesOutboundCalls()) {
      LOG.warning("consult call " + callId + " fails: no relais.sip.outbound-trunk");
      report(events -> events.outboundFailed(account, callId, DialFailure.FAILED));
      return;
    }
    originate(account, callId, extension, number, extension);
  }

  /**
   * A consult call to an agent or a group (SPEC B12): its line is rung on the agent's phone, as a
   * second line, and the call held as a caller of its own, which the ACD offers or queues.
   */
  @Override
  public void consultLine(String account, long consultId, String extension) {
    SipCall line = SipCall.consultLine(endpoint, media, account, consultId, extension);
    calls.computeIfAbsent(consultId, id -> new CompletableFuture<>()).complete(line);
    if (line.callerGone()) {
      reportCallerHungUp(line);
    }
  }

  /**
   * Where rtpengine anchors the media: a supervisor's phone joins a call through Relais's own mix
   * of the agent's side ({@link MonitorMix}), rtpengine carrying the caller's.
   */
  @Override
  public boolean monitorsCalls() {
    return media != null && media.plays();
  }

  /** Rings the supervisor's phone into the agent's call, in {@code mode}, or changes its mode. */
  @Override
  public void monitor(String account, long callId, String supervisorExtension, MonitorMode mode) {
    SipOutboundCall outbound = outboundCalls.get(callId);
    Consumer<SupervisorPhones> join =
        phones ->
            phones.join(supervisorExtension, mode, mixer, left -> supervisorLeft(phones, left));
    if (outbound != null) {
      join.accept(outbound.supervisors());
    } else {
      whenKnown(callId, call -> join.accept(call.supervisors()));
    }
  }

  @Override
  public void stopMonitor(String account, long callId, String supervisorExtension) {
    SipOutboundCall outbound = outboundCalls.get(callId);
    if (outbound != null) {
      outbound.supervisors().leave(supervisorExtension);
    } else {
      whenKnown(callId, call -> call.supervisors().leave(supervisorExtension));
    }
  }

  /** The two stop hearing each other; the caller hears music where prompts are played. */
  @Override
  public void hold(String account, long callId) {
    SipOutboundCall outbound = outboundCalls.get(callId);
    if (outbound != null) {
      outbound.hold();
    } else {
      whenKnown(callId, SipCall::hold);
    }
  }

  @Override
  public void resume(String account, long callId) {
    SipOutboundCall outbound = outboundCalls.get(callId);
    if (outbound != null) {
      outbound.resume();
    } else {
      whenKnown(callId, SipCall::resume);
    }
  }

  /**
   * The attended transfer: the caller (a trunk's, or the customer of the agent's own call), on
   * hold, is joined with the consult call's far end, both phone lines of the agent hung up. The
   * joined call goes on under the consult call's id: a consulted agent's, as any of its calls; a
   * consulted number's, carried until either hangs up.
   */
  @Override
  public void join(String account, long callId, long consultId) {
    SipOutboundCall numberConsult = outboundCalls.remove(consultId);
    boolean agentConsult = numberConsult == null && calls.containsKey(consultId);
    if (numberConsult == null && !agentConsult) {
      LOG.warning(
          "attended transfer of call " + callId + " to consult call " + consultId + " not carried");
      hangUp(account, callId);
      return;
    }
    // The consult call's far end, handed over once the consult call is known.
    Consumer<Consumer<SipCall.Party>> farEnd =
        numberConsult != null
            ? then -> then.accept(numberConsult.handOver())
            : then -> whenKnown(consultId, line -> then.accept(line.handOver()));
    SipOutboundCall ownCall = outboundCalls.remove(callId);
    if (ownCall != null) {
      farEnd.accept(far -> joined(ownCall, far, consultId, agentConsult));
    } else {
      farEnd.accept(
          far -> whenKnown(callId, call -> joined(call, callId, far, consultId, agentConsult)));
    }
  }

  /**
   * The customer of an agent's own call joined with the consult call's far end; the engine hears of
   * the joined call under the consult call's id where a consulted agent talks on it.
   */
  private void joined(
      SipOutboundCall call, SipCall.Party far, long consultId, boolean consultedAgent) {
    boolean carried = far != null && call.join(far, consultId);
    if (carried && consultedAgent) {
      outboundCalls.put(consultId, call);
    } else if (!carried) {
      call.hangUp();
      if (consultedAgent) {
        report(events -> events.callerHungUp(call.account, consultId));
      }
    }
  }

  /**
   * The caller joined with the consult call's far end, named by the consult call's id from now on;
   * where the far end is gone, the caller is hung up, and the engine, which counts a consulted
   * agent as talking with it, hears so.
   */
  private void joined(
      SipCall call, long callId, SipCall.Party far, long consultId, boolean consultedAgent) {
    if (far == null) {
      call.hangUp();
    } else {
      call.join(far);
    }
    call.callId = consultId;
    calls.compute(
        consultId,
        (id, known) -> {
          if (known == null || known.isDone()) {
            return CompletableFuture.completedFuture(call); // in place of the consult call's line
          }
          known.complete(call);
          return known;
        });
    forgetLater(callId);
    if (!consultedAgent) {
      forgetLater(consultId); // out of the ACD
    } else if (far == null) {
      reportCallerHungUp(call);
    }
  }

  /** The caller's trunk is asked to call the number instead (REFER, RFC 3515). */
  @Override
  public void transfer(String account, long callId, String number) {
    SipOutboundCall outbound = outboundCalls.remove(callId);
    if (outbound != null) {
      outbound.transfer(number);
      return;
    }
    whenKnown(
        callId,
        call -> {
          call.transfer(number);
          forgetLater(callId);
        });
  }

  /**
   * The caller waits on hold under its new id, for the agent the ACD offers it to next; the
   * customer of an agent's own call likewise, held from now on as a caller passed on.
   */
  @Override
  public void continueAs(String account, long callId, long newCallId) {
    SipOutboundCall outbound = outboundCalls.remove(callId);
    if (outbound != null) {
      SipCall.Party customer = outbound.handOver();
      SipCall passed =
          customer == null ? null : SipCall.passedOn(endpoint, media, account, newCallId, customer);
      if (passed == null || passed.callerGone()) {
        report(events -> events.callerHungUp(account, newCallId));
      } else {
        calls.computeIfAbsent(newCallId, id -> new CompletableFuture<>()).complete(passed);
      }
      return;
    }
    whenKnown(
        callId,
        call -> {
          call.passOn();
          call.callId = newCallId;
          calls.computeIfAbsent(newCallId, id -> new CompletableFuture<>()).complete(call);
          forgetLater(callId);
        });
  }

  /** rtpengine records the call's audio (SPEC B13). */
  @Override
  public void startRecording(String account, long callId, Path file) {
    recorder().start(session(callId));
  }

  /** rtpengine stops recording; its capture is made into {@code file}. */
  @Override
  public void stopRecording(String account, long callId, Path file) {
    recorder().stop(session(callId), file);
  }

  private CallRecorder recorder() {
    if (recorder == null) {
      throw notYet("recording without rtpengine and its folder (relais.sip.recordings)");
    }
    return recorder;
  }

  /**
   * The call's media session: a trunk call's first id, kept after a transfer; an outbound call's id
   * (which it is too for a trunk call already forgotten).
   */
  private String session(long callId) {
    CompletableFuture<SipCall> known = calls.get(callId);
    SipCall call = known == null ? null : known.getNow(null);
    String session = call == null ? null : call.session();
    return session != null ? session : Long.toString(callId);
  }

  private static UnsupportedOperationException notYet(String feature) {
    return new UnsupportedOperationException(feature + " is not on the SIP switch yet");
  }

  // ------------------------------------------------------------- the SIP stack's events

  @Override
  public void processRequest(RequestEvent event) {
    Request request = event.getRequest();
    try {
      switch (request.getMethod()) {
        case Request.INVITE -> {
          if (event.getDialog() == null) {
            arrived(event);
          } else {
            respond(event, Response.NOT_IMPLEMENTED); // re-INVITE: no hold from the trunk yet
          }
        }
        case Request.ACK -> {} // the caller confirms the answer: nothing to do
        case Request.CANCEL -> cancelled(event);
        case Request.BYE -> hungUp(event);
        case Request.OPTIONS -> respond(event, Response.OK);
        // A trunk's word on a transfer it carries (RFC 3515): heard, and nothing more to do.
        case Request.NOTIFY -> respond(event, Response.OK);
        case Request.MESSAGE -> registrationChanged(event);
        default -> respond(event, Response.METHOD_NOT_ALLOWED);
      }
    } catch (Exception e) {
      LOG.log(Level.WARNING, "SIP " + request.getMethod() + " not handled", e);
    }
  }

  @Override
  public void processResponse(ResponseEvent event) {
    ClientTransaction transaction = event.getClientTransaction();
    int status = event.getResponse().getStatusCode();
    if (transaction != null
        && transaction.getApplicationData() instanceof SipCall.Referral referral
        && status >= 200) {
      referral.answered().run();
      return;
    }
    if (transaction != null && transaction.getApplicationData() == SipEndpoint.REOFFER) {
      reofferAnswered(event, status);
      return;
    }
    if (transaction != null && transaction.getApplicationData() instanceof SipOutboundCall call) {
      outboundAnswered(call, transaction, event, status);
      return;
    }
    if (transaction != null
        && transaction.getApplicationData() instanceof SupervisorPhones.Marker supervisor) {
      supervisorAnswered(supervisor, transaction, event, status);
      return;
    }
    if (transaction != null && transaction.getApplicationData() instanceof SipCall.Line line) {
      SipCall call = line.call();
      boolean gone =
          status >= 300
              ? call.lineFailed()
              : status >= 200 && call.lineAnswered(event.getDialog(), event.getResponse());
      if (gone) {
        reportCallerHungUp(call);
      }
      return;
    }
    if (transaction == null || !(transaction.getApplicationData() instanceof SipCall call)) {
      return; // answers to CANCEL and BYE, or a stray retransmission
    }
    if (status < 200) {
      call.agentProceeding(transaction);
    } else if (status < 300) {
      String extension = call.agentAnswered(transaction, event.getDialog(), event.getResponse());
      if (extension != null) {
        report(events -> events.answered(call.account, extension));
      }
    } else {
      phoneFailed(call, transaction);
    }
  }

  @Override
  public void processTimeout(TimeoutEvent event) {
    ClientTransaction transaction = event.getClientTransaction();
    Object marked = transaction == null ? null : transaction.getApplicationData();
    if (marked instanceof SipCall call) {
      phoneFailed(call, transaction);
    } else if (marked instanceof SipOutboundCall call) {
      tell(call, call.refused(transaction, 0));
    } else if (marked instanceof SipCall.Line line && line.call().lineFailed()) {
      reportCallerHungUp(line.call());
    } else if (marked instanceof SipCall.Referral referral) {
      // A trunk that never answers the transfer: this side leaves all the same.
      referral.answered().run();
    } else if (marked instanceof SupervisorPhones.Marker supervisor) {
      supervisor.phones().gone(supervisor.extension(), transaction, null);
    }
  }

  @Override
  public void processIOException(IOExceptionEvent event) {
    LOG.warning("SIP cannot reach " + event.getHost() + ":" + event.getPort());
  }

  @Override
  public void processTransactionTerminated(TransactionTerminatedEvent event) {
    // transactions end by themselves; calls end on BYE, CANCEL or the engine's hang-up
  }

  @Override
  public void processDialogTerminated(DialogTerminatedEvent event) {
    // idem
  }

  // ------------------------------------------------------------- the callers' side

  /**
   * A key a caller pressed: {@value #CALLBACK_KEY}, while it waits in the queue, asks to be called
   * back keeping its place (SPEC X1); the engine decides, and lets it go once it has. Other keys
   * are not used yet.
   */
  private void keyPressed(CallerKeys.Key key) {
    if (key.key() != CALLBACK_KEY) {
      return;
    }
    for (CompletableFuture<SipCall> known : calls.values()) {
      SipCall call = known.getNow(null);
      if (call != null
          && key.session().equals(call.session())
          && call.asksForCallback(key.party())) {
        long callId = call.callId;
        report(events -> events.callbackRequested(call.account, callId));
        return;
      }
    }
  }

  /** A new call: from a trunk, for a group's number, or refused. */
  private void arrived(RequestEvent event) throws Exception {
    Request invite = event.getRequest();
    String source = ((SIPMessage) invite).getPeerPacketSourceAddress().getHostAddress();
    if (!settings.trunks().contains(source)) {
      LOG.warning("SIP INVITE refused: " + source + " is not in relais.sip.trunks");
      respond(event, Response.FORBIDDEN);
      return;
    }
    ServerTransaction transaction = serverTransaction(event);
    transaction.sendResponse(endpoint.response(Response.TRYING, invite));
    if (invite.getRawContent() == null) {
      // The phones answer the caller's own offer: an INVITE without one has nothing to carry.
      transaction.sendResponse(endpoint.response(Response.NOT_ACCEPTABLE_HERE, invite));
      return;
    }
    reporter.execute(() -> queue(transaction, number(invite.getRequestURI()), caller(invite)));
  }

  /**
   * A message refused as malformed, on a thread of the SIP stack: counted, and logged at most once
   * a minute, so that a flood of garbage does not flood the log too.
   */
  private void malformed() {
    malformedCounted.accept(1);
    long count = malformedMessages.incrementAndGet();
    long now = System.nanoTime();
    long last = malformedLogged.get();
    if ((last == 0 || now - last > TimeUnit.MINUTES.toNanos(1))
        && malformedLogged.compareAndSet(last, now)) {
      LOG.warning(
          "a malformed SIP message was answered 400 or dropped ("
              + count
              + " since the start; relais_sip_malformed_messages_total)");
    }
  }

  /**
   * Kamailio's word that a phone's registration changed (kamailio.cfg, route TELL_RELAIS): a
   * MESSAGE to {@code registrations} from the registrar's address, whose body is the phone's
   * address of record, {@code extension@account}. It says only which phone to look at: the registry
   * is asked what stands now, on the reporter thread, and the engine told, in order with the calls.
   */
  private void registrationChanged(RequestEvent event) throws Exception {
    Request message = event.getRequest();
    String source = ((SIPMessage) message).getPeerPacketSourceAddress().getHostAddress();
    if (!source.equals(registrarAddress)
        || !(message.getRequestURI() instanceof SipURI uri)
        || !"registrations".equals(uri.getUser())
        || message.getRawContent() == null) {
      respond(event, Response.FORBIDDEN);
      return;
    }
    respond(event, Response.OK);
    String aor = new String(message.getRawContent(), StandardCharsets.UTF_8).strip();
    int at = aor.lastIndexOf('@');
    if (at < 1 || at == aor.length() - 1) {
      LOG.warning("a registration notice names no extension@account: " + aor);
      return;
    }
    tellRegistration(aor.substring(at + 1), aor.substring(0, at));
  }

  /**
   * Tells the engine whether each of these phones is registered now, on the reporter thread: at
   * start, registrations may have come and gone while Relais was down.
   */
  public void reconcile(List<RegisteredPhones.Phone> phones) {
    phones.forEach(phone -> tellRegistration(phone.account(), phone.extension()));
  }

  /**
   * Tells the engine whether the phone is registered now, on the reporter thread: after Kamailio's
   * notice, or after Relais itself removed its registration (a new SIP password or extension).
   */
  void tellRegistration(String account, String extension) {
    report(
        events ->
            events.phoneRegistration(
                account, extension, registry.registration(account, extension).registered()));
  }

  /** Finds the number's group and hands the call to the engine: the reporter thread's work. */
  private void queue(ServerTransaction transaction, String number, String caller) {
    Request invite = transaction.getRequest();
    try {
      Optional<CalledGroup> called = number == null ? Optional.empty() : numbers.group(number);
      if (called.isEmpty()) {
        transaction.sendResponse(endpoint.response(Response.NOT_FOUND, invite));
        return;
      }
      SipCall call =
          new SipCall(
              endpoint, media, called.get().account(), called.get().group(), caller, transaction);
      transaction.setApplicationData(call);
      call.queued();
      acd.unawaited()
          .callArriving(call.account, call.group, caller, null)
          .whenCompleteAsync(
              (callId, refused) -> {
                if (refused != null) {
                  notQueued(transaction, number, refused);
                } else {
                  known(call, callId);
                }
              },
              reporter);
    } catch (Exception e) {
      notQueued(transaction, number, e);
    }
  }

  /**
   * The engine took the call in: on the reporter thread, after the events reported meanwhile, so
   * that a hang-up reported before the call's id was known is told here.
   */
  private void known(SipCall call, long callId) {
    call.callId = callId;
    call.anchor(callId);
    calls.computeIfAbsent(callId, id -> new CompletableFuture<>()).complete(call);
    if (call.callerGone()) {
      acd.unawaited().callerHungUp(call.account, callId);
      forgetLater(callId);
    }
  }

  private void notQueued(ServerTransaction transaction, String number, Throwable failure) {
    LOG.log(Level.WARNING, "SIP call for " + number + " not queued", failure);
    try {
      transaction.sendResponse(
          endpoint.response(Response.SERVER_INTERNAL_ERROR, transaction.getRequest()));
    } catch (Exception answered) {
      // answered already: the engine's hang-up, or the caller's cancel, ends it
    }
  }

  /** The caller gave up while queued or ringing an agent. */
  private void cancelled(RequestEvent event) throws Exception {
    ServerTransaction transaction = serverTransaction(event);
    transaction.sendResponse(endpoint.response(Response.OK, event.getRequest()));
    SIPServerTransaction invite =
        ((SIPServerTransaction) transaction).getCanceledInviteTransaction();
    if (invite != null
        && invite.getApplicationData() instanceof SipCall call
        && call.callerCancelled()) {
      reportCallerHungUp(call);
    }
  }

  /** A BYE, from the caller or from an agent's phone. */
  private void hungUp(RequestEvent event) throws Exception {
    respond(event, Response.OK);
    if (event.getDialog().getApplicationData() instanceof SipOutboundCall outbound) {
      tell(outbound, outbound.byeFrom(event.getDialog()));
      return;
    }
    if (event.getDialog().getApplicationData() instanceof SupervisorPhones.Marker supervisor) {
      supervisor.phones().gone(supervisor.extension(), null, event.getDialog());
      return;
    }
    if (!(event.getDialog().getApplicationData() instanceof SipCall call)) {
      return;
    }
    String extension = call.agentHungUp(event.getDialog());
    if (extension != null) {
      report(events -> events.agentHungUp(call.account, extension));
    } else if (call.callerHungUp()) {
      reportCallerHungUp(call);
    }
  }

  private void reportCallerHungUp(SipCall call) {
    report(
        events -> {
          // Before its id is known, the arrival's own report tells the engine of the hang-up.
          if (call.callId != null) {
            events.callerHungUp(call.account, call.callId);
            forgetLater(call.callId);
          }
        });
  }

  /**
   * A phone's answer to a re-INVITE: a 2xx is acknowledged; a refusal leaves the media as it was.
   */
  private void reofferAnswered(ResponseEvent event, int status) {
    if (status >= 200 && status < 300) {
      try {
        endpoint.ack(event.getDialog(), event.getResponse());
      } catch (Exception e) {
        LOG.log(Level.WARNING, "SIP re-INVITE's answer not acknowledged", e);
      }
    } else if (status >= 300) {
      LOG.warning("a phone refused a change of its media (hold): " + status);
    }
  }

  /** An answer to the INVITE of a supervisor's phone joining a call. */
  private void supervisorAnswered(
      SupervisorPhones.Marker supervisor,
      ClientTransaction invite,
      ResponseEvent event,
      int status) {
    SupervisorPhones phones = supervisor.phones();
    String extension = supervisor.extension();
    if (status < 200) {
      phones.proceeding(invite);
    } else if (status < 300) {
      phones.answered(extension, invite, event.getDialog(), event.getResponse());
    } else {
      phones.gone(extension, invite, null);
    }
  }

  /** Tells the engine that the supervisor's phone left the call, once the call's id is known. */
  private void supervisorLeft(SupervisorPhones phones, String extension) {
    String account = phones.account();
    Long callId = phones.callId();
    if (callId != null) {
      report(events -> events.monitorLeft(account, callId, extension));
    }
  }

  /** An answer to one of an outbound call's INVITEs (the agent's phone's, or the customer's). */
  private void outboundAnswered(
      SipOutboundCall call, ClientTransaction invite, ResponseEvent event, int status) {
    if (status < 200) {
      call.proceeding(invite);
    } else if (status < 300) {
      tell(call, call.answered(invite, event.getDialog(), event.getResponse()));
    } else {
      tell(call, call.refused(invite, status));
    }
  }

  /** Tells the engine what became of an outbound call; a call that is over is forgotten. */
  private void tell(SipOutboundCall call, SipOutboundCall.Report what) {
    String account = call.account;
    long callId = call.callId;
    if (what != SipOutboundCall.Report.NONE && what != SipOutboundCall.Report.ANSWERED) {
      outboundCalls.remove(callId);
    }
    switch (what) {
      case NONE -> {}
      case ANSWERED -> report(events -> events.outboundAnswered(account, callId));
      case AGENT_HUNG_UP -> report(events -> events.agentHungUp(account, call.extension()));
      case CUSTOMER_HUNG_UP -> report(events -> events.callerHungUp(account, callId));
      default -> report(events -> events.outboundFailed(account, callId, what.failure()));
    }
  }

  private void phoneFailed(SipCall call, ClientTransaction transaction) {
    String extension = call.agentFailed(transaction);
    if (extension != null) {
      report(events -> events.refused(call.account, extension));
    }
  }

  private static String number(URI uri) {
    if (uri instanceof SipURI sip) {
      return sip.getUser();
    }
    return uri instanceof TelURL tel ? tel.getPhoneNumber() : null;
  }

  /** The caller's number: the trunk's P-Asserted-Identity, else the From user, as sent. */
  private static String caller(Request invite) {
    if (invite.getHeader("P-Asserted-Identity") instanceof HeaderAddress asserted) {
      String number = number(asserted.getAddress().getURI());
      if (number != null) {
        return number;
      }
    }
    String from = number(((FromHeader) invite.getHeader(FromHeader.NAME)).getAddress().getURI());
    return from == null ? "anonymous" : from;
  }

  // ------------------------------------------------------------- plumbing

  private ServerTransaction serverTransaction(RequestEvent event) throws Exception {
    ServerTransaction transaction = event.getServerTransaction();
    return transaction != null
        ? transaction
        : endpoint.provider().getNewServerTransaction(event.getRequest());
  }

  private void respond(RequestEvent event, int status) throws Exception {
    serverTransaction(event).sendResponse(endpoint.response(status, event.getRequest()));
  }

  /**
   * Tells the engine, in order, on the reporter thread, which does not wait for the engine's commit
   * ({@link SwitchEvents#unawaited()}): the events of many calls share one.
   */
  private void report(Consumer<SwitchEvents> event) {
    reporter.execute(
        () -> {
          try {
            event.accept(acd.unawaited());
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a SIP event was not told to the engine", e);
          }
        });
  }

  /** Runs the engine's command on the call once its id is known. */
  private void whenKnown(long callId, Consumer<SipCall> command) {
    calls
        .computeIfAbsent(
            callId,
            id -> {
              CompletableFuture<SipCall> unknown = new CompletableFuture<>();
              // A call this switch never held (the engine's recovery, a call of another switch).
              reporter.schedule(
                  () -> calls.remove(id, unknown), FORGET_AFTER_SECONDS, TimeUnit.SECONDS);
              return unknown;
            })
        .thenAccept(command)
        .exceptionally(
            e -> {
              LOG.log(Level.WARNING, "SIP command on call " + callId + " failed", e);
              return null;
            });
  }

  private void forgetLater(long callId) {
    reporter.schedule(() -> calls.remove(callId), FORGET_AFTER_SECONDS, TimeUnit.SECONDS);
  }
}
