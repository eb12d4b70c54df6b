package org.relais.directory;

import java.util.List;

/**
 * What an import did: how many contacts it created, and which rows (or what in the file) it
 * refused. Without "valid rows only", one refused row means nothing was imported ({@code refused}).
 *
 * @param rows the data rows the file holds, valid or not
 * @param rejectedRows how many rows were refused ({@code rejected} lists at most {@link
 *     Directory#MAX_LISTED_REJECTIONS} problems)
 * @param refused true when nothing was imported because of the rejections
 */
public record ImportReport(
    int rows, int imported, int rejectedRows, List<Rejection> rejected, boolean refused) {

  public ImportReport {
    rejected = List.copyOf(rejected);
  }
}
