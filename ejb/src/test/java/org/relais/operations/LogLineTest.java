package org.relais.operations;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class LogLineTest {

  @Test
  void aPhoneNumberKeepsOnlyItsLastFourDigits() {
    assertThat(LogLine.masked("0612345678")).isEqualTo("****5678");
    assertThat(LogLine.masked("+33 6 12 34 56 78")).isEqualTo("****5678");
    assertThat(LogLine.masked("123")).isEqualTo("****");
    assertThat(LogLine.masked(null)).isNull();
  }

  @Test
  void aTypedLoginKeepsOnlyWhatALoginHoldsAndNoPhoneNumber() {
    assertThat(LogLine.typed("bob@acme")).isEqualTo("bob@acme");
    assertThat(LogLine.typed("bob\nINFO: {fake}")).isEqualTo("bob?INFO???fake?");
    assertThat(LogLine.typed("0612345678@acme")).isEqualTo("****5678@acme");
    assertThat(LogLine.typed("x".repeat(500))).hasSize(64);
    assertThat(LogLine.typed(null)).isNull();
  }

  @Test
  void theTextLineNamesEachFieldAndQuotesValuesWithSpacesOrLineBreaks() {
    LogLine line =
        LogLine.of("login refused", "account", "acme", "user", "bob\nfake line", "agent", null);

    assertThat(line.text()).isEqualTo("login refused account=acme user=\"bob fake line\"");
  }

  @Test
  void aLogLineBecomesOneJsonObjectWithItsFieldsUnderTheirOwnKeys() {
    LogLine line =
        LogLine.of("call offered", "account", "acme", "call", 12L, "agent", "alice \"A\"");
    LogRecord record = new LogRecord(Level.INFO, line.text());
    record.setLoggerName("org.relais.operations");
    record.setParameters(new Object[] {line});

    String formatted = new JsonLineFormatter().format(record);

    assertThat(formatted).endsWith(System.lineSeparator()).doesNotContain("\n{");
    JsonObject json = Json.createReader(new StringReader(formatted)).readObject();
    assertThat(json.getString("message")).isEqualTo("call offered");
    assertThat(json.getString("level")).isEqualTo("INFO");
    assertThat(json.getString("logger")).isEqualTo("org.relais.operations");
    assertThat(json.getString("account")).isEqualTo("acme");
    assertThat(json.getJsonNumber("call").longValue()).isEqualTo(12);
    assertThat(json.getString("agent")).isEqualTo("alice \"A\"");
    assertThat(json.getString("time")).isNotBlank();
  }

  @Test
  void anyOtherRecordIsOneJsonLineWithItsFormattedMessageAndItsError() {
    LogRecord record = new LogRecord(Level.SEVERE, "failed: {0}");
    record.setLoggerName("org.example");
    record.setParameters(new Object[] {"disk full"});
    record.setThrown(new IllegalStateException("boom"));

    String formatted = new JsonLineFormatter().format(record);

    assertThat(formatted.strip()).doesNotContain("\n");
    JsonObject json = Json.createReader(new StringReader(formatted)).readObject();
    assertThat(json.getString("message")).isEqualTo("failed: disk full");
    assertThat(json.getString("error")).contains("IllegalStateException: boom");
  }

  @Test
  void aDatabaseAddressLosesItsParametersAndCredentials() {
    assertThat(StartupLine.withoutParameters("jdbc:postgresql://db:5432/relais?password=x"))
        .isEqualTo("jdbc:postgresql://db:5432/relais");
    assertThat(StartupLine.withoutParameters("jdbc:h2:/data/relais;AUTO_SERVER=TRUE"))
        .isEqualTo("jdbc:h2:/data/relais");
    assertThat(StartupLine.withoutParameters("jdbc:postgresql://u:p@db/relais"))
        .isEqualTo("jdbc:postgresql://db/relais");
  }
}
