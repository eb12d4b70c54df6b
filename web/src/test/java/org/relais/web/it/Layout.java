package org.relais.web.it;

import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * What a page shows badly at the browser's width: a page that scrolls sideways, a header, label,
 * title or cell whose text is cut (wider than its box) or wraps over more than two lines.
 */
final class Layout {

  private static final String PROBLEMS =
      """
      const problems = [];
      const page = document.documentElement;
      if (page.scrollWidth > page.clientWidth) {
        problems.push('the page scrolls sideways: ' + page.scrollWidth + ' px in ' + page.clientWidth);
      }
      // The lines an element's text takes: its text's boxes, those that share a height counted once.
      const lines = el => {
        const boxes = [];
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
          if (walker.currentNode.textContent.trim() === '') continue;
          const range = document.createRange();
          range.selectNodeContents(walker.currentNode);
          boxes.push(...Array.from(range.getClientRects()).filter(r => r.width > 0));
        }
        boxes.sort((a, b) => a.top - b.top);
        let count = 0, bottom = -Infinity;
        for (const box of boxes) {
          if (box.top >= bottom - 1) { count++; bottom = box.bottom; }
          else { bottom = Math.max(bottom, box.bottom); }
        }
        return count;
      };
      const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
          + (el.className && el.className.baseVal === undefined ? '.' + el.className.trim().split(/\\s+/).join('.') : '')
          + ' "' + el.textContent.trim().substring(0, 40) + '"';
      document.querySelectorAll(
          'th, td, label, h1, h2, h3, dt, dd, .relais-label, .ui-button-text, .relais-module-toggle')
        .forEach(el => {
          const style = getComputedStyle(el);
          if (el.getClientRects().length === 0 || style.visibility === 'hidden') {
            return;
          }
          if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) {
            problems.push('cut: ' + name(el) + ' needs ' + el.scrollWidth + ' px, has ' + el.clientWidth);
          }
          if (lines(el) > 2 && el.textContent.trim().length < 60) {
            problems.push('wraps over ' + lines(el) + ' lines: ' + name(el));
          }
        });
      return problems;
      """;

  private Layout() {}

  @SuppressWarnings("unchecked")
  static List<String> problems(WebDriver driver) {
    return (List<String>) ((JavascriptExecutor) driver).executeScript(PROBLEMS);
  }
}
