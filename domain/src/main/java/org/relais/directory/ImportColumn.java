package org.relais.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.Objects;
import org.relais.account.Account;

/**
 * A CSV header that the directory import does not recognise, and what the account's admin said it
 * holds (SPEC B10): a contact field, or nothing (the column is skipped). The import remembers it
 * for the account's next file.
 */
@Entity
@Table(name = "import_column")
public class ImportColumn {

  @Id
  @SequenceGenerator(name = "relais_seq", sequenceName = "relais_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "relais_seq")
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "account_id", nullable = false, updatable = false)
  private Account account;

  /** The header as compared ({@link ContactField#headerKey}). */
  @Column(nullable = false, updatable = false, length = 128)
  private String header;

  /** The field the column holds; null for a column the import skips. */
  @Enumerated(EnumType.STRING)
  @Column(length = 32)
  private ContactField field;

  protected ImportColumn() {}

  /**
   * @param header a header cell as the file has it
   * @param field the field it holds, or null to skip the column
   */
  public ImportColumn(Account account, String header, ContactField field) {
    this.account = Objects.requireNonNull(account);
    this.header = ContactField.headerKey(header);
    if (this.header.isEmpty() || this.header.length() > 128) {
      throw new IllegalArgumentException("a header of 1 to 128 letters or digits");
    }
    this.field = field;
  }

  public void assign(ContactField field) {
    this.field = field;
  }

  public String getHeader() {
    return header;
  }

  /** The field the column holds; null for a column the import skips. */
  public ContactField getField() {
    return field;
  }
}
