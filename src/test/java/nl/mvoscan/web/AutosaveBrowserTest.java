package nl.mvoscan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import nl.mvoscan.store.Classrooms;
import nl.mvoscan.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In a real browser: a save the server refused or that never arrived says so beside the question,
 * the way back in is on every scan page, and the English switch holds across pages.
 */
class AutosaveBrowserTest {

  @TempDir Path dir;

  private static String savedText(Browser browser, String question) {
    return browser.driver.findElement(By.cssSelector("#q-" + question + " .saved")).getText();
  }

  private static void waitForSaved(Browser browser, String question, String start) {
    new WebDriverWait(browser.driver, Duration.ofSeconds(10))
        .until(d -> savedText(browser, question).startsWith(start));
  }

  private static void choose(Browser browser, String question, int option) {
    WebElement radio =
        browser
            .driver
            .findElements(By.cssSelector("#q-" + question + " .options input[type=radio]"))
            .get(option);
    browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", radio);
    radio.click();
  }

  @Test
  void aSaveThatFailsSaysNotSavedAndWhatToDoNeverSaved() throws Exception {
    Browser.assumeInstalled();
    try (WebFixture web = new WebFixture(dir)) {
      Classrooms.ClassRoom room = web.openClass("3A");
      WebFixture.Client join = new WebFixture.Client(web.base());
      String personal = join.join(room.code(), "Sanne", "Bakkerij");
      String resume;
      try (Store store = Store.open(web.address)) {
        long id = Classrooms.students(store, room.id()).get(0).id();
        resume = Tokens.showCode(Classrooms.resumeCode(store, id));
      }
      try (Browser phone = Browser.open(360, 740, true)) {
        var d = phone.driver;
        d.get(web.base() + personal + "/deel/1");
        // the way back in, while working: resume code, class code and the personal link
        assertThat(d.findElement(By.id("resume-code")).getText()).isEqualTo(resume);
        assertThat(d.findElement(By.cssSelector(".keep-box")).getText())
            .contains("Je herstelcode")
            .contains(room.code());
        assertThat(d.findElement(By.id("personal")).getAttribute("value"))
            .endsWith(personal)
            .startsWith("http");
        assertThat(d.findElement(By.id("personal")).isDisplayed()).isTrue();
        phone.shot("autosave-phone-01-keep-box");

        choose(phone, "visie", 0);
        waitForSaved(phone, "visie", "Opgeslagen");

        // the teacher closes the class: the server answers 403, nothing was saved
        try (Store store = Store.open(web.address)) {
          Classrooms.setClosed(store, room.id(), true);
        }
        choose(phone, "visie", 1);
        waitForSaved(phone, "visie", "Niet opgeslagen");
        assertThat(savedText(phone, "visie"))
            .startsWith("Niet opgeslagen — ")
            .contains("Laad de pagina opnieuw")
            .doesNotContain("Opgeslagen");
        assertThat(
                d.findElement(By.cssSelector("#q-visie .saved")).getAttribute("class").split(" "))
            .contains("not-saved");
        d.executeScript(
            "document.querySelector('#q-visie .saved').scrollIntoView({block: 'center'});");
        phone.shot("autosave-phone-02-not-saved-closed");

        // the network is gone: the browser's own fetch fails
        try (Store store = Store.open(web.address)) {
          Classrooms.setClosed(store, room.id(), false);
        }
        d.get(web.base() + personal + "/deel/1");
        d.executeScript(
            "window.fetch = function () { return Promise.reject(new TypeError('Failed to fetch')); };");
        // option 0 is the saved one: only a change is sent
        choose(phone, "visie", 1);
        waitForSaved(phone, "visie", "Niet opgeslagen");
        assertThat(savedText(phone, "visie")).contains("geen verbinding");
        d.executeScript(
            "document.querySelector('#q-visie .saved').scrollIntoView({block: 'center'});");
        phone.shot("autosave-phone-03-not-saved-offline");
      }
      try (Browser desk = Browser.open(1280, 900, true)) {
        desk.driver.get(web.base() + personal + "/deel/1");
        desk.shot("autosave-desk-01-keep-box");
      }
      assertThat(web.log.toString()).isEmpty();
    }
  }

  @Test
  void theEnglishSwitchTurnsTheStudentPagesEnglishAndKeepsThemSo() throws Exception {
    Browser.assumeInstalled();
    try (WebFixture web = new WebFixture(dir)) {
      Classrooms.ClassRoom room = web.openClass("3A");
      try (Browser phone = Browser.open(360, 740, true)) {
        var d = phone.driver;
        d.get(web.base() + "/k/" + room.code());
        assertThat(d.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("nl");
        phone.go(d.findElement(By.cssSelector("a.switch")));
        assertThat(d.getCurrentUrl()).endsWith("/k/" + room.code());
        assertThat(d.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(d.findElement(By.cssSelector("form button.primary")).getText())
            .isEqualTo("Start the scan");
        d.findElement(By.id("f-name")).sendKeys("Sanne");
        d.findElement(By.id("f-company")).sendKeys("Bakery");
        phone.go(d.findElement(By.cssSelector("form button.primary")));
        // the next pages, reached by links and forms, stay English
        assertThat(d.getCurrentUrl()).endsWith("/deel/0");
        assertThat(d.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(d.findElement(By.cssSelector(".keep-box")).getText())
            .contains("Your resume code");
        assertThat(d.findElement(By.cssSelector(".nav-row button[value=next]")).getText())
            .isEqualTo("Next part");
        phone.go(d.findElement(By.cssSelector(".nav-row button[value=next]")));
        assertThat(d.getCurrentUrl()).endsWith("/deel/1");
        assertThat(d.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(d.findElement(By.cssSelector("label[for=progress]")).getText())
            .contains("questions answered");
        phone.shot("english-phone-01-theme");
        phone.go(d.findElement(By.cssSelector("a.brand")));
        assertThat(d.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(d.findElement(By.cssSelector("h1")).getText()).doesNotContain("Klas");
        phone.shot("english-phone-02-overview");
        // and back
        phone.go(d.findElement(By.cssSelector("a.switch")));
        assertThat(d.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("nl");
      }
      assertThat(web.log.toString()).isEmpty();
    }
  }
}
