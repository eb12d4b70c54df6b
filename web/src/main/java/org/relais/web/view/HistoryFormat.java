package org.relais.web.view;

import jakarta.faces.context.FacesContext;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * Times and durations as the history and report tables show them: times in the account's zone and
 * the view's language, durations as minutes and seconds.
 */
public final class HistoryFormat {

  private HistoryFormat() {}

  public static String time(OffsetDateTime time, ZoneId zone) {
    if (time == null) {
      return "";
    }
    DateTimeFormatter format =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.MEDIUM)
            .withLocale(FacesContext.getCurrentInstance().getViewRoot().getLocale());
    return time.atZoneSameInstant(zone).format(format);
  }

  /** {@code 75} is {@code 1:15}; an hour or more is {@code 1:02:05}. */
  public static String duration(Long seconds) {
    if (seconds == null) {
      return "";
    }
    long s = seconds;
    return s >= 3600
        ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format("%d:%02d", s / 60, s % 60);
  }
}
