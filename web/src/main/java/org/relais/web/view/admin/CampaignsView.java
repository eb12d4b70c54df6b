package org.relais.web.view.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.primefaces.event.FileUploadEvent;
import org.relais.DuplicateException;
import org.relais.InvalidFieldException;
import org.relais.agent.Role;
import org.relais.dialer.CampaignDraft;
import org.relais.dialer.CampaignStats;
import org.relais.dialer.Campaigns;
import org.relais.dialer.DialMode;
import org.relais.directory.CsvFile;
import org.relais.directory.ImportReport;
import org.relais.group.GroupService;
import org.relais.group.QueueGroup;
import org.relais.web.security.CurrentCaller;
import org.relais.web.view.Messages;

/**
 * The admin's campaigns (SPEC E4): create one for a group and a mode with the legal defaults, start
 * and pause it, load its numbers from a CSV file (the directory's format), follow its progress. Its
 * name opens its settings ({@link CampaignEditView}).
 */
@Named
@ViewScoped
public class CampaignsView implements Serializable {

  @Inject transient CurrentCaller caller;
  @Inject transient Campaigns campaigns;
  @Inject transient GroupService groups;

  private List<Row> rows = List.of();
  private List<String> groupNames = List.of();
  private String name;
  private String group;
  private DialMode mode = DialMode.PREVIEW;
  private String loading;
  private String report;

  /** One campaign as the list shows it, with its progress. */
  public record Row(
      String name,
      String group,
      String mode,
      boolean active,
      long total,
      long pending,
      long done,
      long attempts,
      String abandonRate) {}

  @PostConstruct
  void init() {
    groupNames =
        groups.list(caller.requireRole(Role.ADMIN)).stream().map(QueueGroup::getName).toList();
    group = groupNames.isEmpty() ? null : groupNames.get(0);
    reload();
  }

  private void reload() {
    var account = caller.requireRole(Role.ADMIN);
    rows =
        campaigns.list(account).stream()
            .map(
                c -> {
                  CampaignStats s = campaigns.stats(account, c.getName());
                  return new Row(
                      c.getName(),
                      c.getGroup().getName(),
                      c.getMode().name(),
                      c.isActive(),
                      s.total(),
                      s.pending(),
                      s.done(),
                      s.attempts(),
                      String.format("%.1f %%", s.abandonRate() * 100));
                })
            .toList();
  }

  public void create() {
    var account = caller.requireRole(Role.ADMIN);
    try {
      CampaignDraft defaults = CampaignDraft.of(groups.named(account, group, "group"));
      campaigns.create(account, name, withMode(defaults, mode), null, null);
      name = null;
      Messages.info("saved");
    } catch (InvalidFieldException e) {
      Messages.error(null, "invalid." + e.getField());
    } catch (DuplicateException e) {
      Messages.error(null, "campaign.taken");
    }
    reload();
  }

  /** Starts a paused campaign, pauses a running one. */
  public void toggle(String campaign) {
    var account = caller.requireRole(Role.ADMIN);
    CampaignDraft draft = campaigns.get(account, campaign).draft();
    campaigns.update(account, campaign, null, draft.withActive(!draft.active()), null, null);
    reload();
  }

  /** Chooses the campaign the next uploaded file loads. */
  public void load(String campaign) {
    loading = campaign;
    report = null;
  }

  public void upload(FileUploadEvent event) {
    if (loading == null) {
      return;
    }
    try (CsvFile file = CsvFile.of(event.getFile().getContent())) {
      ImportReport r = campaigns.importCsv(caller.requireRole(Role.ADMIN), loading, file);
      report =
          String.format(Messages.text("campaign.loaded"), r.imported(), r.rejectedRows(), loading);
    }
    reload();
  }

  private static CampaignDraft withMode(CampaignDraft d, DialMode mode) {
    return new CampaignDraft(
        d.group(),
        mode,
        d.callerId(),
        d.recycling(),
        d.callingHours(),
        d.maxAttempts30Days(),
        d.maxAbandonRate(),
        d.active());
  }

  public List<Row> getRows() {
    return rows;
  }

  public List<String> getGroupNames() {
    return groupNames;
  }

  public DialMode[] getModes() {
    return DialMode.values();
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getGroup() {
    return group;
  }

  public void setGroup(String group) {
    this.group = group;
  }

  public DialMode getMode() {
    return mode;
  }

  public void setMode(DialMode mode) {
    this.mode = mode;
  }

  public String getLoading() {
    return loading;
  }

  public String getReport() {
    return report;
  }
}
