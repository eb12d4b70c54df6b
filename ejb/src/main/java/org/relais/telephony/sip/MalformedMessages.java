package org.relais.telephony.sip;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.text.ParseException;

/**
 * The SIP stack's parsers, which refuse what no call can use and say so: a datagram that does not
 * parse, one without the headers every message carries (Via, From, To, Call-ID, CSeq), and one
 * longer than {@link #LONGEST} bytes (a message that big belongs on TCP, RFC 3261 18.1.1, and a
 * header that big is an attack). Each is refused with a {@link ParseException}: the stack then
 * answers a request 400 where it can read enough of it to address the answer, and drops the rest;
 * calls in progress carry on. {@code refused} hears of each, to count it.
 *
 * <p>Without the check of the headers, the stack would take a request without CSeq and fail on it
 * with a {@link NullPointerException} before it ever looked at what it lacks.
 */
final class MalformedMessages implements MessageParserFactory {

  /** The longest message taken, in bytes: SIP over UDP stays well under it. */
  static final int LONGEST = 16 * 1024;

  private final MessageParserFactory parsers;
  private final Runnable refused;

  MalformedMessages(MessageParserFactory parsers, Runnable refused) {
    this.parsers = parsers;
    this.refused = refused;
  }

  @Override
  public MessageParser createMessageParser(SIPTransactionStack stack) {
    MessageParser parser = parsers.createMessageParser(stack);
    return (bytes, readBody, strict, listener) -> {
      try {
        if (bytes.length > LONGEST) {
          throw new ParseException("a message of " + bytes.length + " bytes", LONGEST);
        }
        SIPMessage message = parser.parseSIPMessage(bytes, readBody, strict, listener);
        if (message != null && lacksWhatEveryMessageCarries(message)) {
          throw new ParseException("a message without Via, From, To, Call-ID or CSeq", 0);
        }
        return message; // null for a keep-alive (blank lines): not malformed
      } catch (ParseException e) {
        refused.run();
        throw e;
      } catch (RuntimeException e) {
        // Bytes the parser was not written for (binary garbage) fail it in other ways.
        refused.run();
        ParseException malformed = new ParseException("a message that does not parse", 0);
        malformed.initCause(e);
        throw malformed;
      }
    };
  }

  private static boolean lacksWhatEveryMessageCarries(SIPMessage message) {
    return message.getTopmostVia() == null
        || message.getFrom() == null
        || message.getTo() == null
        || message.getCallId() == null
        || message.getCSeq() == null;
  }
}
