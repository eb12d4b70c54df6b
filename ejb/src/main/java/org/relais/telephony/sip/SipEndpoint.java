package org.relais.telephony.sip;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import java.text.ParseException;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.SipException;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Relais's own SIP user agent on JAIN-SIP: one UDP listening point, and the few messages the
 * back-to-back user agent builds. The stack parses and formats every message, and runs the
 * transactions (retransmissions, timers) and dialogs of RFC 3261; this class only fills headers.
 */
final class SipEndpoint {

  private static final String SDP = "sdp";

  private final SipSettings settings;
  private final SipStackImpl stack;
  private final SipProvider provider;
  private final HeaderFactory headers = new HeaderFactoryImpl();
  private final AddressFactory addresses = new AddressFactoryImpl();
  private final MessageFactory messages = new MessageFactoryImpl();
  private final ContactHeader contact;

  /** Marks this side's re-INVITEs, whose 2xx answers the switch acknowledges. */
  static final Object REOFFER = new Object();

  /**
   * Binds the listening point and starts the stack's threads; {@link #stop()} ends them.
   *
   * @param malformed hears of each message refused as malformed ({@link MalformedMessages})
   */
  SipEndpoint(SipSettings settings, SipListener listener, Runnable malformed) throws Exception {
    this.settings = settings;
    Properties properties = new Properties();
    properties.setProperty("javax.sip.STACK_NAME", "relais");
    properties.setProperty("gov.nist.javax.sip.STACK_LOGGER", JulStackLogger.class.getName());
    // Dialogs are made and matched by the stack, so that in-dialog requests reach the call.
    properties.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "on");
    stack = new SipStackImpl(properties);
    stack.setMessageParserFactory(
        new MalformedMessages(stack.getMessageParserFactory(), malformed));
    ListeningPoint point = stack.createListeningPoint(settings.address(), settings.port(), "udp");
    provider = stack.createSipProvider(point);
    provider.addSipListener(listener);
    contact =
        headers.createContactHeader(
            addresses.createAddress(
                addresses.createSipURI("relais", settings.address() + ":" + settings.port())));
    stack.start();
  }

  void stop() {
    stack.stop();
    // The stack's event thread waits on its queue and never sees the stack stopped (jain-sip-ri
    // 1.3.0-91): it is ended here, or the Java runtime would wait for it forever (a start that
    // only warms the application up, then exits, as the run command's preparation does).
    if (stack.getEventScanner() != null) {
      stack.getEventScanner().forceStop();
    }
    Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().equals("EventScannerThread"))
        .forEach(Thread::interrupt);
  }

  SipProvider provider() {
    return provider;
  }

  /** The address this side binds to and puts in its messages. */
  String address() {
    return settings.address();
  }

  /** A new tag for the To header of a dialog this side answers, or the From of one it starts. */
  static String newTag() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  /** A response to {@code request}; a final one out of a dialog gets a To tag of its own. */
  Response response(int status, Request request) throws ParseException {
    return response(status, request, newTag());
  }

  /**
   * A response to {@code request} with {@code toTag} when the request had none: the tag names this
   * side of the dialog an INVITE makes. A 1xx or 2xx to an INVITE says where to reach this side.
   */
  Response response(int status, Request request, String toTag) throws ParseException {
    Response response = messages.createResponse(status, request);
    ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
    if (status > Response.TRYING && to.getTag() == null) {
      to.setTag(toTag);
    }
    if (status > Response.TRYING && status < 300 && Request.INVITE.equals(request.getMethod())) {
      response.addHeader(contact);
    }
    return response;
  }

  /** A 200 answer carrying an SDP body. */
  Response answer(Request request, String toTag, byte[] sdp) throws ParseException {
    return withSdp(Response.OK, request, toTag, sdp);
  }

  /** A 183 Session Progress carrying an SDP body: the media heard before the answer. */
  Response earlyMedia(Request request, String toTag, byte[] sdp) throws ParseException {
    return withSdp(Response.SESSION_PROGRESS, request, toTag, sdp);
  }

  private Response withSdp(int status, Request request, String toTag, byte[] sdp)
      throws ParseException {
    Response response = response(status, request, toTag);
    response.setContent(sdp, sdpType());
    return response;
  }

  /**
   * Sends an INVITE for {@code extension@account} through the registrar, which knows where the
   * agent's phone is registered; its transaction marked with {@code applicationData} before it
   * goes, as a phone's answer may come back before the send returns.
   */
  ClientTransaction invite(
      String account, String extension, String caller, byte[] sdp, Object applicationData)
      throws ParseException, SipException, InvalidArgumentException {
    Request invite = newInvite(addresses.createSipURI(extension, account), caller, sdp);
    invite.addHeader(
        headers.createRouteHeader(
            addresses.createAddress("<sip:" + settings.registrar() + ";lr>")));
    return send(invite, applicationData);
  }

  /** Cancels an INVITE this side sent and that has had no final answer yet. */
  void cancel(ClientTransaction invite) throws SipException {
    provider.getNewClientTransaction(invite.createCancel()).sendRequest();
  }

  /** Acknowledges the 2xx answer to this side's INVITE. */
  void ack(Dialog dialog, Response ok) throws SipException, InvalidArgumentException {
    long cseq = ((CSeqHeader) ok.getHeader(CSeqHeader.NAME)).getSeqNumber();
    dialog.sendAck(dialog.createAck(cseq));
  }

  /** Acknowledges a 2xx that carried the offer (to an INVITE sent without one) with the answer. */
  void ack(Dialog dialog, Response ok, byte[] answer)
      throws SipException, InvalidArgumentException, ParseException {
    long cseq = ((CSeqHeader) ok.getHeader(CSeqHeader.NAME)).getSeqNumber();
    Request ack = dialog.createAck(cseq);
    ack.setContent(answer, sdpType());
    dialog.sendAck(ack);
  }

  /**
   * Asks the far end of an established dialog to call {@code number} instead (REFER, RFC 3515),
   * through itself: the number goes to the host that is the dialog's remote target.
   */
  void refer(Dialog dialog, String number, Object applicationData)
      throws SipException, ParseException {
    SipURI remote = (SipURI) dialog.getRemoteTarget().getURI();
    SipURI target = addresses.createSipURI(number, remote.getHost());
    if (remote.getPort() > 0) {
      target.setPort(remote.getPort());
    }
    Request refer = dialog.createRequest(Request.REFER);
    refer.addHeader(headers.createReferToHeader(addresses.createAddress(target)));
    refer.addHeader(contact);
    send(dialog, refer, applicationData);
  }

  /**
   * Sends an INVITE for {@code number} to the outbound trunk, presenting {@code presented}; its
   * transaction marked with {@code applicationData} before it goes.
   */
  ClientTransaction inviteTrunk(String number, String presented, byte[] sdp, Object applicationData)
      throws ParseException, SipException, InvalidArgumentException {
    String[] trunk = settings.outboundTrunk().split(":");
    SipURI target = addresses.createSipURI(number, trunk[0]);
    if (trunk.length > 1) {
      target.setPort(Integer.parseInt(trunk[1]));
    }
    return send(newInvite(target, presented, sdp), applicationData);
  }

  /** An INVITE of a new dialog from {@code fromUser} at this side, offering {@code sdp} if any. */
  private Request newInvite(SipURI target, String fromUser, byte[] sdp)
      throws ParseException, InvalidArgumentException {
    Address from = addresses.createAddress(addresses.createSipURI(fromUser, settings.address()));
    Request invite =
        messages.createRequest(
            target,
            Request.INVITE,
            provider.getNewCallId(),
            headers.createCSeqHeader(1L, Request.INVITE),
            headers.createFromHeader(from, newTag()),
            headers.createToHeader(addresses.createAddress(target), null),
            List.of(headers.createViaHeader(settings.address(), settings.port(), "udp", null)),
            headers.createMaxForwardsHeader(70));
    invite.addHeader(contact);
    if (sdp != null) {
      invite.setContent(sdp, sdpType());
    }
    return invite;
  }

  private ClientTransaction send(Request request, Object applicationData) throws SipException {
    ClientTransaction transaction = provider.getNewClientTransaction(request);
    transaction.setApplicationData(applicationData);
    transaction.sendRequest();
    return transaction;
  }

  /** A new offer in an established dialog (a re-INVITE): the same call, its media changed. */
  void reinvite(Dialog dialog, byte[] sdp, Object applicationData)
      throws SipException, ParseException {
    Request invite = dialog.createRequest(Request.INVITE);
    invite.addHeader(contact);
    invite.setContent(sdp, sdpType());
    send(dialog, invite, applicationData);
  }

  /**
   * Sends a request in the dialog, its transaction marked first: the answer may come back before
   * the send returns.
   */
  private void send(Dialog dialog, Request request, Object applicationData) throws SipException {
    ClientTransaction transaction = provider.getNewClientTransaction(request);
    transaction.setApplicationData(applicationData);
    dialog.sendRequest(transaction);
  }

  /** Ends an established dialog. */
  void bye(Dialog dialog) throws SipException {
    Request bye = dialog.createRequest(Request.BYE);
    dialog.sendRequest(provider.getNewClientTransaction(bye));
  }

  private ContentTypeHeader sdpType() throws ParseException {
    return headers.createContentTypeHeader("application", SDP);
  }
}
