package org.guichet.server.web.supervisor;

import io.vertx.core.json.JsonObject;
import org.guichet.server.testing.MutableClock;
import org.guichet.server.testing.TestServer;
import org.guichet.server.web.Accessibility;
import org.guichet.server.web.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.ok;

/**
 * The staffing view in Chromium. Site s1 (Paris) had six Service A visitors between 09:00 and 10:00 on each of the
 * last two Tuesdays, nine minutes of a counter each (1 min walk, 8 min service): 6 an hour × 540 s = 0.9 erlang, for
 * which one counter calls 28 % within the 20-minute target and two counters 97.6 %. So the coming Tuesday needs two
 * counters at 9 where one was open today (Tuesday 1 December, 10:30 in Paris).
 */
class StaffingPageTest {

    private static final MutableClock clock = new MutableClock(Instant.parse("2026-11-17T08:00:00Z"));

    @RegisterExtension
    static final TestServer server = TestServer.perClass()
            .withOptions(options -> options.withClock(clock).withSessionLifetime(Duration.ofDays(400)));
    private static ChromeDriver driver;
    private static String supervisor;

    @BeforeAll
    static void twoTuesdaysOfVisitors() {
        supervisor = server.agent("sup.staffing", "supervisor", "s1");
        String agent = server.agentAtCounter("staffing.web", "s1", "c1");
        String kiosk = server.deviceToken("kiosk-1");
        for (String day : List.of("2026-11-17", "2026-11-24")) {
            clock.set(Instant.parse(day + "T08:00:00Z"));
            if (day.endsWith("24")) {
                ok(server.post("/api/v1/counters/c1/open", agent, null));
            }
            ServedTickets.serve(server, clock, kiosk, agent, 6, Duration.ofMinutes(1), Duration.ofMinutes(1),
                    Duration.ofMinutes(8));
            ok(server.post("/api/v1/counters/c1/close", agent, null));
        }
        clock.set(Instant.parse("2026-12-01T08:00:00Z"));
        ok(server.post("/api/v1/counters/c1/open", agent, null));
        clock.set(Instant.parse("2026-12-01T09:30:00Z"));
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

    private static List<String> cells(String rowCss) {
        return driver.findElements(By.cssSelector(rowCss + " > *")).stream().map(WebElement::getText).toList();
    }

    @Test
    void the_coming_week_shows_the_counters_advised_against_those_opened_in_both_languages() {
        JsonObject api = ok(server.get("/api/v1/stats/staffing?siteId=s1", supervisor));
        JsonObject tuesday = api.getJsonArray("days").getJsonObject(1);
        JsonObject nine = tuesday.getJsonArray("hours").getJsonObject(0);
        assertThat(nine.getInteger("counters")).isEqualTo(2);

        driver.get(server.baseUrl() + "/supervisor/#staffing");
        waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys("sup.staffing");
        driver.findElement(By.id("password")).sendKeys(TestServer.AGENT_PASSWORD);
        driver.findElement(By.cssSelector("#login-form button")).click();

        waitUpTo(15).until(ExpectedConditions.textToBe(By.id("staffing-week"), "Semaine du 7 déc."));
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("staffing-title");
        assertThat(driver.findElement(By.id("tab-staffing")).getAttribute("aria-current")).isEqualTo("page");
        assertThat(text("#staffing-basis")).contains("8 semaine(s)", "6 oct.", "30 nov.", "80 %");
        assertThat(driver.findElements(By.cssSelector("#staffing-days tbody tr"))).hasSize(7);
        assertThat(cells("#staffing-days tbody tr:nth-child(2)"))
                .containsExactly("mardi 8 déc.", "Pas d’horaires déclarés", "2", "1,0", "mardi 1 déc.", "2");

        // The first day with advice is shown: Tuesday, 2 counters at 9 where 1 was open today, in amber
        assertThat(driver.findElement(By.id("staffing-day")).getDomProperty("value")).isEqualTo("2026-12-08");
        assertThat(text("#staffing-day-title")).isEqualTo("mardi 8 déc. : guichets conseillés, comparés au 1 déc.");
        waitUpTo(10).until(d -> Browser.hasChart(driver, "staffing-chart")
                && Browser.paintedPixels(driver, "staffing-chart") > 500);
        List<WebElement> hours = driver.findElements(By.cssSelector("#staffing-hours tbody tr"));
        assertThat(hours).hasSize(1);
        assertThat(cells("#staffing-hours tbody tr")).containsExactly("09:00–10:00", "2", "1,0",
                "97,6 %", "—", "0", "0 %");
        assertThat(hours.get(0).getAttribute("class")).isEqualTo("problem");
        driver.findElement(By.cssSelector("#staffing-tables details:nth-of-type(2) summary")).click();
        assertThat(cells("#staffing-services tbody tr")).containsExactly("09:00–10:00", "Service A", "6,0",
                "9,0 min", "20", "2", "45 %", "27,9 %", "2,3 min", "97,6 %");
        assertThat(Accessibility.violations(driver)).as("staffing view, French").isEmpty();
        Browser.screenshot(driver, "supervisor-staffing");

        // A closed day says so; the next week is one click away
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("staffing-day"))).selectByValue("2026-12-07");
        waitUpTo(5).until(ExpectedConditions.visibilityOfElementLocated(By.id("staffing-empty")));
        assertThat(text("#staffing-empty")).isEqualTo(
                "Aucun visiteur n’est venu ce jour de la semaine pendant les semaines mesurées.");
        driver.findElement(By.id("staffing-next")).click();
        waitUpTo(10).until(ExpectedConditions.textToBe(By.id("staffing-week"), "Semaine du 14 déc."));

        driver.findElement(By.id("language")).click();
        waitUpTo(5).until(ExpectedConditions.textToBe(By.id("tab-staffing"), "Staffing"));
        assertThat(text("#staffing-week")).isEqualTo("Week of 14 Dec");
        assertThat(text("#staffing-days caption")).isEqualTo("Counter-hours advised and opened, day by day");
        assertThat(Accessibility.violations(driver)).as("staffing view, English").isEmpty();
        driver.findElement(By.id("language")).click();
    }
}
