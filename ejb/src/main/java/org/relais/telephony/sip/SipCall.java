package org.relais.telephony.sip;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.TransactionState;
import javax.sip.header.FromHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * One trunk call as Relais's back-to-back user agent holds it: the caller's leg (the INVITE it
 * keeps unanswered while the call is queued) and at most one agent leg (the INVITE to the agent's
 * phone, then its dialog). A consult call to an agent or a group (SPEC B12) is held the same way,
 * its caller's leg a line this side opens on the consulting agent's phone ({@link #consultLine}).
 * Their media goes through the call's {@link MediaAnchor}: the agents' phones are offered the
 * caller's SDP as it gives it back, and the caller is answered with the phone's likewise. Where the
 * anchor {@link MediaAnchor#plays() plays} prompts, the queued caller hears the queue's
 * announcement as early media (a 183, the call not answered: waiting costs the caller nothing), and
 * music while on hold; else it hears ringing, then silence on hold.
 *
 * <p>Every change happens under the call's lock; the methods answer whether the engine must hear of
 * it, and the switch reports it. A SIP send that fails is logged and the leg counted as ended.
 */
final class SipCall implements SupervisorPhones.Monitored {

  private static final Logger LOG = Logger.getLogger(SipCall.class.getName());

  private enum Caller {
    /** A consult call's line, rung on the consulting agent's phone, not answered yet. */
    CALLING,
    QUEUED,
    CONNECTED,
    /**
     * Answered, with no agent: passed on by a blind transfer to an agent or a group, or a consult
     * call's line waiting for the consulted agent. On hold meanwhile.
     */
    PASSED_ON,
    /** Sent elsewhere by its trunk (REFER), which has yet to answer: this side leaves then. */
    REFERRED,
    ENDED
  }

  private enum Leg {
    RINGING,
    ANSWERED,
    CONNECTED,
    ENDED
  }

  /** The INVITE to one agent's phone and what became of it. */
  private static final class AgentLeg {
    final String extension;
    final ClientTransaction invite;
    Leg state = Leg.RINGING;
    Dialog dialog;
    byte[] sdp;

    /** What the phone was offered (the caller's media), for the offers that change it (hold). */
    final SessionDescription offered;

    AgentLeg(String extension, ClientTransaction invite, byte[] offered) {
      this.extension = extension;
      this.invite = invite;
      this.offered = new SessionDescription(offered);
    }

    /** A party joined to the caller by an attended transfer, already talking. */
    AgentLeg(Party party) {
      this.extension = party.name();
      this.invite = null;
      this.offered = party.offered();
      this.dialog = party.dialog();
      this.sdp = party.sdp();
      this.state = Leg.CONNECTED;
    }
  }

  /**
   * The far end of a consult call, handed over to be joined with the caller: its name (the number
   * called, or the consulted agent's extension), its dialog, what it was last offered, and its
   * media. A consulted agent stays in the ACD: the engine hears of its hang-up as of any agent's.
   */
  record Party(String name, Dialog dialog, SessionDescription offered, byte[] sdp, boolean agent) {}

  /** Marks the INVITE of a consult call's line, whose answers go to {@link #lineAnswered}. */
  record Line(SipCall call) {}

  /**
   * Marks a transfer's REFER, whose answer (or its timeout) lets this side leave the party it sent
   * elsewhere: {@code answered} runs then.
   */
  record Referral(Runnable answered) {}

  final String account;
  final String group;
  final String callerNumber;

  /** The engine's id for the call, once it has taken the arrival. */
  volatile Long callId;

  private final SipEndpoint endpoint;
  private final MediaAnchor media;

  /** The trunk's INVITE; null for a consult call's line. */
  private final ServerTransaction callerInvite;

  /** The caller's media offer: the trunk's INVITE's, or the consulting phone's answer's. */
  private byte[] callerSdp;

  /** The caller's side of the caller's dialog, and Relais's: the media session's two parties. */
  private final String trunkTag;

  /**
   * The caller's dialog where there is no trunk's INVITE: a consult call's line on the consulting
   * agent's phone (its INVITE, then its dialog), or the dialog of a customer passed on.
   */
  private ClientTransaction lineInvite;

  private Dialog lineDialog;

  /** The consulted agent's phone, to ring once the consult call's line has answered. */
  private String ringOnAnswer;

  /** The queued caller pressed the key that asks to be called back (SPEC X1). */
  private boolean callbackAsked;

  private final String callerTag = SipEndpoint.newTag();

  /** The call's media session, once anchored: the engine's first id of the call. */
  private String session;

  /** The media session was freed: the call is over. */
  private boolean deleted;

  /** The caller's media as the agents' phones are offered it. */
  private byte[] phoneOffer;

  private Caller caller = Caller.QUEUED;
  private AgentLeg agent;

  /**
   * Joined to a number by an attended transfer: the ACD is done with the call, and this side only
   * carries it until one of the two hangs up.
   */
  private boolean released;

  /** What the caller was answered with (the agent phone's SDP), for the offers that change it. */
  private SessionDescription answered;

  /** Offers withdrawn before the phone's first provisional answer: their CANCEL waits for it. */
  private final List<AgentLeg> withdrawn = new ArrayList<>();

  /** The supervisors' phones on the call (SPEC X2). */
  private final SupervisorPhones supervisors;

  SipCall(
      SipEndpoint endpoint,
      MediaAnchor media,
      String account,
      String group,
      String callerNumber,
      ServerTransaction callerInvite) {
    this.endpoint = endpoint;
    this.media = media;
    this.account = account;
    this.group = group;
    this.callerNumber = callerNumber;
    this.callerInvite = callerInvite;
    this.callerSdp = callerInvite.getRequest().getRawContent();
    this.trunkTag = ((FromHeader) callerInvite.getRequest().getHeader(FromHeader.NAME)).getTag();
    this.supervisors = new SupervisorPhones(endpoint, this, new AgentSide());
  }

  /**
   * A call whose caller's dialog this side opens or takes over (no trunk's INVITE): a consult
   * call's line, or the customer of an agent's own call passed on. Its media session is named by
   * {@code callId}.
   */
  private SipCall(
      SipEndpoint endpoint, MediaAnchor media, String account, long callId, String callerNumber) {
    this.endpoint = endpoint;
    this.media = media;
    this.account = account;
    this.group = null;
    this.callerNumber = callerNumber;
    this.callerInvite = null;
    this.trunkTag = SipEndpoint.newTag();
    this.callId = callId;
    this.session = Long.toString(callId);
    this.caller = Caller.CALLING;
    this.supervisors = new SupervisorPhones(endpoint, this, new AgentSide());
  }

  /**
   * A consult call to an agent or a group: a line opened on the consulting agent's phone, an INVITE
   * without an offer (RFC 3725's flow I), so that the phone offers its media in its answer, as a
   * trunk's caller does in its INVITE. Once answered, the line waits on hold for the consulted
   * agent, offered and bridged as any caller. The consulted phone is shown the consulting one's
   * extension.
   */
  static SipCall consultLine(
      SipEndpoint endpoint, MediaAnchor media, String account, long consultId, String extension) {
    SipCall call = new SipCall(endpoint, media, account, consultId, extension);
    synchronized (call) {
      try {
        call.lineInvite = endpoint.invite(account, extension, extension, null, new Line(call));
      } catch (Exception e) {
        call.failed("opening a consult line on extension " + extension, e);
        call.callerEnded();
      }
    }
    return call;
  }

  /**
   * The customer of an agent's own call, passed on by a blind transfer to an agent or a group: its
   * dialog taken over, its media anchored anew under the call's new id (a re-INVITE), it waits on
   * hold with music for the agent the ACD offers it to next, as a trunk's caller passed on does.
   * Hung up where its media cannot be anchored.
   */
  static SipCall passedOn(
      SipEndpoint endpoint, MediaAnchor media, String account, long callId, Party customer) {
    SipCall call = new SipCall(endpoint, media, account, callId, customer.name());
    synchronized (call) {
      call.takeOver(customer);
    }
    return call;
  }

  private void takeOver(Party customer) {
    lineDialog = customer.dialog();
    lineDialog.setApplicationData(this);
    callerSdp = customer.sdp();
    byte[] answer;
    try {
      phoneOffer = media.offer(session, trunkTag, null, callerSdp);
      answer =
          media.answer(
              session, trunkTag, callerTag, SessionDescription.discard(endpoint.address()));
    } catch (MediaUnavailableException e) {
      LOG.warning("SIP call " + session + " of account " + account + " hung up: " + e.getMessage());
      bye(lineDialog);
      callerEnded();
      return;
    }
    answered = customer.offered();
    caller = Caller.PASSED_ON;
    try {
      endpoint.reinvite(lineDialog, answered.offerOf(answer, held()), SipEndpoint.REOFFER);
    } catch (Exception e) {
      failed("holding the customer passed on", e);
    }
    media.play(session, trunkTag, Prompt.HOLD);
  }

  /** The caller's dialog: the trunk's, the consult call's line's, or the customer's passed on. */
  private Dialog callerDialog() {
    return callerInvite != null ? callerInvite.getDialog() : lineDialog;
  }

  /** Tells the caller its call is taken: ringing, until an agent answers. */
  synchronized void queued() {
    try {
      callerInvite.sendResponse(
          endpoint.response(Response.RINGING, callerInvite.getRequest(), callerTag));
      callerDialog().setApplicationData(this);
    } catch (Exception e) {
      failed("ringing the caller", e);
    }
  }

  /**
   * Anchors the caller's media under the engine's id of the call, and plays it the queue's
   * announcement where prompts are played; where the media cannot be anchored, the caller is turned
   * away (503) and {@link #callerGone()}.
   */
  synchronized void anchor(long callId) {
    if (caller == Caller.ENDED) {
      return;
    }
    session = Long.toString(callId);
    try {
      phoneOffer = media.offer(session, trunkTag, null, callerSdp);
      if (media.plays()) {
        // Nobody answers yet: rtpengine's side of the caller takes its audio to the discard port.
        byte[] early =
            media.answer(
                session, trunkTag, callerTag, SessionDescription.discard(endpoint.address()));
        callerInvite.sendResponse(endpoint.earlyMedia(callerInvite.getRequest(), callerTag, early));
        media.play(session, trunkTag, Prompt.QUEUE);
      }
    } catch (MediaUnavailableException e) {
      LOG.warning(
          "SIP call " + callId + " of account " + account + " turned away: " + e.getMessage());
      respondToCaller(Response.SERVICE_UNAVAILABLE);
    } catch (Exception e) {
      failed("giving the caller its early media", e);
    }
  }

  synchronized boolean callerGone() {
    return caller == Caller.ENDED;
  }

  /**
   * Whether a key that {@code party} pressed is this call's caller's while it waits in the queue,
   * unanswered: such a caller may ask to be called back (SPEC X1).
   */
  synchronized boolean asksForCallback(String party) {
    if (callerInvite == null || caller != Caller.QUEUED || !trunkTag.equals(party)) {
      return false;
    }
    callbackAsked = true;
    return true;
  }

  /**
   * A caller let go after it asked to be called back first hears that it will be: the prompt is
   * played, and the switch hangs up once it has.
   *
   * @return how long the prompt lasts, in milliseconds; 0 where the call is to be hung up at once
   */
  synchronized long farewell() {
    if (!callbackAsked || caller != Caller.QUEUED) {
      return 0;
    }
    callbackAsked = false;
    media.stop(session, trunkTag);
    return media.play(session, trunkTag, Prompt.CALLBACK);
  }

  // ------------------------------------------------------------- what the engine commands

  synchronized void ringAgent(String extension) {
    if (caller == Caller.ENDED) {
      return;
    }
    if (caller == Caller.CALLING) {
      ringOnAnswer = extension; // the consulted phone is offered the consulting one's media
      return;
    }
    endAgentLeg();
    try {
      ClientTransaction invite =
          endpoint.invite(account, extension, callerNumber, phoneOffer, this);
      agent = new AgentLeg(extension, invite, phoneOffer);
    } catch (Exception e) {
      failed("ringing extension " + extension, e);
    }
  }

  synchronized void cancelAgent(String extension) {
    if (extension.equals(ringOnAnswer)) {
      ringOnAnswer = null;
    }
    if (agent != null && agent.extension.equals(extension)) {
      endAgentLeg();
    }
  }

  /**
   * Puts the caller through to the agent whose phone answered: a waiting caller is answered with
   * that phone's media description; one passed on from another agent is offered it (a re-INVITE,
   * under the session's own origin). They talk from now on.
   *
   * @return false where the phone's media could not be anchored: both legs are hung up then
   */
  synchronized boolean bridge(String extension) {
    if ((caller != Caller.QUEUED && caller != Caller.PASSED_ON)
        || agent == null
        || agent.state != Leg.ANSWERED
        || !agent.extension.equals(extension)) {
      return true;
    }
    byte[] sdp;
    try {
      media.stop(session, trunkTag); // the announcement, or the music of a caller passed on
      sdp = media.answer(session, trunkTag, callerTag, agent.sdp);
    } catch (MediaUnavailableException e) {
      LOG.warning("SIP call " + session + " of account " + account + " hung up: " + e.getMessage());
      hangUp();
      return false;
    }
    try {
      if (caller == Caller.QUEUED) {
        callerInvite.sendResponse(endpoint.answer(callerInvite.getRequest(), callerTag, sdp));
        answered = new SessionDescription(sdp);
      } else {
        endpoint.reinvite(callerDialog(), answered.offerOf(sdp), SipEndpoint.REOFFER);
      }
      caller = Caller.CONNECTED;
      agent.state = Leg.CONNECTED;
    } catch (Exception e) {
      failed("answering the caller", e);
    }
    return true;
  }

  /**
   * Hold (SPEC B12): the two stop hearing each other, each offered its session anew (re-INVITEs):
   * the agent's phone with its media inactive; the caller with its media inactive too, or, where
   * prompts are played, with media it only receives, and music on hold (what the agent's phone
   * sends blocked meanwhile).
   *
   * <p>Nothing is sent unless they talk. The re-INVITEs are marked {@link SipEndpoint#REOFFER}.
   */
  synchronized void hold() {
    if (talking()) {
      reoffer(held(), "inactive");
      media.block(session, callerTag, true);
      media.play(session, trunkTag, Prompt.HOLD);
    }
  }

  /** Off hold: the music stops, and the two hear each other again (re-INVITEs). */
  synchronized void resume() {
    if (talking()) {
      media.stop(session, trunkTag);
      media.block(session, callerTag, false);
      reoffer("sendrecv", "sendrecv");
    }
  }

  private boolean talking() {
    return caller == Caller.CONNECTED && agent != null && agent.state == Leg.CONNECTED;
  }

  /** The caller's media on hold: received only where it hears music, else inactive. */
  private String held() {
    return media.plays() ? "sendonly" : "inactive";
  }

  private void reoffer(String callerDirection, String phoneDirection) {
    try {
      endpoint.reinvite(callerDialog(), answered.offer(callerDirection), SipEndpoint.REOFFER);
      endpoint.reinvite(agent.dialog, agent.offered.offer(phoneDirection), SipEndpoint.REOFFER);
    } catch (Exception e) {
      failed("offering the media " + callerDirection + " and " + phoneDirection, e);
    }
  }

  /**
   * Blind transfer to an agent or a group: the agent's phone leaves and the caller, on hold, waits
   * for the agent the ACD finds next ({@link #ringAgent}, then {@link #bridge}).
   */
  synchronized void passOn() {
    if (caller != Caller.CONNECTED) {
      return;
    }
    endAgentLeg();
    caller = Caller.PASSED_ON;
    try {
      endpoint.reinvite(callerDialog(), answered.offer(held()), SipEndpoint.REOFFER);
    } catch (Exception e) {
      failed("holding the caller passed on", e);
    }
    media.play(session, trunkTag, Prompt.HOLD);
  }

  /**
   * Blind transfer to a number: the caller's trunk is asked to call it instead (REFER), and the
   * agent's phone leaves; once the trunk has answered the request, this side leaves the caller.
   *
   * <p>The REFER is marked {@link Referral}: its answer goes to {@link #referAnswered}. Nothing is
   * sent unless the caller talks; a REFER that cannot go hangs the caller up.
   */
  synchronized void transfer(String number) {
    if (caller != Caller.CONNECTED) {
      return;
    }
    endAgentLeg();
    caller = Caller.REFERRED;
    try {
      endpoint.refer(callerDialog(), number, new Referral(this::referAnswered));
    } catch (Exception e) {
      failed("transferring the caller to " + number, e);
      endCallerLeg();
    }
  }

  /**
   * The attended transfer (SPEC B12): the caller, on hold, is joined with the consult call's far
   * end, and the agent's phone leaves. Both are offered each other's media anew (re-INVITEs): the
   * far end the caller's, as the agents' phones were, and the caller the far end's, as an agent's
   * phone's answer. A consulted number takes the call out of the ACD, and this side only carries it
   * until either hangs up; a consulted agent talks with the caller as on any call of its own.
   *
   * <p>The far end is hung up where the caller is gone, or where the media cannot be anchored.
   */
  synchronized void join(Party far) {
    if (caller != Caller.CONNECTED) {
      bye(far.dialog());
      return;
    }
    endAgentLeg();
    released = !far.agent();
    byte[] sdp;
    try {
      media.stop(session, trunkTag); // the music on hold
      media.block(session, callerTag, false);
      sdp = media.answer(session, trunkTag, callerTag, far.sdp());
    } catch (MediaUnavailableException e) {
      LOG.warning("SIP call " + session + " of account " + account + " hung up: " + e.getMessage());
      bye(far.dialog());
      endCallerLeg();
      return;
    }
    agent = new AgentLeg(far);
    far.dialog().setApplicationData(this);
    try {
      endpoint.reinvite(callerDialog(), answered.offerOf(sdp), SipEndpoint.REOFFER);
      endpoint.reinvite(far.dialog(), far.offered().offerOf(phoneOffer), SipEndpoint.REOFFER);
    } catch (Exception e) {
      failed("joining the caller with " + far.name(), e);
    }
  }

  /**
   * The trunk answered the transfer (accepted or refused: the ACD has sent the caller on either
   * way): this side hangs up its leg; a trunk that carries the transfer keeps the caller's call.
   */
  synchronized void referAnswered() {
    if (caller == Caller.REFERRED) {
      bye(callerDialog());
      callerEnded();
    }
  }

  /**
   * The consulted agent's phone, handed over to be joined with the caller of the call consulted
   * about (the attended transfer to an agent or a group): this call's line on the consulting phone
   * is hung up and its media freed. Null, every leg hung up, where the two no longer talk.
   */
  synchronized Party handOver() {
    supervisors.endAll();
    AgentLeg leg = agent;
    if (caller != Caller.CONNECTED || leg == null || leg.state != Leg.CONNECTED) {
      hangUp();
      return null;
    }
    agent = null;
    endCallerLeg();
    return new Party(leg.extension, leg.dialog, leg.offered, leg.sdp, true);
  }

  /** Ends every leg still up. */
  synchronized void hangUp() {
    endAgentLeg();
    endCallerLeg();
  }

  // ------------------------------------------------------------- supervisors' phones (SPEC X2)

  /**
   * The supervisors' phones on the call: they join and leave its talk ({@link SupervisorPhones}).
   */
  SupervisorPhones supervisors() {
    return supervisors;
  }

  @Override
  public String account() {
    return account;
  }

  @Override
  public Long callId() {
    return callId;
  }

  /**
   * The agent's side of the call as the supervisors' phones see it, called under the call's lock.
   * rtpengine is answered anew for that side (the caller's offer stands): it sends the caller's
   * audio there, and keeps its ports for the agent's side, the phone's offer.
   */
  private final class AgentSide implements SupervisorPhones.Talk {

    @Override
    public boolean talking() {
      return SipCall.this.talking() && media.plays();
    }

    @Override
    public String agentExtension() {
      return agent.extension;
    }

    @Override
    public byte[] agentSdp() {
      return agent.sdp;
    }

    @Override
    public byte[] anchorAgentSide(byte[] sdp) {
      media.answer(session, trunkTag, callerTag, sdp);
      return phoneOffer;
    }

    @Override
    public void reofferAgentPhone(byte[] sdp) throws Exception {
      // A phone on hold stays so: the mix, or rtpengine again, offered in the same direction.
      endpoint.reinvite(
          agent.dialog, agent.offered.offerOf(sdp, agent.offered.direction()), SipEndpoint.REOFFER);
    }
  }

  // ------------------------------------------------------------- what the phones do

  /**
   * The consulting agent's phone answered the consult call's line, offering its media: the offer is
   * anchored and answered in the ACK, toward nobody yet (music where prompts are played), and the
   * line waits on hold; the consulted agent's phone, if the ACD offered it the call meanwhile, is
   * rung now. A line no longer wanted, or that offers no media, is hung up.
   *
   * @return whether the engine must hear that the line is gone
   */
  synchronized boolean lineAnswered(Dialog dialog, Response ok) {
    lineDialog = dialog;
    byte[] discard = SessionDescription.discard(endpoint.address());
    boolean wanted = caller == Caller.CALLING;
    if (!wanted || ok.getRawContent() == null) {
      ackLine(ok, discard);
      bye(dialog);
      callerEnded();
      return wanted;
    }
    dialog.setApplicationData(this);
    callerSdp = ok.getRawContent();
    byte[] answer;
    try {
      phoneOffer = media.offer(session, trunkTag, null, callerSdp);
      answer = media.answer(session, trunkTag, callerTag, discard);
    } catch (MediaUnavailableException e) {
      LOG.warning("consult call " + session + " of account " + account + ": " + e.getMessage());
      ackLine(ok, discard);
      bye(dialog);
      callerEnded();
      return true;
    }
    ackLine(ok, answer);
    answered = new SessionDescription(answer);
    caller = Caller.PASSED_ON;
    media.play(session, trunkTag, Prompt.HOLD);
    String consulted = ringOnAnswer;
    ringOnAnswer = null;
    if (consulted != null) {
      ringAgent(consulted);
    }
    return false;
  }

  /**
   * The consulting agent's phone refused the consult call's line, or never answered it.
   *
   * @return whether the engine must hear that the line is gone
   */
  synchronized boolean lineFailed() {
    if (caller != Caller.CALLING) {
      return false;
    }
    ringOnAnswer = null;
    callerEnded();
    return true;
  }

  private void ackLine(Response ok, byte[] answer) {
    try {
      endpoint.ack(lineDialog, ok, answer);
    } catch (Exception e) {
      failed("acknowledging the consult line's answer", e);
    }
  }

  /** A provisional answer from the agent's phone: a CANCEL waiting for one can go now. */
  synchronized void agentProceeding(ClientTransaction invite) {
    for (AgentLeg leg : withdrawn) {
      if (leg.invite == invite) {
        withdrawn.remove(leg);
        cancel(leg.invite, "the offer to " + leg.extension);
        return;
      }
    }
  }

  /**
   * The agent's phone answered. Always acknowledged; hung up at once if the offer was withdrawn.
   *
   * @return the extension that answered the current offer, or null
   */
  synchronized String agentAnswered(ClientTransaction invite, Dialog dialog, Response ok) {
    try {
      endpoint.ack(dialog, ok);
    } catch (Exception e) {
      failed("acknowledging the agent's answer", e);
      return null;
    }
    dialog.setApplicationData(this);
    withdrawn.removeIf(leg -> leg.invite == invite);
    AgentLeg leg = agent;
    if (leg == null || leg.invite != invite || leg.state != Leg.RINGING) {
      bye(dialog);
      return null;
    }
    leg.state = Leg.ANSWERED;
    leg.dialog = dialog;
    leg.sdp = ok.getRawContent();
    return leg.extension;
  }

  /**
   * The agent's phone refused (busy, declined, unreachable) or its INVITE timed out.
   *
   * @return the extension whose current offer failed, or null when nobody needs to hear it
   */
  synchronized String agentFailed(ClientTransaction invite) {
    withdrawn.removeIf(leg -> leg.invite == invite);
    AgentLeg leg = agent;
    if (leg == null || leg.invite != invite || leg.state != Leg.RINGING) {
      return null;
    }
    agent = null;
    return leg.extension;
  }

  /**
   * The agent's phone hung up: the caller is hung up too.
   *
   * @return the extension, when it was this call's agent still on the line
   */
  synchronized String agentHungUp(Dialog dialog) {
    AgentLeg leg = agent;
    if (leg == null || leg.dialog != dialog || leg.state == Leg.ENDED) {
      return null;
    }
    leg.state = Leg.ENDED;
    agent = null;
    supervisors.endAll();
    endCallerLeg();
    return released ? null : leg.extension;
  }

  /**
   * The caller hung up (BYE): the agent's leg ends too.
   *
   * @return whether the caller was still on the line
   */
  synchronized boolean callerHungUp() {
    if (caller == Caller.ENDED || caller == Caller.REFERRED) {
      callerEnded(); // a transferred caller's call was the ACD's no more
      return false;
    }
    callerEnded();
    endAgentLeg();
    return !released;
  }

  /**
   * The caller gave up while queued or while an agent's phone rang (its INVITE cancelled): the
   * INVITE is answered 487, as RFC 3261 asks, and the agent's leg ends.
   *
   * @return whether the caller was still waiting
   */
  synchronized boolean callerCancelled() {
    if (caller != Caller.QUEUED) {
      return false;
    }
    respondToCaller(Response.REQUEST_TERMINATED);
    endAgentLeg();
    return true;
  }

  // ------------------------------------------------------------- sending

  private void endAgentLeg() {
    supervisors.endAll();
    AgentLeg leg = agent;
    agent = null;
    if (leg == null) {
      return;
    }
    switch (leg.state) {
      case RINGING -> {
        // RFC 3261 9.1: no CANCEL before the phone's first provisional answer.
        if (leg.invite.getState() == TransactionState.CALLING) {
          withdrawn.add(leg);
        } else {
          cancel(leg.invite, "the offer to " + leg.extension);
        }
      }
      case ANSWERED, CONNECTED -> bye(leg.dialog);
      case ENDED -> {}
    }
    leg.state = Leg.ENDED;
  }

  private void endCallerLeg() {
    switch (caller) {
      case CALLING -> {
        // RFC 3261 9.1: no CANCEL before the phone's first provisional answer; a line answered
        // after its call ended is hung up then (lineAnswered).
        if (lineInvite != null && lineInvite.getState() != TransactionState.CALLING) {
          cancel(lineInvite, "the consult line");
        }
      }
      case QUEUED -> respondToCaller(Response.TEMPORARILY_UNAVAILABLE);
      case CONNECTED, PASSED_ON, REFERRED -> bye(callerDialog());
      case ENDED -> {}
    }
    callerEnded();
  }

  private void respondToCaller(int status) {
    try {
      Request invite = callerInvite.getRequest();
      callerInvite.sendResponse(endpoint.response(status, invite, callerTag));
    } catch (Exception e) {
      failed("answering the caller " + status, e);
    }
    callerEnded();
  }

  /** The caller's leg is over, and with it the call's media (every other leg ends with it). */
  private void callerEnded() {
    caller = Caller.ENDED;
    // A consult call's line that never answered offered no media: there is no session to free.
    if (session != null && callerSdp != null && !deleted) {
      media.delete(session);
      deleted = true;
    }
  }

  /** The call's media session: the engine's first id of the call, kept after transfers. */
  synchronized String session() {
    return session;
  }

  private void cancel(ClientTransaction invite, String what) {
    try {
      endpoint.cancel(invite);
    } catch (Exception e) {
      failed("cancelling " + what, e);
    }
  }

  private void bye(Dialog dialog) {
    try {
      endpoint.bye(dialog);
    } catch (Exception e) {
      failed("hanging up a leg", e);
    }
  }

  private void failed(String what, Exception e) {
    LOG.log(Level.WARNING, "SIP call of account " + account + ": " + what + " failed", e);
  }
}
