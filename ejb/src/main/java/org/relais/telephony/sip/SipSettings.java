package org.relais.telephony.sip;

import java.util.Set;

/**
 * Where the SIP switch listens and whom it trusts (docs/API.md, Telephony (SIP)).
 *
 * @param address the address Relais's SIP endpoint binds to and puts in its headers
 * @param port its UDP port, the one trunks send their calls to
 * @param registrar {@code host:port} of Kamailio, where agents' phones register and through which
 *     Relais rings them
 * @param trunks source addresses whose calls are taken; any other's INVITE is refused
 * @param outboundTrunk {@code host:port} of the trunk outbound calls leave through; blank where
 *     there is none, and no outbound call is placed
 */
public record SipSettings(
    String address, int port, String registrar, Set<String> trunks, String outboundTrunk) {

  public SipSettings {
    trunks = Set.copyOf(trunks);
  }
}
