package org.relais.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvCellsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "=HYPERLINK(\"http://x\",\"clic\")",
        "+SUM(A1)",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(A1)",
        "\t=1",
        "\r=1"
      })
  void aCellThatASpreadsheetWouldRunGetsAQuoteInFront(String value) {
    assertThat(CsvCells.text(value)).isEqualTo("'" + value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Dupont", "12 rue de l'Église", "'t Hooft", "'", "a=b", "06 12"})
  void otherTextStaysAsItIs(String value) {
    assertThat(CsvCells.text(value)).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "=1+1",
        "+33",
        "-",
        "@x",
        "'=1",
        "''",
        "'''=x",
        "'t Hooft",
        "'",
        "Dupont",
        "",
        "\t",
        "+33 HYPER"
      })
  void whatIsWrittenReadsBackAsItWas(String value) {
    assertThat(CsvCells.read(CsvCells.text(value))).isEqualTo(value);
    assertThat(CsvCells.read(CsvCells.phone(value))).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"+33 6 12 34 56 78", "+33612345678", "(0)4.78.00.00.00", "-"})
  void aPhoneNumberInItsOwnCharactersIsData(String value) {
    assertThat(CsvCells.phone(value)).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"+33 HYPERLINK(1)", "=1+1", "@33"})
  void aPhoneCellWithOtherCharactersIsQuotedLikeText(String value) {
    assertThat(CsvCells.phone(value)).isEqualTo("'" + value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"'t Hooft", "'s-Hertogenbosch", "'"})
  void aQuoteTheExportDidNotAddIsKeptOnImport(String cell) {
    assertThat(CsvCells.read(cell)).isEqualTo(cell);
  }

  @ParameterizedTest
  @ValueSource(strings = {"'=1+1", "'+33", "'@x", "'-x"})
  void theSpreadsheetsOwnQuoteIsTakenOffOnImport(String cell) {
    assertThat(CsvCells.read(cell)).isEqualTo(cell.substring(1));
  }
}
