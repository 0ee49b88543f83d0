package org.guichet.server.web;

import io.vertx.core.json.JsonObject;
import org.guichet.server.testing.Eventually;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page the server serves, in real Chromium, under the Content-Security-Policy it is sent with (no inline script
 * or style, own files only): each loads, does its work (logged in where it needs an account, connected to the event
 * bus, charts drawn, API description rendered) and the browser reports no violation of the policy.
 */
class ContentSecurityPolicyBrowserTest {

    /** Runs before any script of every page: records what the policy blocked, as the browser reports it. */
    private static final String COLLECT_VIOLATIONS = """
            window.__cspViolations = [];
            document.addEventListener('securitypolicyviolation', event => window.__cspViolations.push(
                event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline') + ' at '
                + event.sourceFile + ':' + event.lineNumber), true);
            """;

    @RegisterExtension
    static final TestServer server = TestServer.perClass();
    private static ChromeDriver browser;

    @BeforeAll
    static void openBrowser() {
        browser = Browser.open(1280, 900);
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", COLLECT_VIOLATIONS));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Opens a page, waits until it has done its work, and returns the violations it reported. */
    private static List<String> visit(String path, Runnable working) {
        browser.get(server.baseUrl() + path);
        working.run();
        @SuppressWarnings("unchecked")
        List<Object> found = (List<Object>) browser.executeScript("return window.__cspViolations || null");
        assertThat(found).as("the collector ran on " + path).isNotNull();
        return found.stream().map(String::valueOf).toList();
    }

    private static void until(String what, Supplier<Boolean> condition) {
        Eventually.await(what, () -> {
            try {
                return condition.get();
            } catch (RuntimeException notYet) {
                return false;
            }
        }, Boolean.TRUE::equals);
    }

    private static boolean shown(String css) {
        return browser.findElements(By.cssSelector(css)).stream().anyMatch(element -> element.isDisplayed());
    }

    private static String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private static void logIn(String username, String password, String submit) {
        until("the login form", () -> shown("#username"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector(submit)).click();
    }

    @Test
    void the_policy_is_enforced_and_its_violations_are_seen() {
        List<String> violations = visit("/", () -> {
            until("the home page's links", () -> shown("main a"));
            // What an injected inline style would do: blocked, and reported.
            browser.executeScript("document.body.setAttribute('style', 'background: red')");
            until("the violation reported", () -> Boolean.TRUE.equals(
                    browser.executeScript("return window.__cspViolations.length > 0")));
        });
        assertThat(violations).anyMatch(violation -> violation.startsWith("style-src"));
        assertThat(browser.executeScript("return getComputedStyle(document.body).backgroundColor"))
                .isNotEqualTo("rgb(255, 0, 0)");
    }

    @Test
    void every_page_works_with_no_policy_violation() {
        server.agent("csp.supervisor", "supervisor", "s1");
        server.agent("csp.agent", "agent", "s1");
        String kiosk = server.deviceToken("kiosk-1");
        JsonObject ticket = server.post("/api/v1/tickets", kiosk, new JsonObject().put("serviceId", "svc-a"))
                .bodyAsJsonObject();
        List<String> violations = new ArrayList<>();

        violations.addAll(visit("/", () -> until("the home page's links", () -> shown("main a"))));
        violations.addAll(visit("/accessibilite", () -> until("the statement", () -> shown("h1"))));
        violations.addAll(visit("/confidentialite", () -> until("the privacy notice's periods",
                () -> !text("#notes").isBlank())));
        violations.addAll(visit("/docs/", () -> until("the API description rendered",
                () -> shown(".swagger-ui .opblock"))));
        violations.addAll(visit("/no/such/page", () -> until("the not-found page", () -> shown("h1"))));
        violations.addAll(visit("/ticket/" + ticket.getString("statusToken"), () -> until("the visitor's ticket",
                () -> text("#number").equals(ticket.getString("number")))));
        violations.addAll(visit("/display/pair", () -> until("the pairing page", () -> shown("h1"))));
        violations.addAll(visit("/display/?token=" + server.deviceToken("screen-1"), () -> until(
                "the room screen connected", () -> Boolean.TRUE.equals(browser.executeScript(
                        "return !!window.guichetDisplay && window.guichetDisplay.connection === 'open'"
                        + " && window.guichetDisplay.syncs > 0")))));
        violations.addAll(visit("/display/counter.html?token=" + server.deviceToken("cscreen-1"), () -> until(
                "the counter screen connected", () -> Boolean.TRUE.equals(browser.executeScript(
                        "return !!window.guichetCounterScreen && window.guichetCounterScreen.connection === 'open'"
                        + " && window.guichetCounterScreen.syncs > 0")))));
        violations.addAll(visit("/counter/", () -> {
            logIn("csp.agent", TestServer.AGENT_PASSWORD, "#login-submit");
            until("the counters to choose from", () -> shown("#choose-c1"));
        }));
        violations.addAll(visit("/supervisor/", () -> {
            logIn("csp.supervisor", TestServer.AGENT_PASSWORD, "#login-form button");
            until("the live view on the event bus", () -> "open".equals(
                    browser.findElement(By.id("bus-state")).getAttribute("data-state")));
            browser.findElement(By.id("tab-stats")).click();
            until("a chart drawn", () -> Boolean.TRUE.equals(browser.executeScript(
                    "const c = document.getElementById('chart-series'); return !!c && c.width > 0"
                    + " && !!window.Chart && !!window.Chart.getChart(c)")));
        }));
        browser.executeScript("sessionStorage.clear(); localStorage.clear();");
        violations.addAll(visit("/admin/", () -> {
            logIn("admin", TestServer.ADMIN_PASSWORD, "#login-form button[type=submit]");
            until("the sites listed", () -> shown("#sites tbody tr"));
        }));

        assertThat(violations).as("Content-Security-Policy violations").isEmpty();
    }
}
