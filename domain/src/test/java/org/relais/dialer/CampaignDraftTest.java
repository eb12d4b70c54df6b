package org.relais.dialer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relais.account.Account;
import org.relais.group.GroupSettings;
import org.relais.group.QueueGroup;

class CampaignDraftTest {

  private final CampaignDraft defaults =
      CampaignDraft.of(
          new QueueGroup(
              new Account("demo", OffsetDateTime.of(2025, 3, 1, 9, 0, 0, 0, ZoneOffset.UTC)),
              "Ventes",
              GroupSettings.defaults()));

  @Test
  void theDefaultsGoNowhereBeyondTheLegalOnes() {
    assertThat(defaults.beyondLegalDefaults()).isEmpty();
  }

  @Test
  void namesTheCallingHoursAndTheAttemptsThatGoBeyondTheLegalDefaults() {
    CampaignDraft beyond =
        new CampaignDraft(
            defaults.group(),
            defaults.mode(),
            null,
            defaults.recycling(),
            new CallingHours(List.of(CallingWindow.of("SAT", "09:00", "12:00"))),
            5,
            defaults.maxAbandonRate(),
            true);

    assertThat(beyond.beyondLegalDefaults()).containsExactly("callingHours", "maxAttempts30Days");
  }
}
