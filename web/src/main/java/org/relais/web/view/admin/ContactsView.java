package org.relais.web.view.admin;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.StreamedContent;
import org.relais.account.Account;
import org.relais.agent.Role;
import org.relais.directory.Contact;
import org.relais.directory.ContactField;
import org.relais.directory.CsvFile;
import org.relais.directory.Directory;
import org.relais.directory.ImportReport;
import org.relais.directory.ImportRunningException;
import org.relais.directory.Rejection;
import org.relais.web.security.CurrentCaller;
import org.relais.web.view.Messages;

/**
 * The admin's directory page (SPEC E3): the account's public contacts, searched and paged from the
 * database; the CSV import, with a step that maps the headers it does not recognise (SPEC B10), run
 * in the background with a progress bar and ending with its report; the CSV export.
 */
@Named
@ViewScoped
public class ContactsView implements Serializable {

  private static final Logger LOG = Logger.getLogger(ContactsView.class.getName());

  @Inject transient CurrentCaller caller;
  @Inject transient Directory directory;
  @Resource transient ManagedExecutorService executor;

  private Account account;
  private String query;
  private LazyDataModel<Row> contacts;

  private String fileName;
  private byte[] file;

  /** The file's headers the import does not recognise, which the admin maps before importing. */
  private List<String> unknownColumns = List.of();

  /** What the admin says each unknown header holds: a field's API name, or empty to skip it. */
  private final Map<String, String> columnChoices = new HashMap<>();

  private boolean validOnly;
  private final Run run = new Run();

  /** One contact as the list shows it. */
  public record Row(
      long id,
      String lastName,
      String firstName,
      String company,
      String email,
      String office,
      String mobile,
      String category)
      implements Serializable {

    static Row of(Contact c) {
      return new Row(
          c.getId(),
          c.getLastName(),
          c.getFirstName(),
          c.getCompany(),
          c.getEmail(),
          c.getOffice(),
          c.getMobile(),
          c.getCategory());
    }
  }

  /** The import running in the background, if any, and what it reported. */
  static final class Run implements Serializable {
    final AtomicLong read = new AtomicLong();
    final AtomicLong total = new AtomicLong();
    final AtomicReference<ImportReport> report = new AtomicReference<>();
    volatile boolean running;
    volatile boolean failed;
    volatile boolean busy;
  }

  @PostConstruct
  void init() {
    account = caller.requireRole(Role.ADMIN);
    contacts =
        new LazyDataModel<>() {
          @Override
          public int count(Map<String, FilterMeta> filters) {
            return (int) directory.countPublic(account, query);
          }

          @Override
          public List<Row> load(
              int first, int pageSize, Map<String, SortMeta> sort, Map<String, FilterMeta> f) {
            return directory.searchPublic(account, query, first, pageSize).stream()
                .map(Row::of)
                .toList();
          }

          @Override
          public String getRowKey(Row row) {
            return Long.toString(row.id());
          }
        };
  }

  /** Keeps the chosen file until the admin imports it (again, if the report asked for it). */
  public void upload(FileUploadEvent event) {
    fileName = event.getFile().getFileName();
    file = event.getFile().getContent();
    run.report.set(null);
    unknownColumns = directory.unknownColumns(account, CsvFile.of(file));
    columnChoices.clear();
  }

  /** Starts the import of the chosen file in the background; the page polls its progress. */
  public void startImport() {
    if (file == null) {
      Messages.error(null, "directory.import.noFile");
      return;
    }
    if (run.running) {
      return;
    }
    rememberColumns();
    byte[] content = file;
    boolean onlyValid = validOnly;
    Account target = account;
    Directory service = directory;
    Run current = run;
    current.report.set(null);
    current.read.set(0);
    current.total.set(0);
    current.failed = false;
    current.busy = false;
    current.running = true;
    CompletableFuture.runAsync(
        () -> {
          try {
            current.report.set(
                service.importCsv(
                    target,
                    CsvFile.of(content),
                    onlyValid,
                    (done, total) -> {
                      current.total.set(total);
                      current.read.set(done);
                    }));
          } catch (ImportRunningException e) {
            current.busy = true;
          } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "directory import failed", e);
            current.failed = true;
          } finally {
            current.running = false;
          }
        },
        executor);
  }

  /** Keeps the admin's choices for the unknown headers, for this import and the next ones. */
  private void rememberColumns() {
    if (unknownColumns.isEmpty()) {
      return;
    }
    Map<String, ContactField> choices = new HashMap<>();
    for (String header : unknownColumns) {
      String chosen = columnChoices.get(header);
      choices.put(
          header,
          chosen == null || chosen.isEmpty() ? null : ContactField.ofApiName(chosen).orElseThrow());
    }
    directory.rememberColumns(account, choices);
    unknownColumns = List.of();
  }

  /** Called by the poll: once the import has ended, tells how it went. */
  public void checkImport() {
    if (run.running) {
      return;
    }
    if (run.failed) {
      run.failed = false;
      Messages.error(null, "directory.import.failed");
    }
    if (run.busy) {
      run.busy = false;
      Messages.error(null, "directory.import.busy");
    }
  }

  public boolean isImporting() {
    return run.running;
  }

  /** 0 to 100: the share of the file read, its rows checked and stored. */
  public int getProgress() {
    long total = run.total.get();
    if (!run.running) {
      return run.report.get() == null ? 0 : 100;
    }
    return total == 0 ? 0 : (int) (100 * run.read.get() / total);
  }

  public ImportReport getReport() {
    return run.report.get();
  }

  public List<Rejection> getRejections() {
    ImportReport report = run.report.get();
    return report == null ? List.of() : report.rejected();
  }

  /** The field a rejection names, in the user's language (a header problem names its column). */
  public String fieldLabel(Rejection r) {
    if (r.field() == null) {
      return "";
    }
    String key = "contact." + r.field();
    String label = Messages.text(key);
    return label.equals(key) ? r.field() : label;
  }

  public StreamedContent getExport() {
    Account target = account;
    Directory service = directory;
    return DefaultStreamedContent.builder()
        .name("contacts.csv")
        .contentType("text/csv; charset=UTF-8")
        .writer(
            output -> {
              try {
                service.exportPublic(target, output);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
        .build();
  }

  public LazyDataModel<Row> getContacts() {
    return contacts;
  }

  public String getQuery() {
    return query;
  }

  public void setQuery(String query) {
    this.query = query;
  }

  public List<String> getUnknownColumns() {
    return unknownColumns;
  }

  public Map<String, String> getColumnChoices() {
    return columnChoices;
  }

  /** The fields a column can hold, by API name (the bundles' {@code contact.*} keys). */
  public List<String> getFieldNames() {
    return ContactField.apiNames();
  }

  public String getFileName() {
    return fileName;
  }

  public boolean isValidOnly() {
    return validOnly;
  }

  public void setValidOnly(boolean validOnly) {
    this.validOnly = validOnly;
  }
}
