package org.relais.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Map;
import org.relais.InvalidFieldException;
import org.relais.NoSuchEntityException;
import org.relais.agent.Agent;
import org.relais.agent.Role;
import org.relais.directory.PhoneNumbers;
import org.relais.telephony.PhoneState;
import org.relais.telephony.SwitchProducer;
import org.relais.telephony.sim.SimulatedSwitch;
import org.relais.telephony.sim.SimulatedSwitch.AutoPilot;
import org.relais.telephony.sim.SimulatedSwitch.FarEnd;
import org.relais.telephony.sim.SimulatedSwitch.FarEndAnswer;
import org.relais.web.security.CurrentCaller;

/**
 * Drives the simulated switch (SPEC F1, docs/API.md): plays the callers and the agents' phones.
 * Only while the simulated switch is active (404 otherwise). The admin may act on any extension of
 * the account; an agent only on its own.
 */
@ApplicationScoped
@Path("/sim")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SimResource {

  private static final int MAX_DELAY_MS = 3_600_000;
  private static final String PHONE_NUMBER = "\\+?[0-9 .()-]{2,32}";

  @Inject CurrentCaller caller;
  @Inject SwitchProducer switches;
  @Inject SimulatedSwitch sim;

  @POST
  @Path("calls")
  public Response placeCall(JsonValue body) {
    String account = requireAdmin();
    JsonInput in = JsonInput.of(body);
    String caller = in.string("caller", 32);
    if (!caller.matches(PHONE_NUMBER)) {
      throw new InvalidFieldException("caller", "a phone number");
    }
    long callId =
        sim.placeCall(account, in.string("group", 64), caller, in.optionalString("ivrPath", 64));
    return Response.status(201).entity(Map.of("callId", Long.toString(callId))).build();
  }

  @POST
  @Path("calls/{callId}/hangup")
  public Response callerHangsUp(@PathParam("callId") String callId) {
    sim.callerHangsUp(requireAdmin(), parseCallId(callId));
    return Response.noContent().build();
  }

  /** The waiting caller asks to be called back, keeping its place (SPEC X1). */
  @POST
  @Path("calls/{callId}/callback")
  public Response callerAsksForCallback(@PathParam("callId") String callId) {
    sim.callerAsksForCallback(requireAdmin(), parseCallId(callId));
    return Response.noContent().build();
  }

  /** The customer called by an outbound call picks up. */
  @POST
  @Path("calls/{callId}/answer")
  public Response customerAnswers(@PathParam("callId") String callId) {
    sim.customerAnswers(requireAdmin(), parseCallId(callId));
    return Response.noContent().build();
  }

  /** The customer called by an outbound call is busy. */
  @POST
  @Path("calls/{callId}/busy")
  public Response customerBusy(@PathParam("callId") String callId) {
    sim.customerBusy(requireAdmin(), parseCallId(callId));
    return Response.noContent().build();
  }

  /** The customer called by an outbound call does not answer. */
  @POST
  @Path("calls/{callId}/no-answer")
  public Response customerDoesNotAnswer(@PathParam("callId") String callId) {
    sim.customerDoesNotAnswer(requireAdmin(), parseCallId(callId));
    return Response.noContent().build();
  }

  /**
   * How a customer's number behaves when an agent calls it: {@code
   * {"answer":"ANSWER|BUSY|NO_ANSWER|VOICEMAIL|FAIL|MANUAL","afterMs":1000}}.
   */
  @PUT
  @Path("numbers/{number}")
  public Response farEnd(@PathParam("number") String number, JsonValue body) {
    String account = requireAdmin();
    // Keyed as the engine dials it: the E.164 form in the account's country.
    String e164 =
        PhoneNumbers.of(caller.account().getCountry())
            .e164(number)
            .orElseThrow(() -> new InvalidFieldException("number", "a phone number"));
    JsonInput in = JsonInput.of(body);
    String answer = in.string("answer", 16);
    FarEndAnswer behaviour;
    try {
      behaviour = FarEndAnswer.valueOf(answer);
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException(
          "answer", "ANSWER, BUSY, NO_ANSWER, VOICEMAIL, FAIL or MANUAL");
    }
    Duration after = delay(in, "afterMs");
    sim.farEnd(account, e164, new FarEnd(behaviour, after == null ? Duration.ZERO : after));
    return Response.noContent().build();
  }

  @POST
  @Path("extensions/{ext}/answer")
  public Response answer(@PathParam("ext") String extension) {
    sim.answer(requireExtension(extension), extension);
    return Response.noContent().build();
  }

  @POST
  @Path("extensions/{ext}/reject")
  public Response reject(@PathParam("ext") String extension) {
    sim.reject(requireExtension(extension), extension);
    return Response.noContent().build();
  }

  @POST
  @Path("extensions/{ext}/hangup")
  public Response hangUp(@PathParam("ext") String extension) {
    sim.hangUp(requireExtension(extension), extension);
    return Response.noContent().build();
  }

  /** What the phone shows: the ringing or connected call. */
  @GET
  @Path("extensions/{ext}")
  public PhoneState phone(@PathParam("ext") String extension) {
    return sim.state(requireExtension(extension), extension);
  }

  /**
   * Lets a phone answer and hang up by itself: {@code {"answerAfterMs":500,"hangUpAfterMs":2000}};
   * a missing delay leaves that action to the user.
   */
  @PUT
  @Path("extensions/{ext}/autopilot")
  public PhoneState autoPilot(@PathParam("ext") String extension, JsonValue body) {
    String account = requireExtension(extension);
    JsonInput in = JsonInput.of(body);
    sim.autoPilot(
        account, extension, new AutoPilot(delay(in, "answerAfterMs"), delay(in, "hangUpAfterMs")));
    return sim.state(account, extension);
  }

  private static Duration delay(JsonInput in, String field) {
    if (!in.has(field)) {
      return null;
    }
    int ms = in.integer(field, 0);
    if (ms < 0 || ms > MAX_DELAY_MS) {
      throw new InvalidFieldException(field, "between 0 and " + MAX_DELAY_MS);
    }
    return Duration.ofMillis(ms);
  }

  private String requireActive() {
    if (!switches.isSimulated()) {
      throw new NoSuchEntityException("simulated switch");
    }
    return caller.account().getName();
  }

  private String requireAdmin() {
    requireActive();
    return caller.requireRole(Role.ADMIN).getName();
  }

  /** The admin may drive any phone of the account, an agent only its own. */
  private String requireExtension(String extension) {
    String account = requireActive();
    if (caller.hasRole(Role.ADMIN)) {
      return account;
    }
    Agent agent = caller.agent();
    if (!extension.equals(agent.getExtension())) {
      throw new CurrentCaller.NotAllowedException("an agent drives only its own phone");
    }
    return account;
  }

  private static long parseCallId(String callId) {
    try {
      return Long.parseLong(callId);
    } catch (NumberFormatException e) {
      throw new NoSuchEntityException("call");
    }
  }
}
