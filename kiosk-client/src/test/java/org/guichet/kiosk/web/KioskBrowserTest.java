package org.guichet.kiosk.web;

import io.vertx.core.json.JsonObject;
import org.guichet.kiosk.testing.FakeEscPosPrinter;
import org.guichet.kiosk.testing.KioskExtension;
import org.guichet.server.domain.IssuingRate;
import org.guichet.server.testing.Eventually;
import org.guichet.server.web.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The touch UI in real headless Chromium, served by a real kiosk client talking to a real server. */
class KioskBrowserTest {

    private static final Charset PC858 = Charset.forName("IBM00858");

    @RegisterExtension
    final KioskExtension kiosk = new KioskExtension();

    private ChromeDriver browser;

    /** Runs before the page's scripts: records what the Content-Security-Policy blocked. */
    private static final String COLLECT_VIOLATIONS = """
            window.__cspViolations = [];
            document.addEventListener('securitypolicyviolation', event => window.__cspViolations.push(
                event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline')), true);
            """;

    /** Every test's page, whatever it did, ran under the kiosk's policy without a violation. */
    @AfterEach
    void stop() {
        if (browser != null) {
            try {
                Object violations = browser.executeScript("return window.__cspViolations");
                assertThat(violations).as("Content-Security-Policy violations").isEqualTo(List.of());
            } finally {
                browser.quit();
            }
        }
    }

    private void givenAKioskOnScreen(JsonObject config, int width, int height) {
        kiosk.start(config);
        browser = Browser.open(width, height);
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", COLLECT_VIOLATIONS));
        // The page gets exactly the kiosk screen's size, as in Chromium's kiosk mode (no window decorations).
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", false));
        browser.get(kiosk.url());
    }

    private WebElement waitFor(String css) {
        return Eventually.await(css + " shown", () -> browser.findElement(By.cssSelector(css)), WebElement::isDisplayed);
    }

    private void waitForText(String css, String text) {
        Eventually.await(css + " reading " + text, () -> text(css), shown -> shown.contains(text));
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    @Test
    void a_visitor_chooses_priority_english_and_a_service_in_a_sub_menu_and_is_told_to_take_the_ticket()
            throws Exception {
        givenAKioskOnScreen(kiosk.config(), 1080, 1920);

        waitFor("button[data-entry='m1']");
        assertThat(text("#title")).isEqualTo("Bienvenue");
        assertThat(text("#site-name")).isEqualTo("Site Un – bâtiment A");
        Browser.screenshot(browser, "kiosk-1-start-1080x1920");

        browser.findElement(By.id("priority")).click();
        browser.findElement(By.cssSelector("button[data-lang='en']")).click();
        waitForText("#title", "Welcome");
        assertThat(browser.findElement(By.id("priority")).getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(text("button[data-entry='svc-a']")).isEqualTo("Service A (en)");

        browser.findElement(By.cssSelector("button[data-entry='m1']")).click();
        waitFor("button[data-entry='svc-c']");
        assertThat(text("#title")).isEqualTo("Menu");
        assertThat(browser.findElements(By.cssSelector("button[data-entry='svc-a']"))).isEmpty();
        Browser.screenshot(browser, "kiosk-2-submenu-1080x1920");

        browser.findElement(By.cssSelector("button[data-entry='svc-c']")).click();
        waitFor("#take-ticket");

        assertThat(text("#take-ticket")).startsWith("Take your ticket");
        assertThat(text("#number")).isEqualTo("C001");
        assertThat(text("#screen")).contains("Service C").contains("Priority ticket").contains("You are next in line.");
        Browser.screenshot(browser, "kiosk-3-ticket-1080x1920");
        List<Map<String, String>> tickets = kiosk.database().tickets();
        assertThat(tickets).hasSize(1);
        assertThat(tickets.get(0)).containsEntry("number", "C001").containsEntry("service_id", "svc-c")
                .containsEntry("priority", "PRIORITY").containsEntry("language", "en");
        assertThat(text("#title")).as("the header follows the screen").isEqualTo("Your ticket");
        byte[] printout = Files.readAllBytes(kiosk.printedDirectory().resolve("ticket-0001.bin"));
        assertThat(new String(printout, PC858)).contains("C001").contains("Priority ticket");

        browser.findElement(By.id("done")).click();
        waitForText("#title", "Bienvenue");
        browser.findElement(By.cssSelector("button[data-lang='es']")).click();
        waitForText("#title", "Le damos la bienvenida");
        assertThat(browser.findElement(By.id("priority")).getAttribute("aria-pressed")).isEqualTo("false");
    }

    @Test
    void on_a_landscape_screen_an_orientation_entry_shows_where_to_go() throws Exception {
        givenAKioskOnScreen(kiosk.config(), 1280, 800);

        waitFor("button[data-entry='o1']");
        Browser.screenshot(browser, "kiosk-4-start-1280x800");
        browser.findElement(By.cssSelector("button[data-entry='o1']")).click();
        waitFor("#take-slip");

        assertThat(text("#take-slip")).startsWith("Prenez votre fiche");
        assertThat(text("#screen")).contains("Préfecture").contains("1 place de la Préfecture");
        assertThat(kiosk.database().ticketCount()).isZero();
        Browser.screenshot(browser, "kiosk-5-orientation-1280x800");
    }

    @Test
    void when_the_printer_is_out_of_paper_the_screen_says_so_and_where_to_go() throws Exception {
        FakeEscPosPrinter printer = kiosk.networkPrinter().paperOut();
        givenAKioskOnScreen(kiosk.config(printer.connectionSpec()), 1280, 800);

        waitFor("#fault");

        assertThat(text("#fault")).isEqualTo("Les tickets ne peuvent pas être imprimés pour le moment.");
        assertThat(text("#where-to-go")).isEqualTo("Adressez-vous à l'accueil : un agent va vous aider.");
        assertThat(browser.findElements(By.cssSelector("button[data-entry]"))).isEmpty();
        Browser.screenshot(browser, "kiosk-6-printer-fault-1280x800");

        browser.findElement(By.cssSelector("button[data-lang='es']")).click();
        waitForText("#fault", "En este momento no se pueden imprimir tickets.");

        printer.paperLoaded();
        waitFor("button[data-entry='svc-a']");
    }

    @Test
    void a_kiosk_over_its_issuing_rate_asks_the_visitor_to_wait_a_moment_and_offers_to_try_again() {
        kiosk.stopServer();
        kiosk.restartServer(options -> options.withDeviceIssuing(new IssuingRate(1, Duration.ofHours(1))));
        givenAKioskOnScreen(kiosk.config(), 1280, 800);
        waitFor("button[data-entry='svc-a']").click();
        waitFor("#done").click();

        browser.findElement(By.cssSelector("button[data-lang='en']")).click();
        waitForText("#title", "Welcome");
        browser.findElement(By.cssSelector("button[data-entry='svc-a']")).click();
        waitFor("#fault");

        assertThat(text("#fault")).isEqualTo("Many tickets have just been given out at this kiosk. Please wait a few "
                + "seconds, then try again.");
        assertThat(browser.findElement(By.id("retry")).isDisplayed()).isTrue();
        assertThat(kiosk.database().ticketCount()).isEqualTo(1);
    }

    @Test
    void a_closed_site_shows_when_it_opens_again_in_the_visitors_language_then_the_menu_once_it_opens()
            throws Exception {
        kiosk.closedTodayAndTomorrow();
        JsonObject config = kiosk.config();
        config.getJsonObject("server").put("menuRefreshEvery", "500ms");
        givenAKioskOnScreen(config, 1080, 1920);

        waitFor("#closed");
        LocalDate reopening = LocalDate.now(KioskExtension.PARIS).plusDays(2);
        assertThat(text("#closed")).isEqualTo("L’accueil est exceptionnellement fermé aujourd’hui.");
        assertThat(text("#next-opening")).isEqualTo("Réouverture le "
                + DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.FRENCH).format(reopening) + " à 8 h 30.");
        assertThat(text("#title")).isEqualTo("Pas de ticket pour le moment");
        assertThat(browser.findElements(By.cssSelector("button[data-entry]"))).isEmpty();
        Browser.screenshot(browser, "kiosk-7-closed-1080x1920");
        browser.findElement(By.cssSelector("button[data-lang='es']")).click();
        waitForText("#next-opening", "Vuelve a abrir el "
                + DateTimeFormatter.ofPattern("EEEE d 'de' MMMM", Locale.forLanguageTag("es")).format(reopening)
                + " a las 8:30.");

        kiosk.siteCalendar(new JsonObject(), new JsonObject());
        waitFor("button[data-entry='svc-a']").click();
        waitFor("#take-ticket");

        assertThat(text("#no-counter-open")).isEqualTo("Todavía no hay ninguna ventanilla abierta para este "
                + "servicio: llamarán su número en cuanto abra una.");
        assertThat(new String(Files.readAllBytes(kiosk.printedDirectory().resolve("ticket-0001.bin")), PC858))
                .contains("Aún no hay ventanilla abierta");
    }

    @Test
    void the_touch_ui_runs_under_a_policy_that_blocks_inline_styles_and_scripts() {
        givenAKioskOnScreen(kiosk.config(), 1280, 800);
        waitFor("button[data-entry='m1']");
        browser.executeScript("document.body.setAttribute('style', 'background: red')");
        Eventually.await("the violation reported", () -> String.valueOf(
                browser.executeScript("return window.__cspViolations.join(' | ')")), text -> text.contains("style-src"));
        browser.executeScript("window.__cspViolations.length = 0");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_touch_ui_takes_the_shared_layer_from_the_kiosk_itself_and_names_each_language_in_its_own() {
        givenAKioskOnScreen(kiosk.config(), 1280, 800);
        waitFor("button[data-entry='m1']");

        List<String> shared = (List<String>) browser.executeScript("return performance.getEntriesByType('resource')"
                + ".map(entry => entry.name).filter(name => name.includes('/shared/'))");
        assertThat(shared).containsExactlyInAnyOrder(kiosk.url() + "shared/api.js", kiosk.url() + "shared/dom.js",
                kiosk.url() + "shared/i18n.js", kiosk.url() + "shared/speech.js");
        assertThat(browser.findElements(By.cssSelector("#languages button")).stream()
                .map(button -> button.getAttribute("lang") + ":" + button.getText()).toList())
                .containsExactly("fr:Français", "en:English", "es:Español", "oc:Occitan");

        browser.findElement(By.cssSelector("button[data-lang='es']")).click();
        waitForText("#priority-title", "Acceso prioritario");
        assertThat(browser.findElement(By.id("languages")).getAttribute("aria-label")).isEqualTo("Idioma");
        assertThat(browser.findElement(By.cssSelector("button[data-lang='es']")).getAttribute("aria-pressed"))
                .isEqualTo("true");
    }

    @Test
    void after_a_short_idle_time_the_kiosk_returns_to_the_start_screen_in_french() {
        JsonObject config = kiosk.config();
        config.put("screen", new JsonObject().put("idleTimeout", "2s"));
        givenAKioskOnScreen(config, 1280, 800);
        waitFor("button[data-entry='m1']");

        browser.findElement(By.cssSelector("button[data-lang='oc']")).click();
        browser.findElement(By.cssSelector("button[data-entry='m1']")).click();
        waitFor("#back");
        assertThat(text("#title")).isEqualTo("Menu");

        waitForText("#title", "Bienvenue");
        assertThat(browser.findElements(By.id("back"))).isEmpty();
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
    }
}
