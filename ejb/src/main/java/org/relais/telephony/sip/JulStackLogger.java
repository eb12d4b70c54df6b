package org.relais.telephony.sip;

import gov.nist.core.StackLogger;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The SIP stack's log over java.util.logging, as the server's own log: without it JAIN-SIP loads
 * log4j 1.x, which Relais does not carry. Its information (every message sent and received) and
 * debug lines are {@code FINE}, off unless asked for.
 */
public class JulStackLogger implements StackLogger {

  private static final Logger LOG = Logger.getLogger("org.relais.telephony.sip.stack");

  @Override
  public void logStackTrace() {
    logStackTrace(TRACE_DEBUG);
  }

  @Override
  public void logStackTrace(int level) {
    if (isLoggingEnabled(level)) {
      LOG.log(Level.FINE, "stack trace", new Throwable());
    }
  }

  @Override
  public int getLineCount() {
    return 0;
  }

  @Override
  public void logException(Throwable ex) {
    LOG.log(Level.WARNING, ex.getMessage(), ex);
  }

  @Override
  public void logDebug(String message) {
    LOG.fine(message);
  }

  @Override
  public void logDebug(String message, Exception ex) {
    LOG.log(Level.FINE, message, ex);
  }

  @Override
  public void logTrace(String message) {
    LOG.finest(message);
  }

  @Override
  public void logFatalError(String message) {
    LOG.severe(message);
  }

  @Override
  public void logError(String message) {
    LOG.severe(message);
  }

  @Override
  public boolean isLoggingEnabled() {
    return LOG.isLoggable(Level.WARNING);
  }

  @Override
  public boolean isLoggingEnabled(int level) {
    return LOG.isLoggable(levelOf(level));
  }

  @Override
  public void logError(String message, Exception ex) {
    LOG.log(Level.SEVERE, message, ex);
  }

  @Override
  public void logWarning(String message) {
    LOG.warning(message);
  }

  @Override
  public void logInfo(String message) {
    LOG.fine(message); // the stack logs every message it sends and receives at this level
  }

  @Override
  public void disableLogging() {
    // the level is the server's logging configuration's to set
  }

  @Override
  public void enableLogging() {
    // the level is the server's logging configuration's to set
  }

  @Override
  public void setBuildTimeStamp(String buildTimeStamp) {
    // not logged
  }

  @Override
  public void setStackProperties(Properties stackProperties) {
    // nothing to read: the level is the server's logging configuration's
  }

  @Override
  public String getLoggerName() {
    return LOG.getName();
  }

  private static Level levelOf(int level) {
    return switch (level) {
      case TRACE_FATAL, TRACE_ERROR -> Level.SEVERE;
      case TRACE_WARN -> Level.WARNING;
      case TRACE_INFO, TRACE_DEBUG -> Level.FINE;
      default -> Level.FINEST;
    };
  }
}
