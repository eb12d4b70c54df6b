package org.relais.web.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core's WCAG 2 A and AA rules, run in the page a browser shows. The build fetches axe-core at
 * a pinned version and names its file in {@code relais.it.axe}.
 */
final class Axe {

  private static final String RUN =
      """
      const done = arguments[arguments.length - 1];
      axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}})
        .then(result => done(result.violations.flatMap(v => v.nodes.map(n =>
          v.id + ' at ' + n.target.join(' ') + ': ' + n.failureSummary.replace(/\\s+/g, ' ')
            + ' in ' + n.html.substring(0, 160)))))
        .catch(e => done(['axe failed: ' + e]));
      """;

  private final String source;

  Axe() {
    try {
      source = Files.readString(Path.of(System.getProperty("relais.it.axe")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One line per element that breaks a rule: the rule, the element and what to fix. */
  @SuppressWarnings("unchecked")
  List<String> violations(WebDriver driver) {
    JavascriptExecutor page = (JavascriptExecutor) driver;
    page.executeScript(source);
    return (List<String>) page.executeAsyncScript(RUN);
  }
}
