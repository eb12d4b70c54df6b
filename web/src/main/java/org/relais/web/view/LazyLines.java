package org.relais.web.view;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * A lazy table model over two queries, a count and a page: a table of history or report rows never
 * loads more than the page it shows, and reads it again at each render.
 */
public final class LazyLines<T> extends LazyDataModel<T> {

  /** Where the rows come from; the filters are the view's, read at each call. */
  public interface Source<T> extends Serializable {
    long count();

    List<T> page(int first, int size);

    String key(T row);
  }

  private final Source<T> source;

  public LazyLines(Source<T> source) {
    this.source = source;
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    return (int) Math.min(Integer.MAX_VALUE, source.count());
  }

  @Override
  public List<T> load(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    return source.page(first, pageSize);
  }

  @Override
  public String getRowKey(T row) {
    return source.key(row);
  }
}
