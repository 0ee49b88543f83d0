package org.guichet.server.web.counter;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.server.testing.TestServer;
import org.guichet.server.web.Accessibility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.interactions.Actions;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.web.counter.CounterFixture.newAgent;
import static org.guichet.server.web.counter.CounterFixture.status;

/**
 * The counter tablet for an agent at the keyboard and with a screen reader, in one real Chromium: a whole visitor
 * served with keys only, what the live regions say, visible focus, names on every control; axe-core's WCAG 2.1 A and
 * AA rules in every state; and one session for every tab.
 */
class CounterAccessibilityTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();
    private static Tablet tablet;

    @BeforeAll
    static void openBrowser() {
        tablet = Tablet.open(server);
    }

    @AfterAll
    static void closeBrowser() {
        if (tablet != null) {
            tablet.close();
        }
    }

    @AfterEach
    void loggedOutAndANewDay() {
        List<String> handles = List.copyOf(tablet.driver.getWindowHandles());
        for (String handle : handles.subList(1, handles.size())) {
            tablet.driver.switchTo().window(handle).close();
        }
        tablet.driver.switchTo().window(handles.get(0));
        tablet.script("sessionStorage.clear(); localStorage.clear();");
        CounterFixture.resetSite(server);
        tablet.reload();
    }

    private static void keys(CharSequence... keys) {
        new Actions(tablet.driver).sendKeys(keys).perform();
    }

    private static void shiftTab() {
        new Actions(tablet.driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
    }

    private static String focusedId() {
        return (String) tablet.script("return document.activeElement && document.activeElement.id");
    }

    /** The focused element is drawn with a visible outline (:focus-visible, 3 px). */
    private static void focusVisible(String what) {
        assertThat(tablet.script("""
                const style = getComputedStyle(document.activeElement);
                return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;"""))
                .as("visible focus on " + what).isEqualTo(true);
    }

    private static String said() {
        return ((String) tablet.script("return document.getElementById('announce-status').textContent")).trim();
    }

    private static String saidAtOnce() {
        return ((String) tablet.script("return document.getElementById('announce-alert').textContent")).trim();
    }

    private static void awaitFocusOn(String id) {
        tablet.waitFor("focus on #" + id + " (now #" + focusedId() + ")", () -> id.equals(focusedId()));
        focusVisible("#" + id);
    }

    /** Tab, then Shift+Tab if need be, until the control has the focus: keys only. */
    private static void tabTo(String id) {
        for (int presses = 0; presses < 8 && !id.equals(focusedId()); presses++) {
            keys(Keys.TAB);
        }
        for (int presses = 0; presses < 8 && !id.equals(focusedId()); presses++) {
            shiftTab();
        }
        awaitFocusOn(id);
    }

    private static void audited(String state) {
        assertThat(Accessibility.violations(tablet.driver)).as(state).isEmpty();
    }

    @Test
    void an_agent_serves_a_visitor_with_the_keyboard_alone_and_hears_each_step() {
        String agent = newAgent(server, "keyboard");
        JsonObject ticket = server.issue(server.tokenOf("kiosk-1"), "svc-a");
        String number = ticket.getString("number");

        tablet.waitForView("login");
        awaitFocusOn("username");
        keys(agent, Keys.TAB);
        awaitFocusOn("password");
        keys("wrong password", Keys.ENTER);
        tablet.waitForBanner("invalid_credentials");
        assertThat(saidAtOnce()).as("a failure is said at once").isEqualTo(tablet.bannerText().replace("×", "").trim());
        tablet.driver.findElement(By.id("password")).clear();
        tablet.script("document.getElementById('password').focus()");
        keys(TestServer.AGENT_PASSWORD, Keys.ENTER);

        tablet.waitForView("choose");
        String firstChoice = (String) tablet.script("return document.querySelector('#counter-choices button').id");
        awaitFocusOn(firstChoice);
        tabTo("choose-c1");
        keys(Keys.ENTER);
        tablet.waitForMode("closed");

        awaitFocusOn("btn-open");
        keys(Keys.ENTER);
        tablet.waitForMode("idle");
        assertThat(said()).isEqualTo("Guichet ouvert : vous pouvez appeler.");

        awaitFocusOn("call-next");
        keys(Keys.SPACE);
        tablet.waitForMode("called");
        assertThat(said()).as("the call, said politely").isEqualTo("Ticket " + number + " appelé.");
        assertThat(tablet.script("return document.getElementById('announce-status').getAttribute('role')"))
                .isEqualTo("status");

        awaitFocusOn("btn-start");
        keys(Keys.ENTER);
        tablet.waitForMode("serving");
        assertThat(said()).isEqualTo("Ticket " + number + " en cours de service.");

        awaitFocusOn("btn-finish");
        shiftTab();
        awaitFocusOn("outcome");
        keys("dossier-complet", Keys.ENTER);
        tablet.waitForMode("idle");
        assertThat(said()).isEqualTo("Ticket " + number + " terminé.");
        assertThat(status(server, ticket.getLong("id"))).isEqualTo("DONE");
        assertThat(server.sql("SELECT outcome FROM ticket WHERE id = $1", ticket.getLong("id")).get(0).getString(0))
                .isEqualTo("dossier-complet");
        awaitFocusOn("call-next");
    }

    @Test
    void a_dialog_gives_the_focus_back_to_the_button_that_opened_it() {
        String agent = newAgent(server, "dialog");
        tablet.startAt(agent, "c1");
        tablet.script("document.getElementById('btn-pause').focus()");
        keys(Keys.ENTER);
        tablet.waitFor("the pause dialog", () -> tablet.driver.findElement(By.id("pause-dialog")).isDisplayed());
        keys(Keys.ESCAPE);
        tablet.waitFor("the pause dialog closed", () -> !tablet.driver.findElement(By.id("pause-dialog")).isDisplayed());
        awaitFocusOn("btn-pause");
    }

    @Test
    void every_control_has_a_name_and_every_state_passes_axe() {
        String agent = newAgent(server, "axe");
        JsonObject first = server.issue(server.tokenOf("kiosk-1"), "svc-a");
        server.issue(server.tokenOf("kiosk-1"), "svc-b");
        ok(server.post("/api/v1/tickets", server.tokenOf("kiosk-1"),
                new JsonObject().put("serviceId", "svc-a").put("priority", "PRIORITY")));

        tablet.waitForView("login");
        audited("log-in");
        tablet.logIn(agent, "wrong password");
        tablet.waitForBanner("invalid_credentials");
        audited("log-in with an error banner");
        tablet.logIn(agent);
        tablet.waitForView("choose");
        audited("counter choice");
        tablet.choose("c1");
        audited("closed counter");
        tablet.tap("btn-open");
        tablet.waitForMode("idle");
        tablet.waitForWaiting(first.getString("number"));
        audited("idle with a waiting list");
        @SuppressWarnings("unchecked")
        List<String> unnamed = (List<String>) tablet.script("""
                return [...document.querySelectorAll('button, input, select, textarea')]
                    .filter(el => el.offsetParent !== null)
                    .filter(el => !(el.getAttribute('aria-label') || el.labels?.length || el.textContent.trim()))
                    .map(el => el.id || el.outerHTML.slice(0, 60));""");
        assertThat(unnamed).as("controls without a name").isEmpty();
        assertThat(tablet.driver.findElement(By.id("call-" + first.getLong("id"))).getDomAttribute("aria-label"))
                .isEqualTo("Appeler le ticket " + first.getString("number"));

        tablet.tap("btn-pause");
        tablet.waitFor("the pause dialog", () -> tablet.driver.findElement(By.id("pause-dialog")).isDisplayed());
        audited("pause dialog open");
        tablet.driver.findElement(By.id("pause-confirm")).click();
        tablet.waitForMode("paused");
        audited("paused");
        tablet.tap("btn-resume");
        tablet.waitForMode("idle");

        tablet.tap("new-ticket");
        tablet.waitFor("the new-ticket dialog", () -> tablet.driver.findElement(By.id("issue-dialog")).isDisplayed());
        audited("new-ticket dialog open");
        tablet.driver.findElement(By.cssSelector("#issue-dialog .cancel")).click();

        tablet.tap("call-next");
        tablet.waitForMode("called");
        audited("ticket called");
        tablet.tap("btn-start");
        tablet.waitForMode("serving");
        audited("in service");
        tablet.tap("btn-transfer");
        tablet.waitFor("the transfer dialog", () -> tablet.driver.findElement(By.id("transfer-dialog")).isDisplayed());
        tablet.driver.findElement(By.id("transfer-confirm")).click();
        tablet.waitFor("the transfer's error", () -> !tablet.text("transfer-error").isEmpty());
        audited("transfer dialog open, with its error");
        tablet.driver.findElement(By.cssSelector("#transfer-dialog .cancel")).click();
        tablet.tap("btn-finish");
        tablet.waitForMode("idle");
        tablet.tap("lang-toggle");
        audited("idle, in English");
        tablet.tap("lang-toggle");
    }

    @Test
    void a_second_tab_shares_the_session_and_a_log_out_ends_it_in_both() {
        String agent = newAgent(server, "tabs");
        tablet.startAt(agent, "c3");
        String first = tablet.driver.getWindowHandle();
        tablet.driver.switchTo().newWindow(WindowType.TAB);
        tablet.driver.get(server.baseUrl() + "/counter/");
        tablet.waitForView("counter");
        tablet.waitForMode("idle");
        assertThat(tablet.driver.getCurrentUrl()).doesNotContain("gs_");
        assertThat(String.valueOf(tablet.script("return JSON.stringify(localStorage)"))).doesNotContain("gs_");

        tablet.tap("logout");
        tablet.waitForView("login");
        tablet.driver.switchTo().window(first);
        tablet.waitForView("login");
        assertThat(tablet.script("return sessionStorage.getItem('guichet.counter.token')")).isNull();
    }

    /**
     * An agent whose password an administrator set chooses their own on the tablet, with the keyboard alone, before
     * anything else: the server refuses every other call until then. A weak password is refused there, said at once;
     * a tab reloaded meanwhile asks for the given password too; then the agent chooses and opens a counter.
     */
    @Test
    void an_agent_given_a_password_by_an_administrator_chooses_their_own_then_opens_a_counter() {
        String agent = CounterFixture.uniqueName("first.day");
        assertThat(server.post("/api/v1/admin/agents", server.adminToken(), new JsonObject()
                .put("username", agent).put("displayName", agent).put("password", TestServer.INITIAL_AGENT_PASSWORD)
                .put("role", "agent").put("siteIds", new JsonArray().add("s1"))).statusCode()).isEqualTo(201);

        tablet.logIn(agent, TestServer.INITIAL_AGENT_PASSWORD);
        tablet.waitFor("the change-password form", () -> shown("password-change-form"));
        assertThat(shown("login-form")).as("the log-in form gives way").isFalse();
        awaitFocusOn("new-password");
        audited("the change-password form");

        keys("aaaaaaaaaaaa", Keys.TAB);
        awaitFocusOn("new-password-again");
        keys("aaaaaaaaaaaa", Keys.ENTER);
        String refusal = tablet.waitFor("the refusal", () -> present(tablet.text("password-change-error")));
        assertThat(refusal).startsWith("Ce mot de passe n’est pas accepté (").doesNotContain("{message}");
        assertThat(tablet.script("return document.getElementById('password-change-error').getAttribute('role')"))
                .as("the refusal is said at once").isEqualTo("alert");
        audited("the refusal");
        assertThat(tablet.view()).isEqualTo("login");

        tablet.reload();
        tablet.waitFor("the form again, after a reload", () -> shown("current-password"));
        awaitFocusOn("current-password");
        audited("the change-password form asking for the given password");
        keys("not the given one", Keys.TAB, "ardoise tournesol velo", Keys.TAB, "ardoise tournesol velo", Keys.ENTER);
        assertThat(tablet.waitFor("the wrong given password", () -> present(tablet.text("password-change-error"))))
                .isEqualTo("Le mot de passe donné par l’administrateur n’est pas celui-ci.");

        tablet.driver.findElement(By.id("current-password")).clear();
        tablet.script("document.getElementById('current-password').focus()");
        keys(TestServer.INITIAL_AGENT_PASSWORD, Keys.ENTER);

        tablet.waitForView("choose");
        assertThat(tablet.driver.findElements(By.id("password-change-form"))).isEmpty();
        assertThat(shown("login-form")).as("the log-in form is back for the next agent").isFalse();
        tablet.choose("c1");
        tablet.tap("btn-open");
        tablet.waitForMode("idle");
        assertThat(server.post("/api/v1/auth/login", null, new JsonObject().put("username", agent)
                .put("password", "ardoise tournesol velo")).bodyAsJsonObject().getBoolean("mustChangePassword"))
                .isFalse();
    }

    private static boolean shown(String id) {
        List<org.openqa.selenium.WebElement> found = tablet.driver.findElements(By.id(id));
        return !found.isEmpty() && found.get(0).isDisplayed();
    }

    private static String present(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static void ok(io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer> response) {
        assertThat(response.statusCode()).as(response.bodyAsString()).isBetween(200, 299);
    }
}
