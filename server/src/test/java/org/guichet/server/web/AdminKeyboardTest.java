package org.guichet.server.web;

import org.guichet.server.testing.Eventually;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administration app with the keyboard alone, in real Chromium: every step reached with Tab in reading order,
 * what happened said in a live region, and focus back where it was when a dialog closes.
 */
class AdminKeyboardTest {

    private static final int MAX_TABS = 60;

    @RegisterExtension
    static final TestServer server = TestServer.perClass();
    private static ChromeDriver browser;

    @BeforeAll
    static void openBrowser() {
        browser = Browser.open(1280, 900);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static void keys(CharSequence... keys) {
        new Actions(browser).sendKeys(keys).perform();
    }

    private static String focused() {
        return String.valueOf(browser.executeScript("const e = document.activeElement;"
                + " return e.id || e.getAttribute('aria-label') || e.textContent.trim();"));
    }

    /** Presses Tab until the element described is focused; what was focused on the way, in order. */
    private static List<String> tabTo(String wanted) {
        List<String> path = new ArrayList<>();
        for (int i = 0; i < MAX_TABS; i++) {
            keys(Keys.TAB);
            path.add(focused());
            if (path.get(path.size() - 1).equals(wanted)) {
                return path;
            }
        }
        throw new AssertionError(wanted + " not reached with " + MAX_TABS + " presses of Tab; focus went " + path);
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    @Test
    void an_administrator_logs_in_creates_an_agent_and_edits_it_with_the_keyboard_alone() {
        browser.get(server.baseUrl() + "/admin/");
        Browser.shown(browser, "#username");

        Eventually.await("the log-in form takes the focus", AdminKeyboardTest::focused, "username"::equals);
        keys("admin");
        assertThat(tabTo("password")).containsExactly("password");
        keys(TestServer.ADMIN_PASSWORD, Keys.ENTER);
        Browser.shown(browser, "#sites-view");

        tabTo("tab-agents");
        keys(Keys.ENTER);
        Browser.shown(browser, "#agents-view");
        List<String> form = tabTo("agent-new-username");
        assertThat(form).containsSubsequence("agents-search", "agents-site", "agents-role");
        keys("clavier.seul");
        tabTo("agent-new-name");
        keys("Camille Clavier");
        WebElement site = browser.switchTo().activeElement();
        do {
            keys(Keys.TAB);
            site = browser.switchTo().activeElement();
        } while (!"checkbox".equals(site.getDomAttribute("type")));
        keys(Keys.SPACE);
        tabTo("agent-new-password");
        keys("mot-de-passe-au-clavier-2026", Keys.ENTER);

        Eventually.await("the creation announced", () -> text("agents-notice"), shown -> shown.contains("clavier.seul"));
        assertThat(browser.findElement(By.id("agents-notice")).getDomAttribute("role"))
                .isEqualTo("status");

        browser.findElement(By.id("agents-search")).click();
        keys("clavier.seul");
        String edit = "Modifier : clavier.seul";
        Eventually.await("the account listed", () -> browser.findElements(By.cssSelector(
                "button[aria-label='" + edit + "']")).size(), count -> count == 1);
        tabTo(edit);
        keys(Keys.ENTER);
        WebElement dialog = Browser.shown(browser, "#agent-edit");
        Eventually.await("focus inside the dialog", () -> (Boolean) browser.executeScript(
                "return document.getElementById('agent-edit').contains(document.activeElement);"), Boolean.TRUE::equals);
        keys(Keys.ESCAPE);
        Eventually.await("the dialog closed", dialog::isDisplayed, Boolean.FALSE::equals);
        assertThat(focused()).isEqualTo(edit);
        assertThat(Accessibility.violations(browser)).isEmpty();
    }
}
