package org.relais.web.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How the OpenAPI document names and describes each operation of the REST API ({@link
 * OpenApiDocument}), keyed by method and path as JAX-RS serves them: a stable, readable operation
 * id for generated clients, a summary, a tag, and the schema of the request body (in {@code
 * META-INF/openapi.yaml}). A unit test checks that every resource method has its entry here.
 */
final class ApiOperations {

  /**
   * One operation.
   *
   * @param body the schema of its JSON request body ({@code components/schemas}), or null
   */
  record Described(String id, String tag, String summary, String body) {}

  private static final Map<String, Described> ALL = new LinkedHashMap<>();

  static {
    add(
        "POST /api/v1/accounts",
        "createAccount",
        "accounts",
        "Create an account and its admin",
        "AccountInput");
    add("GET /api/v1/accounts", "listAccounts", "accounts", "List the accounts");
    add("GET /api/v1/account", "getAccountSettings", "accounts", "Read the account's settings");
    add(
        "PUT /api/v1/account",
        "updateAccountSettings",
        "accounts",
        "Change the account's settings",
        "AccountSettingsInput");

    add("GET /api/v1/tokens", "listTokens", "tokens", "List the API tokens, without secrets");
    add("POST /api/v1/tokens", "createToken", "tokens", "Make an API token", "TokenInput");
    add("DELETE /api/v1/tokens/{name}", "revokeToken", "tokens", "Revoke an API token");

    add("GET /api/v1/agents", "listAgents", "agents", "List the account's agents");
    add("GET /api/v1/agents/{login}", "getAgent", "agents", "Read an agent");
    add("POST /api/v1/agents", "createAgent", "agents", "Create an agent", "AgentInput");
    add("PUT /api/v1/agents/{login}", "updateAgent", "agents", "Change an agent", "AgentInput");
    add("DELETE /api/v1/agents/{login}", "deleteAgent", "agents", "Delete an agent");

    add("GET /api/v1/groups", "listGroups", "groups", "List the account's groups");
    add("GET /api/v1/groups/{name}", "getGroup", "groups", "Read a group");
    add("POST /api/v1/groups", "createGroup", "groups", "Create a group", "GroupInput");
    add("PUT /api/v1/groups/{name}", "updateGroup", "groups", "Change a group", "GroupInput");
    add("DELETE /api/v1/groups/{name}", "deleteGroup", "groups", "Delete a group");

    add("GET /api/v1/me", "getDesk", "desk", "Read the caller's desk");
    add("POST /api/v1/me/session", "connect", "desk", "Connect to the ACD");
    add("DELETE /api/v1/me/session", "disconnect", "desk", "Disconnect from the ACD");
    add(
        "PUT /api/v1/me/availability",
        "setAvailability",
        "desk",
        "Become available or not",
        "AvailabilityInput");
    add(
        "PUT /api/v1/me/groups/{name}",
        "setMembership",
        "desk",
        "Join or leave a group's calls",
        "MembershipInput");
    add(
        "POST /api/v1/me/qualification",
        "qualifyCall",
        "desk",
        "Qualify the last call",
        "QualificationInput");
    add("POST /api/v1/me/penalty/cancel", "cancelPenalty", "desk", "End the penalty pause");
    add("POST /api/v1/me/transferred", "markTransferred", "desk", "Close the call as transferred");
    add("POST /api/v1/me/calls", "dial", "desk", "Call a number (click-to-dial)", "DialInput");
    add("GET /api/v1/me/lines", "listLines", "desk", "List the caller's lines");
    add(
        "POST /api/v1/me/lines",
        "consult",
        "desk",
        "Hold the call and place a consult call",
        "LineTargetInput");
    add("POST /api/v1/me/lines/{id}/hold", "holdLine", "desk", "Put a line on hold");
    add(
        "POST /api/v1/me/lines/{id}/resume",
        "resumeLine",
        "desk",
        "Resume a line, holding the other");
    add("POST /api/v1/me/lines/{id}/hangup", "hangUpLine", "desk", "Hang up a line");
    add("POST /api/v1/me/lines/transfer", "transferLines", "desk", "Join the two lines (transfer)");
    add(
        "POST /api/v1/me/lines/{id}/transfer",
        "blindTransfer",
        "desk",
        "Send the line to a number, an agent or a group",
        "LineTargetInput");
    add(
        "POST /api/v1/me/recording",
        "record",
        "desk",
        "Start or stop recording the call",
        "RecordingInput");
    add("GET /api/v1/recordings/{id}", "getRecording", "reports", "Play a recording (WAV, ranges)");
    add("GET /api/v1/recordings/{id}/heard", "listListenings", "reports", "Who heard a recording");
    add("GET /api/v1/me/history", "getHistory", "desk", "List the caller's calls over a period");
    add("GET /api/v1/me/stats", "getStatistics", "desk", "Read the session's and today's figures");
    add("GET /api/v1/team", "getTeam", "desk", "List the agents sharing a group with the caller");

    add("GET /api/v1/contacts", "searchContacts", "directory", "Search the directory");
    add("GET /api/v1/contacts/lookup", "lookUpNumber", "directory", "Find the contact of a number");
    add("GET /api/v1/contacts/{id}", "getContact", "directory", "Read a contact");
    add("POST /api/v1/contacts", "createContact", "directory", "Add a contact", "ContactInput");
    add(
        "PUT /api/v1/contacts/{id}",
        "updateContact",
        "directory",
        "Change a contact",
        "ContactInput");
    add("DELETE /api/v1/contacts/{id}", "deleteContact", "directory", "Delete a contact");
    add("GET /api/v1/contacts/export", "exportContacts", "directory", "Export public contacts");
    add(
        "POST /api/v1/contacts/import",
        "importContacts",
        "directory",
        "Import public contacts",
        "ContactsCsv");

    add("GET /api/v1/campaigns", "listCampaigns", "dialer", "List the account's campaigns");
    add("GET /api/v1/campaigns/{name}", "getCampaign", "dialer", "Read a campaign");
    add("POST /api/v1/campaigns", "createCampaign", "dialer", "Create a campaign");
    add("PUT /api/v1/campaigns/{name}", "updateCampaign", "dialer", "Change, start or pause one");
    add("DELETE /api/v1/campaigns/{name}", "deleteCampaign", "dialer", "Delete a campaign");
    add(
        "POST /api/v1/campaigns/{name}/contacts",
        "loadCampaignContacts",
        "dialer",
        "Load numbers (CSV or JSON)");
    add(
        "GET /api/v1/campaigns/{name}/contacts",
        "listCampaignContacts",
        "dialer",
        "List a campaign's contacts, paged");
    add(
        "GET /api/v1/campaigns/{name}/stats",
        "getCampaignStats",
        "dialer",
        "A campaign's progress");
    add("GET /api/v1/me/dialer", "getMyDialer", "dialer", "The agent's outbound module");
    add("POST /api/v1/me/dialer/next", "reserveNextContact", "dialer", "Reserve the next contact");
    add("POST /api/v1/me/dialer/contacts/{id}/call", "callContact", "dialer", "Call a contact");
    add(
        "POST /api/v1/me/dialer/contacts/{id}/reserve",
        "reserveContact",
        "dialer",
        "Reserve a contact");
    add(
        "PUT /api/v1/me/dialer/contacts/{id}/callback",
        "rescheduleContact",
        "dialer",
        "Reschedule a contact");
    add("POST /api/v1/dnc", "addDoNotCall", "dialer", "Add numbers never to call (JSON or CSV)");
    add("GET /api/v1/dnc/{number}", "getDoNotCall", "dialer", "Whether a number is never called");
    add("DELETE /api/v1/dnc/{number}", "deleteDoNotCall", "dialer", "Take a number off the list");

    add("GET /api/v1/calls/{id}", "getCall", "reports", "Read a call of the history");
    add("GET /api/v1/reports/calls", "listCalls", "reports", "List calls, paged, or as CSV");
    add("GET /api/v1/reports/calls/export", "exportCalls", "reports", "Export calls as CSV");
    add("GET /api/v1/reports/states", "listStates", "reports", "List agent states, paged, or CSV");
    add("GET /api/v1/reports/states/export", "exportStates", "reports", "Export states as CSV");

    add("GET /api/v1/supervision/groups", "superviseGroups", "supervision", "Live groups, today");
    add("GET /api/v1/supervision/agents", "superviseAgents", "supervision", "Live agents, today");
    add(
        "PUT /api/v1/supervision/agents/{login}/availability",
        "forceAvailability",
        "supervision",
        "Force an agent's availability",
        "AvailabilityInput");
    add(
        "DELETE /api/v1/supervision/agents/{login}/session",
        "forceDisconnect",
        "supervision",
        "Disconnect an agent");
    add(
        "PUT /api/v1/supervision/agents/{login}/groups/{name}",
        "setAgentMembership",
        "supervision",
        "Put an agent on or off a group's calls",
        "MembershipInput");
    add(
        "POST /api/v1/supervision/agents/{login}/monitor",
        "startMonitor",
        "supervision",
        "Listen, whisper or barge in",
        "MonitorInput");
    add(
        "PUT /api/v1/supervision/agents/{login}/monitor",
        "changeMonitor",
        "supervision",
        "Change the listening mode",
        "MonitorInput");
    add(
        "DELETE /api/v1/supervision/agents/{login}/monitor",
        "stopMonitor",
        "supervision",
        "Leave the agent's call");

    add(
        "GET /api/v1/telephony",
        "getTelephony",
        "telephony",
        "Read the switch and the phones' registrations");

    add(
        "POST /api/v1/sim/calls",
        "simPlaceCall",
        "simulator",
        "Place an inbound call",
        "SimCallInput");
    add(
        "POST /api/v1/sim/calls/{callId}/hangup",
        "simCallerHangsUp",
        "simulator",
        "Caller hangs up");
    add(
        "POST /api/v1/sim/calls/{callId}/callback",
        "simCallerAsksForCallback",
        "simulator",
        "Caller asks to be called back");
    add(
        "POST /api/v1/sim/calls/{callId}/answer",
        "simCustomerAnswers",
        "simulator",
        "Far end answers");
    add("POST /api/v1/sim/calls/{callId}/busy", "simCustomerBusy", "simulator", "Far end is busy");
    add(
        "POST /api/v1/sim/calls/{callId}/no-answer",
        "simCustomerDoesNotAnswer",
        "simulator",
        "Far end never answers");
    add(
        "PUT /api/v1/sim/numbers/{number}",
        "simSetFarEnd",
        "simulator",
        "Set how a number answers",
        "FarEndInput");
    add(
        "POST /api/v1/sim/extensions/{ext}/answer",
        "simPhoneAnswers",
        "simulator",
        "Phone answers");
    add(
        "POST /api/v1/sim/extensions/{ext}/reject",
        "simPhoneRejects",
        "simulator",
        "Phone refuses");
    add(
        "POST /api/v1/sim/extensions/{ext}/hangup",
        "simPhoneHangsUp",
        "simulator",
        "Phone hangs up");
    add("GET /api/v1/sim/extensions/{ext}", "simGetPhone", "simulator", "Read a phone's state");
    add(
        "PUT /api/v1/sim/extensions/{ext}/autopilot",
        "simSetAutoPilot",
        "simulator",
        "Let a phone answer and hang up by itself",
        "AutoPilotInput");
  }

  private ApiOperations() {}

  /** The operation served at {@code method} (GET, POST...) and {@code path}, if described. */
  static Optional<Described> of(String method, String path) {
    return Optional.ofNullable(ALL.get(method + " " + path));
  }

  /** Every described operation, keyed {@code "GET /api/v1/..."}. */
  static Map<String, Described> all() {
    return Map.copyOf(ALL);
  }

  private static void add(String key, String id, String tag, String summary) {
    add(key, id, tag, summary, null);
  }

  private static void add(String key, String id, String tag, String summary, String body) {
    ALL.put(key, new Described(id, tag, summary, body));
  }
}
