package org.relais.telephony.sip;

import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.message.Response;
import org.relais.telephony.DialFailure;

/**
 * An outbound call (SPEC B9, B11) as Relais's back-to-back user agent places it, by third party
 * call control (RFC 3725). The first leg rung is offered a session whose media goes nowhere yet;
 * once it answers, the other is offered its media; once that one answers, the first is offered the
 * second's (a re-INVITE), and the two talk. Every SDP goes through the call's {@link MediaAnchor},
 * the second leg being the party that offers there, the first the one that answers.
 *
 * <ul>
 *   <li>An agent's call ({@link #originate}): the agent's phone first, then the customer through
 *       the outbound trunk.
 *   <li>A predictive call ({@link #dial}): the customer first; once it answers the engine chooses
 *       an agent, whose phone is rung ({@link #bridge}), or drops the call.
 * </ul>
 *
 * <p>Every change happens under the call's lock; the methods answer what the engine must hear, and
 * the switch reports it.
 */
final class SipOutboundCall implements SupervisorPhones.Monitored {

  private static final Logger LOG = Logger.getLogger(SipOutboundCall.class.getName());

  /** What the engine hears of a change. */
  enum Report {
    NONE,
    /** The customer answered. */
    ANSWERED,
    AGENT_HUNG_UP,
    CUSTOMER_HUNG_UP,
    BUSY(DialFailure.BUSY),
    NO_ANSWER(DialFailure.NO_ANSWER),
    FAILED(DialFailure.FAILED);

    private final DialFailure failure;

    Report() {
      this(null);
    }

    Report(DialFailure failure) {
      this.failure = failure;
    }

    /** The attempt's failure, for the reports that are one; else null. */
    DialFailure failure() {
      return failure;
    }
  }

  private enum State {
    NONE,
    RINGING,
    UP,
    ENDED
  }

  /** One end of the call: its INVITE, then its dialog. */
  private static final class Leg {
    /** Its name in the call's media session. */
    final String tag = SipEndpoint.newTag();

    SessionDescription offered;
    ClientTransaction invite;
    boolean proceeding;
    Dialog dialog;
    byte[] sdp;
    State state = State.NONE;
  }

  final String account;

  /** The engine's id for the call: the consult call's, once joined with a consulted agent. */
  volatile long callId;

  private final String number;
  private final String presented;
  private final String address;
  private final SipEndpoint endpoint;
  private final MediaAnchor media;

  /** The engine's id, naming the call's media session. */
  private final String session;

  /**
   * The agent's phone's extension: known from the start for an agent's call, at the bridge else.
   */
  private volatile String extension;

  private final Leg phone = new Leg();
  private final Leg customer = new Leg();

  /** The leg rung first, and the other. */
  private final Leg first;

  private final Leg second;

  /** The engine hung up, or one side did: whatever answers later is hung up. */
  private boolean over;

  /**
   * Joined with a consulted number by an attended transfer: the ACD is done with the call, and this
   * side only carries it until one of the two hangs up.
   */
  private boolean released;

  /** The supervisors' phones on the call (SPEC X2). */
  private final SupervisorPhones supervisors;

  private SipOutboundCall(
      SipEndpoint endpoint,
      MediaAnchor media,
      String address,
      String account,
      long callId,
      String extension,
      String number,
      String presented) {
    this.endpoint = endpoint;
    this.media = media;
    this.address = address;
    this.account = account;
    this.callId = callId;
    this.session = Long.toString(callId);
    this.extension = extension;
    this.number = number;
    this.presented = presented;
    this.first = extension != null ? phone : customer;
    this.second = first == phone ? customer : phone;
    this.supervisors = new SupervisorPhones(endpoint, this, new AgentSide());
  }

  /** An agent's call: its phone rings first, showing the number it calls. */
  static SipOutboundCall originate(
      SipEndpoint endpoint,
      MediaAnchor media,
      String address,
      String account,
      long callId,
      String extension,
      String number,
      String presented) {
    return new SipOutboundCall(
        endpoint, media, address, account, callId, extension, number, presented);
  }

  /** A predictive call: the customer is called first, with no agent yet. */
  static SipOutboundCall dial(
      SipEndpoint endpoint,
      MediaAnchor media,
      String address,
      String account,
      long callId,
      String number,
      String presented) {
    return new SipOutboundCall(endpoint, media, address, account, callId, null, number, presented);
  }

  String extension() {
    return extension;
  }

  /**
   * Rings the first leg: the agent's phone for an agent's call, the customer for a predictive one.
   *
   * @return {@link Report#FAILED} where it could not go, else {@link Report#NONE}
   */
  synchronized Report start() {
    // Where prompts are played, the first leg gets rtpengine's media, and receives it: a predictive
    // call's customer may hear the dropped message. Else its media goes nowhere yet.
    boolean plays = media.plays();
    SessionDescription nowhere;
    try {
      byte[] nobody =
          plays ? SessionDescription.discard(address) : SessionDescription.placeholder(address);
      nowhere = new SessionDescription(media.offer(session, second.tag, null, nobody));
    } catch (MediaUnavailableException e) {
      return giveUp(e);
    }
    String direction = plays ? "sendonly" : "inactive";
    return first == phone ? ringPhone(nowhere, direction) : callCustomer(nowhere, direction);
  }

  /** A predictive call's customer answered, and the engine chose this agent: its phone rings. */
  synchronized Report bridge(String chosen) {
    if (over || customer.state != State.UP) {
      return Report.NONE;
    }
    extension = chosen;
    Report rung;
    try {
      rung = ringPhone(secondOffer(), "sendrecv");
    } catch (MediaUnavailableException e) {
      rung = giveUp(e);
    }
    return rung == Report.NONE ? rung : Report.AGENT_HUNG_UP;
  }

  /**
   * A predictive call answered with no agent free (SPEC B11): the customer hears the dropped
   * message, where prompts are played.
   *
   * @return how long the message lasts, in milliseconds: 0 where none is played
   */
  synchronized long drop() {
    if (over || customer.state != State.UP) {
      return 0;
    }
    return media.play(session, customer.tag, Prompt.DROPPED);
  }

  /**
   * Hold (SPEC B12), as a trunk call's: the two stop hearing each other, each offered its session
   * anew (re-INVITEs), the phone's media inactive, the customer's inactive too or, where prompts
   * are played, received only, with music (what the phone sends blocked meanwhile). Nothing is sent
   * unless they talk.
   */
  synchronized void hold() {
    if (talking()) {
      reoffer(media.plays() ? "sendonly" : "inactive", "inactive");
      media.block(session, phone.tag, true);
      media.play(session, customer.tag, Prompt.HOLD);
    }
  }

  /** Off hold: the music stops, and the two hear each other again (re-INVITEs). */
  synchronized void resume() {
    if (talking()) {
      media.stop(session, customer.tag);
      media.block(session, phone.tag, false);
      reoffer("sendrecv", "sendrecv");
    }
  }

  private boolean talking() {
    return !over && phone.state == State.UP && customer.state == State.UP;
  }

  private void reoffer(String customerDirection, String phoneDirection) {
    try {
      endpoint.reinvite(
          customer.dialog, customer.offered.offer(customerDirection), SipEndpoint.REOFFER);
      endpoint.reinvite(phone.dialog, phone.offered.offer(phoneDirection), SipEndpoint.REOFFER);
    } catch (Exception e) {
      failed("offering the media " + customerDirection + " and " + phoneDirection, e);
    }
  }

  /**
   * The attended transfer of a consult call (SPEC B12): the customer leaves this call for the one
   * it is joined to, the agent's phone is hung up, and this call's media is freed.
   *
   * @return the customer's side, or null where the customer is not on the line (the call is over
   *     then)
   */
  synchronized SipCall.Party handOver() {
    if (over || customer.state != State.UP) {
      hangUp();
      return null;
    }
    SipCall.Party party =
        new SipCall.Party(number, customer.dialog, customer.offered, customer.sdp, false);
    customer.state = State.ENDED; // the customer's dialog is the joined call's from now on
    hangUp();
    return party;
  }

  /**
   * The attended transfer of this agent's call (SPEC B12): the customer, on hold, is joined with
   * the consult call's far end, in place of the agent's phone, which is hung up. Both are offered
   * each other's media anew (re-INVITEs), the far end answering in the call's media session as the
   * phone did, the music stopped. The call goes on under the consult call's id, a consulted agent's
   * as any of its calls; a consulted number's is carried until either hangs up.
   *
   * <p>The far end is hung up where the customer is gone, or where the media cannot be anchored.
   *
   * @return whether the two were joined
   */
  synchronized boolean join(SipCall.Party far, long consultId) {
    if (over || phone.state != State.UP || customer.state != State.UP) {
      bye(far.dialog());
      hangUp();
      return false;
    }
    byte[] forFar;
    byte[] forCustomer;
    try {
      media.stop(session, customer.tag); // the music on hold
      media.block(session, phone.tag, false);
      forFar = media.offer(session, customer.tag, phone.tag, customer.sdp);
      forCustomer = media.answer(session, customer.tag, phone.tag, far.sdp());
    } catch (MediaUnavailableException e) {
      LOG.warning("SIP outbound call " + callId + " hung up: " + e.getMessage());
      bye(far.dialog());
      hangUp();
      return false;
    }
    supervisors.endAll();
    end(phone);
    phone.dialog = far.dialog();
    phone.offered = far.offered();
    phone.sdp = far.sdp();
    phone.state = State.UP;
    far.dialog().setApplicationData(this);
    extension = far.agent() ? far.name() : null;
    released = !far.agent();
    callId = consultId;
    try {
      endpoint.reinvite(
          customer.dialog, customer.offered.offerOf(forCustomer), SipEndpoint.REOFFER);
      endpoint.reinvite(far.dialog(), far.offered().offerOf(forFar), SipEndpoint.REOFFER);
    } catch (Exception e) {
      failed("joining the customer with " + far.name(), e);
    }
    return true;
  }

  /**
   * Blind transfer to a number (SPEC B12): the outbound trunk is asked to call it for the customer
   * (REFER), and the agent's phone leaves; once the trunk has answered the request, this side
   * leaves the customer. Nothing is sent unless the two talk; a REFER that cannot go hangs up.
   */
  synchronized void transfer(String number) {
    if (!talking()) {
      hangUp();
      return;
    }
    supervisors.endAll();
    end(phone);
    released = true;
    try {
      endpoint.refer(customer.dialog, number, new SipCall.Referral(this::hangUp));
    } catch (Exception e) {
      failed("transferring the customer to " + number, e);
      hangUp();
    }
  }

  /** The second leg's offer: the first leg's media, once it answered. */
  private SessionDescription secondOffer() {
    return new SessionDescription(media.answer(session, second.tag, first.tag, first.sdp));
  }

  // ------------------------------------------------------------- answers to this side's INVITEs

  /** A provisional answer: an INVITE withdrawn before it could be cancelled is cancelled now. */
  synchronized void proceeding(ClientTransaction invite) {
    Leg leg = legOf(invite);
    leg.proceeding = true;
    if (over || leg.state == State.ENDED) {
      cancel(invite);
    }
  }

  /**
   * A 2xx answer, acknowledged. The first leg's answer rings the other; the second's puts the first
   * through to it.
   *
   * @return {@link Report#ANSWERED} when it is the customer's, a failure where the other leg could
   *     not be rung
   */
  synchronized Report answered(ClientTransaction invite, Dialog dialog, Response ok) {
    try {
      endpoint.ack(dialog, ok);
    } catch (Exception e) {
      failed("acknowledging an answer", e);
    }
    dialog.setApplicationData(this);
    Leg leg = legOf(invite);
    leg.dialog = dialog;
    leg.sdp = ok.getRawContent();
    leg.state = State.UP;
    if (over) {
      end(leg);
      return Report.NONE;
    }
    Report report = leg == customer ? Report.ANSWERED : Report.NONE;
    byte[] forFirst;
    try {
      if (leg == first) {
        // The anchor learns where the first leg's audio goes (a dropped customer's message goes
        // there); an agent's call rings the customer now, a predictive call's phone waits for the
        // engine's bridge.
        SessionDescription forSecond = secondOffer();
        return first == phone ? callCustomer(forSecond, "sendrecv") : report;
      }
      forFirst = media.offer(session, second.tag, first.tag, leg.sdp);
      media.answer(session, second.tag, first.tag, first.sdp);
    } catch (MediaUnavailableException e) {
      // The engine heard of a predictive call's customer already: the agent's phone is what fails.
      boolean customerThere = leg == phone;
      Report failed = giveUp(e);
      return customerThere ? Report.AGENT_HUNG_UP : failed;
    }
    try {
      endpoint.reinvite(first.dialog, first.offered.offerOf(forFirst), SipEndpoint.REOFFER);
    } catch (Exception e) {
      failed("putting the two ends through", e);
    }
    return report;
  }

  /**
   * A final answer other than 2xx, or none at all ({@code status} 0): that leg failed, and the
   * other ends.
   *
   * @return what the engine hears: the attempt's failure, or the agent gone where the phone rung
   *     for a customer already there did not answer; nothing where the call was over already
   */
  synchronized Report refused(ClientTransaction invite, int status) {
    Leg leg = legOf(invite);
    leg.state = State.ENDED;
    if (over) {
      return Report.NONE;
    }
    over();
    if (leg == phone) {
      boolean customerThere = customer.state == State.UP;
      end(customer);
      // The agent's own phone: not the customer's doing, so the contact is tried again.
      return customerThere ? Report.AGENT_HUNG_UP : Report.NO_ANSWER;
    }
    end(phone);
    return switch (status) {
      case Response.BUSY_HERE, Response.BUSY_EVERYWHERE, Response.DECLINE -> Report.BUSY;
      case 0,
          Response.REQUEST_TIMEOUT,
          Response.TEMPORARILY_UNAVAILABLE,
          Response.REQUEST_TERMINATED ->
          Report.NO_ANSWER;
      default -> Report.FAILED;
    };
  }

  // ------------------------------------------------------------- hang-ups

  /**
   * A BYE from one end: the other is hung up.
   *
   * @return who the engine hears hung up, or nothing when the call was over already
   */
  synchronized Report byeFrom(Dialog dialog) {
    Leg leg = dialog == phone.dialog ? phone : customer;
    leg.state = State.ENDED;
    if (over) {
      return Report.NONE;
    }
    over();
    end(leg == phone ? customer : phone);
    if (released) {
      return Report.NONE;
    }
    return leg == phone ? Report.AGENT_HUNG_UP : Report.CUSTOMER_HUNG_UP;
  }

  /** The engine ends the call (or drops it): every leg up is hung up, every INVITE cancelled. */
  synchronized void hangUp() {
    over();
    end(phone);
    end(customer);
  }

  /** No leg will talk any more: the call's media is freed, once. */
  private void over() {
    if (!over) {
      over = true;
      supervisors.endAll();
      media.delete(session);
    }
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
   * Whichever end offered first, the customer's media is offered anew (its ports kept), which
   * answers rtpengine's media for the phone's side, and that side answers with the new media.
   */
  private final class AgentSide implements SupervisorPhones.Talk {

    @Override
    public boolean talking() {
      return SipOutboundCall.this.talking() && media.plays();
    }

    @Override
    public String agentExtension() {
      return extension;
    }

    @Override
    public byte[] agentSdp() {
      return phone.sdp;
    }

    @Override
    public byte[] anchorAgentSide(byte[] sdp) {
      byte[] forPhone = media.offer(session, customer.tag, phone.tag, customer.sdp);
      media.answer(session, customer.tag, phone.tag, sdp);
      return forPhone;
    }

    @Override
    public void reofferAgentPhone(byte[] sdp) throws Exception {
      // A phone on hold stays so: the mix, or rtpengine again, offered in the same direction.
      endpoint.reinvite(
          phone.dialog, phone.offered.offerOf(sdp, phone.offered.direction()), SipEndpoint.REOFFER);
    }
  }

  // ------------------------------------------------------------- sending

  /** Rings the agent's phone, offered {@code offer}'s media in {@code direction}. */
  private Report ringPhone(SessionDescription offer, String direction) {
    phone.offered = offer;
    try {
      phone.invite = endpoint.invite(account, extension, number, offer.offer(direction), this);
      phone.state = State.RINGING;
      return Report.NONE;
    } catch (Exception e) {
      failed("ringing extension " + extension, e);
      return giveUp();
    }
  }

  /**
   * Calls the customer through the outbound trunk, offered {@code offer}'s media in {@code
   * direction}.
   */
  private Report callCustomer(SessionDescription offer, String direction) {
    customer.offered = offer;
    try {
      customer.invite = endpoint.inviteTrunk(number, presented, offer.offer(direction), this);
      customer.state = State.RINGING;
      return Report.NONE;
    } catch (Exception e) {
      failed("calling " + number + " through the outbound trunk", e);
      return giveUp();
    }
  }

  private Report giveUp() {
    hangUp();
    return Report.FAILED;
  }

  /** The call's media could not be anchored: it fails. */
  private Report giveUp(MediaUnavailableException e) {
    LOG.warning("SIP outbound call " + callId + " fails: " + e.getMessage());
    return giveUp();
  }

  private Leg legOf(ClientTransaction invite) {
    return invite == phone.invite ? phone : customer;
  }

  private void end(Leg leg) {
    switch (leg.state) {
      case RINGING -> {
        // RFC 3261 9.1: no CANCEL before a provisional answer; proceeding() sends it then.
        if (leg.proceeding) {
          cancel(leg.invite);
        }
      }
      case UP -> bye(leg.dialog);
      case NONE, ENDED -> {}
    }
    leg.state = State.ENDED;
  }

  private void cancel(ClientTransaction invite) {
    try {
      endpoint.cancel(invite);
    } catch (Exception e) {
      failed("cancelling an INVITE", e);
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
    LOG.log(Level.WARNING, "SIP outbound call " + callId + ": " + what + " failed", e);
  }
}
