package org.guichet.server.web.supervisor;

import org.guichet.server.testing.TestServer;
import org.guichet.server.web.Accessibility;
import org.guichet.server.web.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Training mode in Chromium, as a supervisor and a trainee use it: the supervisor prepares the copy of the site in the
 * Training tab, opens its kiosk and a room's screen in other tabs; a visitor's ticket from that kiosk is called by the
 * trainee's tablet in training mode and shown on the training screen; the supervisor follows the trainee and starts
 * simulated visitors. Each page is checked with axe.
 */
class TrainingBrowserTest {

    private static final String COPY = "formation:s1";

    @RegisterExtension
    static final TestServer server = TestServer.perClass();
    private static ChromeDriver driver;

    @BeforeAll
    static void accounts() {
        server.agent("sup.training", "supervisor", "s1");
        server.agent("trainee.web", "agent", "s1");
        driver = Browser.open(1280, 1000);
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
    }

    private static Browser.Waiting waitUpTo(int seconds) {
        return Browser.waitUpTo(driver, Duration.ofSeconds(seconds));
    }

    private static String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    private static Object script(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    /** Clicks what opens a new tab and switches to it. */
    private static String openedBy(By trigger) {
        Set<String> before = new HashSet<>(driver.getWindowHandles());
        Browser.click(driver, trigger);
        waitUpTo(10).until(d -> d.getWindowHandles().size() > before.size());
        String opened = driver.getWindowHandles().stream().filter(handle -> !before.contains(handle)).findFirst()
                .orElseThrow();
        driver.switchTo().window(opened);
        return opened;
    }

    @Test
    void a_supervisor_prepares_the_copy_a_trainee_calls_a_ticket_from_its_kiosk_to_its_screen_and_is_followed() {
        driver.get(server.baseUrl() + "/supervisor/#training");
        waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys("sup.training");
        driver.findElement(By.id("password")).sendKeys(TestServer.AGENT_PASSWORD);
        driver.findElement(By.cssSelector("#login-form button")).click();
        waitUpTo(15).until(ExpectedConditions.textToBe(By.id("training-copy"),
                "Ce site n’a pas encore de copie de formation."));
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("training-title");
        driver.findElement(By.id("training-prepare")).click();
        waitUpTo(10).until(ExpectedConditions.textToBe(By.id("training-status"),
                "Site Un – bâtiment A (formation) est prête."));
        // The copy's line is drawn by the read that follows the message: waited for, as on a busy machine it comes later.
        waitUpTo(10).until(ExpectedConditions.textToBe(By.id("training-copy"),
                "Copie de formation : Site Un – bâtiment A (formation)."));
        assertThat(Accessibility.violations(driver)).as("training tab, French").isEmpty();
        String supervision = driver.getWindowHandle();

        // The copy's kiosk, in another tab: a visitor takes a Service A ticket.
        openedBy(By.id("training-kiosk"));
        waitUpTo(10).until(ExpectedConditions.textToBe(By.id("site-name"), "Site Un – bâtiment A (formation)"));
        assertThat(text(".training-mark")).isEqualTo("Formation : ces tickets ne sont pas réels.");
        assertThat(Accessibility.violations(driver)).as("training kiosk").isEmpty();
        driver.findElement(By.xpath("//ul[@id='entries']//button[text()='Service A']")).click();
        waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("ticket-view")));
        String number = text("#ticket-number");
        assertThat(number).isEqualTo("A001");
        assertThat(text("#ticket-ahead")).isEqualTo("Personne n’attend avant vous.");
        assertThat(text("#ticket-where")).isEqualTo("Attendez en salle « Salle 1 » et regardez l’écran.");
        Browser.screenshot(driver, "training-kiosk");
        driver.findElement(By.id("done")).click();
        driver.findElement(By.xpath("//nav[@id='languages']//button[text()='English']")).click();
        waitUpTo(10).until(ExpectedConditions.textToBe(By.id("menu-title"), "Touch the reason for your visit"));
        driver.close();

        // The copy's screen for Salle 1, in another tab.
        driver.switchTo().window(supervision);
        String screen = openedBy(By.xpath("//ul[@id='training-screens']//button[contains(., 'Salle 1')"
                + " and not(contains(., 'bis'))]"));
        waitUpTo(20).until(d -> Boolean.TRUE.equals(script("return !!window.guichetDisplay"
                + " && window.guichetDisplay.connection === 'open' && window.guichetDisplay.syncs > 0")));
        assertThat(text("#room-name")).isEqualTo("Salle 1");

        // The trainee's tablet, in training mode.
        driver.switchTo().newWindow(WindowType.TAB);
        String tablet = driver.getWindowHandle();
        driver.get(server.baseUrl() + "/counter/?formation");
        waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(driver.findElement(By.id("training-mark")).isDisplayed()).isTrue();
        driver.findElement(By.id("username")).sendKeys("trainee.web");
        driver.findElement(By.id("password")).sendKeys(TestServer.AGENT_PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        waitUpTo(10).until(ExpectedConditions.elementToBeClickable(By.id("choose-" + COPY + ":c1")));
        assertThat(driver.findElements(By.id("choose-c1"))).as("no real counter in training mode").isEmpty();
        assertThat(text("#training-switch")).isEqualTo("Quitter la formation");
        driver.findElement(By.id("choose-" + COPY + ":c1")).click();
        waitUpTo(10).until(ExpectedConditions.elementToBeClickable(By.id("btn-open"))).click();
        waitUpTo(10).until(ExpectedConditions.elementToBeClickable(By.id("call-next"))).click();
        waitUpTo(10).until(ExpectedConditions.textToBe(By.id("current-number"), number));
        assertThat(Accessibility.violations(driver)).as("tablet in training mode").isEmpty();
        Browser.screenshot(driver, "training-tablet");

        driver.switchTo().window(screen);
        waitUpTo(10).until(ExpectedConditions.textToBe(By.id("current-number"), number));

        // The supervisor follows the trainee, then starts simulated visitors.
        driver.switchTo().window(supervision);
        waitUpTo(15).until(ExpectedConditions.textToBePresentInElementLocated(By.id("training-actions"),
                "appelle " + number));
        assertThat(text("#training-counters tbody")).contains("Guichet 1", "Ouvert");
        assertThat(text("#training-agents tbody tr")).startsWith("trainee.web");
        driver.findElement(By.id("training-rate")).clear();
        driver.findElement(By.id("training-rate")).sendKeys("120");
        driver.findElement(By.cssSelector("#training-simulation button[type=submit]")).click();
        waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("training-simulating"),
                "En cours : 120 visiteurs par heure"));
        assertThat(Accessibility.violations(driver)).as("training tab, following").isEmpty();
        Browser.screenshot(driver, "supervisor-training");
        driver.findElement(By.id("training-stop")).click();
        waitUpTo(10).until(ExpectedConditions.textToBe(By.id("training-simulating"),
                "Aucun visiteur simulé en ce moment."));
        driver.findElement(By.id("language")).click();
        waitUpTo(5).until(ExpectedConditions.textToBe(By.id("tab-training"), "Training"));
        assertThat(text("#training-prepare")).isEqualTo("Update the copy (the site’s services and counters)");
        assertThat(Accessibility.violations(driver)).as("training tab, English").isEmpty();
        driver.findElement(By.id("language")).click();

        driver.switchTo().window(tablet);
        driver.close();
        driver.switchTo().window(screen);
        driver.close();
        driver.switchTo().window(supervision);
    }
}
