package org.relais.web.view;

import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.relais.DuplicateException;
import org.relais.InvalidFieldException;
import org.relais.NoSuchEntityException;

/**
 * Runs a form's save and turns the domain's refusals into messages beside the field concerned, in
 * the user's language: each input carries the id of the domain field it edits. Another account's
 * entity, or a missing one, answers 404 like an unknown page.
 */
public final class FieldErrors {

  private FieldErrors() {}

  /** Answers whether the action succeeded; on failure the form shows why. */
  public static boolean save(String formId, Runnable action) {
    try {
      action.run();
      return true;
    } catch (InvalidFieldException e) {
      Messages.error(formId + ":" + topField(e.getField()), "invalid." + topField(e.getField()));
    } catch (DuplicateException e) {
      Messages.error(formId + ":" + e.getField(), "duplicate." + e.getField());
    } catch (NoSuchEntityException e) {
      notFound();
    }
    FacesContext.getCurrentInstance().validationFailed();
    return false;
  }

  /** Answers 404 for a page about an entity the caller's account does not have. */
  public static void notFound() {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      faces.getExternalContext().responseSendError(404, "not found");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    faces.responseComplete();
  }

  /**
   * {@code groups[2].level} is shown on the {@code groups} input, {@code recycling.maxAttempts} on
   * the {@code recycling} table.
   */
  private static String topField(String field) {
    int cut = field.replace('.', '[').indexOf('[');
    return cut < 0 ? field : field.substring(0, cut);
  }
}
