package org.relais.web.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium (the system's, never a downloaded one) driven like a user: open a page, type,
 * click, wait for what appears. One per test, closed after it.
 */
public final class Browser implements AutoCloseable {

  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  private final WebDriver driver;
  private final Path profile;
  private final String baseUrl;

  public Browser(String baseUrl) {
    this.baseUrl = baseUrl;
    try {
      profile = Files.createTempDirectory("relais-chromium");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--window-size=1280,900",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
            .build();
    driver = new ChromeDriver(service, options);
  }

  /** Opens a page of the application ({@code login.xhtml}). */
  public Browser open(String page) {
    driver.get(baseUrl + page);
    return this;
  }

  /** Sets the window's size, as a screen or a side window beside another application. */
  public Browser resize(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
    return this;
  }

  /** Presses a key where the focus is, as on a physical keyboard. */
  public Browser press(CharSequence key) {
    new Actions(driver).sendKeys(key).perform();
    return this;
  }

  public Browser type(String id, String text) {
    WebElement field = visible(By.id(id));
    // Select and delete, as a user would: clear() does not reach masked inputs (numbers).
    field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    field.sendKeys(text);
    return this;
  }

  /** Clicks, looking the element up again if a pushed update re-rendered it meanwhile. */
  public Browser click(String id) {
    return click(By.id(id));
  }

  /** Clicks, looking the element up again if an update re-rendered it meanwhile. */
  public Browser click(By locator) {
    wait(Duration.ofSeconds(10))
        .ignoring(ElementClickInterceptedException.class)
        .ignoring(StaleElementReferenceException.class)
        .until(
            d -> {
              WebElement element = d.findElement(locator);
              if (!element.isDisplayed() || !element.isEnabled()) {
                return false;
              }
              element.click();
              return true;
            });
    return this;
  }

  public Browser clickLink(String text) {
    wait(Duration.ofSeconds(10))
        .until(ExpectedConditions.elementToBeClickable(By.linkText(text)))
        .click();
    return this;
  }

  /** Waits until exactly {@code count} elements match, as after a search narrowed a list. */
  public Browser awaitCount(By locator, int count) {
    wait(Duration.ofSeconds(10)).until(d -> d.findElements(locator).size() == count);
    return this;
  }

  /**
   * Picks an item of a PrimeFaces select menu as a user does: opens the menu and clicks the item,
   * again if the click fell in the menu's opening animation, until the menu shows the item.
   */
  public Browser choose(String menuId, String label) {
    wait(Duration.ofSeconds(15))
        .ignoring(ElementClickInterceptedException.class)
        .ignoring(ElementNotInteractableException.class)
        .until(
            d -> {
              WebElement menu = d.findElement(By.id(menuId + "_label"));
              if (menu.getText().equals(label)) {
                return true;
              }
              WebElement panel = d.findElement(By.id(menuId + "_panel"));
              if (panel.isDisplayed()) {
                panel.findElement(By.cssSelector("li[data-label='" + label + "']")).click();
              } else {
                // An open menu closes when the page scrolls: bring it into view first.
                ((JavascriptExecutor) d)
                    .executeScript("arguments[0].scrollIntoView({block: 'center'})", menu);
                menu.click();
              }
              return false;
            });
    return this;
  }

  public WebElement visible(By locator) {
    return wait(Duration.ofSeconds(10))
        .until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  /**
   * The text of the element once visible, read again if a pushed update re-rendered it between
   * finding and reading it.
   */
  public String visibleText(By locator) {
    return wait(Duration.ofSeconds(10))
        .until(d -> d.findElement(locator).isDisplayed() ? d.findElement(locator).getText() : null);
  }

  /** The element's text, read again if a pushed update re-rendered it meanwhile. */
  public String text(String id) {
    return wait(Duration.ofSeconds(10)).until(d -> d.findElement(By.id(id)).getText());
  }

  /** Waits until the page shows the text somewhere. */
  public Browser waitForText(String text) {
    wait(Duration.ofSeconds(10))
        .until(d -> d.findElement(By.tagName("body")).getText().contains(text));
    return this;
  }

  /** Waits until the element shows the text (re-rendered elements are looked up again). */
  public Browser await(Duration timeout, By locator, String text) {
    wait(timeout)
        .withMessage(locator + " never showed '" + text + "'")
        .until(d -> d.findElement(locator).getText().contains(text));
    return this;
  }

  /**
   * Waits until the page's own requests are over: none queued for a second (a push may make the
   * banner read its desk once more shortly after).
   */
  public Browser settle() {
    JavascriptExecutor page = (JavascriptExecutor) driver;
    long quietSince = System.nanoTime();
    while (System.nanoTime() - quietSince < Duration.ofSeconds(1).toNanos()) {
      Object idle = page.executeScript("return PrimeFaces.ajax.Queue.isEmpty()");
      if (!Boolean.TRUE.equals(idle)) {
        quietSince = System.nanoTime();
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return this;
  }

  /** Waits until the element reads exactly the text, as a pushed figure does. */
  public Browser awaitExactly(Duration timeout, By locator, String text) {
    wait(timeout)
        .withMessage(locator + " never read '" + text + "'")
        .ignoring(NoSuchElementException.class)
        .until(d -> d.findElement(locator).getText().trim().equals(text));
    return this;
  }

  /** Waits until the element's attribute reads exactly the value, as a pushed state does. */
  public Browser awaitAttribute(Duration timeout, By locator, String attribute, String value) {
    wait(timeout)
        .withMessage(locator + " never had " + attribute + "='" + value + "'")
        .ignoring(NoSuchElementException.class)
        .until(d -> value.equals(d.findElement(locator).getAttribute(attribute)));
    return this;
  }

  /** Saves a screenshot and the page source under target/screenshots for the failure report. */
  private void keepEvidence(String what) {
    try {
      Path dir = Files.createDirectories(Path.of("target", "screenshots"));
      String name = "failure-" + System.currentTimeMillis();
      Files.write(
          dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      Files.writeString(dir.resolve(name + ".html"), what + "\n" + driver.getPageSource());
    } catch (IOException | RuntimeException e) {
      // Evidence is a convenience; the test failure itself is what matters.
    }
  }

  public String pageText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  public String url() {
    return driver.getCurrentUrl();
  }

  public WebDriver driver() {
    return driver;
  }

  /** Logs in through the form and waits to leave the login page. */
  public Browser login(String account, String login, String password) {
    open("login.xhtml");
    type("login:account", account).type("login:username", login).type("login:password", password);
    click("login:submit");
    return this;
  }

  /**
   * A wait that leaves a screenshot and the page source behind when it times out, and tries again
   * when an element it read was replaced meanwhile by a re-render.
   */
  private WebDriverWait wait(Duration timeout) {
    WebDriverWait wait =
        new WebDriverWait(driver, timeout) {
          @Override
          public <V> V until(Function<? super WebDriver, ? extends V> isTrue) {
            return super.until(
                d -> {
                  try {
                    return isTrue.apply(d);
                  } catch (WebDriverException e) {
                    if (replacedMeanwhile(e)) {
                      return null;
                    }
                    throw e;
                  }
                });
          }

          @Override
          protected RuntimeException timeoutException(String message, Throwable lastException) {
            keepEvidence(message);
            return super.timeoutException(message, lastException);
          }
        };
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  /**
   * Chromium reports an element that a re-render removed while it was being read either as stale
   * or, at times, as an "unknown error" naming a node that no longer belongs to the document.
   */
  private static boolean replacedMeanwhile(WebDriverException e) {
    return e instanceof StaleElementReferenceException
        || String.valueOf(e.getMessage()).contains("does not belong to the document");
  }

  @Override
  public void close() {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A leftover temporary profile does no harm.
    }
  }
}
