package org.relais.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relais.InvalidFieldException;
import org.relais.account.Account;

class GroupDraftTest {

  private final Account account =
      new Account("demo", OffsetDateTime.of(2025, 3, 1, 9, 0, 0, 0, ZoneOffset.UTC));

  @Test
  void aNewGroupsDraftAsksForTheManualsDefaults() {
    GroupDraft draft = GroupDraft.newGroup();

    assertThat(draft.getName()).isNull();
    assertThat(draft.settings()).isEqualTo(GroupSettings.defaults());
  }

  @Test
  void aGroupsDraftKeepsEveryFieldItIsNotToldToChange() {
    GroupSettings current =
        new GroupSettings(
            15,
            60,
            5,
            true,
            30,
            "Vente",
            RoutingStrategy.SKILL_LEVEL,
            7,
            List.of("Vente", "Réclamation"),
            List.of("0100000000"),
            true,
            "https://crm.example/{caller}");
    GroupDraft draft = GroupDraft.of(new QueueGroup(account, "Commercial", current));

    draft.setWrapUp(20);

    assertThat(draft.getName()).isEqualTo("Commercial");
    assertThat(draft.settings().wrapUp()).isEqualTo(20);
    assertThat(draft.settings())
        .usingRecursiveComparison()
        .ignoringFields("wrapUp")
        .isEqualTo(current);
  }

  @Test
  void aDraftTheSettingsRefuseNamesTheField() {
    GroupDraft draft = GroupDraft.newGroup();
    draft.setRingTimeout(0);

    assertThatThrownBy(draft::settings)
        .isInstanceOf(InvalidFieldException.class)
        .extracting(e -> ((InvalidFieldException) e).getField())
        .isEqualTo("ringTimeout");
  }
}
