package org.relais.telephony.sip;

/** rtpengine did not answer a command, or refused it: the call it was for cannot go on. */
class MediaUnavailableException extends RuntimeException {

  MediaUnavailableException(String message) {
    super(message);
  }

  MediaUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
