package org.guichet.server.web.supervisor;

import org.guichet.server.testing.MutableClock;
import org.guichet.server.testing.TestServer;
import org.guichet.server.web.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Supervision's defects of issue 14, in a Chromium whose own language is American English while the app speaks French
 * (then British English): counter occupancy in minutes and hours rather than decimal hours, date fields written and
 * read the app's way, and one session for every tab of the browser.
 */
class SupervisionDefectsTest {

    private static final MutableClock CLOCK = MutableClock.withinTheDayInParis();
    /** A duration as the app writes it: "45 s", "7 min", "1 h 05". */
    private static final String DURATION = "\\d+ s|\\d+ min|\\d+ h \\d{2}";
    /**
     * A browser whose day is not the site's (Paris) when the class runs: 12 hours behind before noon in Paris
     * (UTC-12), 13 ahead from noon (UTC+14), so the periods it computes would be a day off if it counted its own.
     */
    private static final String BROWSER_ZONE = LocalTime.now(ZoneId.of("Europe/Paris")).getHour() < 12
            ? "Etc/GMT+12" : "Pacific/Kiritimati";

    @RegisterExtension
    static final TestServer server = TestServer.perClass().withClock(CLOCK);
    private static ChromeDriver driver;

    @BeforeAll
    static void aMorningAndABrowserInAmericanEnglish() {
        server.agent("sup.defects", "supervisor", "s1");
        String agent = server.agentAtCounter("defects.agent", "s1", "c1");
        String kiosk = server.deviceToken("kiosk-1");
        ServedTickets.serve(server, CLOCK, kiosk, agent, 3, Duration.ofMinutes(2), Duration.ofSeconds(30),
                Duration.ofMinutes(5));
        driver = Browser.openInTimeZone(BROWSER_ZONE, 1280, 1000, "--lang=en-US", "--accept-lang=en-US");
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
    }

    @AfterEach
    void oneTabLoggedOut() {
        List<String> handles = List.copyOf(driver.getWindowHandles());
        for (String handle : handles.subList(1, handles.size())) {
            driver.switchTo().window(handle).close();
        }
        driver.switchTo().window(handles.get(0));
        driver.get(server.baseUrl() + "/supervisor/");
        driver.executeScript("sessionStorage.clear(); localStorage.clear();");
    }

    private static String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    private static void logIn() {
        driver.get(server.baseUrl() + "/supervisor/");
        Browser.shown(driver, "#username").sendKeys("sup.defects");
        driver.findElement(By.id("password")).sendKeys(TestServer.AGENT_PASSWORD);
        driver.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        Browser.shown(driver, "#tabs");
    }

    private static void switchLanguageTo(String language) {
        driver.findElement(By.id("language")).click();
        Browser.waitUpTo(driver, Duration.ofSeconds(5)).until(d -> language.equals(
                d.findElement(By.tagName("html")).getDomAttribute("lang")));
    }

    private static void statistics() {
        driver.findElement(By.id("tab-stats")).click();
        Browser.shown(driver, "#chart-occupancy");
        Browser.waitUpTo(driver, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(driver.executeScript(
                "return !!window.Chart?.getChart(document.getElementById('chart-occupancy'))")));
    }

    @Test
    void the_browser_really_speaks_american_english() {
        driver.get(server.baseUrl() + "/supervisor/");
        assertThat(driver.executeScript("return navigator.language")).isEqualTo("en-US");
    }

    @Test
    @SuppressWarnings("unchecked")
    void day_fields_and_the_steps_of_a_duration_axis_are_plain_functions() {
        driver.get(server.baseUrl() + "/supervisor/");
        var result = (java.util.Map<String, Object>) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/supervisor/dates.js').then(d => done({
                    fr: d.formatDayField('2026-11-03', 'fr'), en: d.formatDayField('2026-11-03', 'en'),
                    short: d.parseDayField('3/11/2026', 'fr'), dots: d.parseDayField('03.11.2026', 'en'),
                    noSuchDay: d.parseDayField('30/02/2026', 'fr'), words: d.parseDayField('3 nov 2026', 'fr'),
                    twoDigitYear: d.parseDayField('03/11/26', 'fr'),
                    steps: [d.minuteStep(7), d.minuteStep(45), d.minuteStep(480), d.minuteStep(9000)]}));""");
        assertThat(result).containsEntry("fr", "03/11/2026").containsEntry("en", "03/11/2026")
                .containsEntry("short", "2026-11-03").containsEntry("dots", "2026-11-03")
                .containsEntry("noSuchDay", null).containsEntry("words", null).containsEntry("twoDigitYear", null)
                .containsEntry("steps", List.of(1L, 10L, 60L, 1440L));
    }

    @Test
    void counter_occupancy_reads_in_minutes_and_hours_in_the_chart_and_its_table() {
        logIn();
        statistics();
        @SuppressWarnings("unchecked")
        List<String> ticks = (List<String>) driver.executeScript("""
                const scale = Chart.getChart(document.getElementById('chart-occupancy')).scales.x;
                return scale.ticks.map(tick => String(tick.label));""");
        assertThat(ticks).as("the occupancy axis").isNotEmpty()
                .allSatisfy(tick -> assertThat(tick).matches("0|" + DURATION));
        WebElement panel = driver.findElement(By.id("panel-occupancy"));
        panel.findElement(By.tagName("summary")).click();
        @SuppressWarnings("unchecked")
        List<String> cells = (List<String>) driver.executeScript("""
                const row = [...document.querySelectorAll('#panel-occupancy tbody tr')]
                    .find(tr => tr.textContent.includes('Guichet 1'));
                return [...row.querySelectorAll('td')].slice(0, 5).map(td => td.textContent);""");
        assertThat(cells).as("open, paused, calling, serving, idle at Guichet 1").hasSize(5)
                .allSatisfy(cell -> assertThat(cell).matches("—|" + DURATION));
        assertThat(cells.get(3)).as("15 minutes served").isEqualTo("15 min");
    }

    @Test
    void the_periods_count_the_sites_days_not_the_browsers() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        logIn();
        statistics();
        assertThat(driver.executeScript("return new Date().toLocaleDateString('en-CA')"))
                .as("the browser's own day, which must differ for this test to mean anything")
                .isNotEqualTo(today.toString());
        new Select(driver.findElement(By.id("preset"))).selectByValue("today");
        String day = today.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        assertThat(driver.findElement(By.id("from")).getDomProperty("value"))
                .as("today at the site (the browser's zone is %s)", BROWSER_ZONE).isEqualTo(day);
        assertThat(driver.findElement(By.id("to")).getDomProperty("value")).isEqualTo(day);
    }

    @Test
    void date_fields_follow_the_apps_language_not_the_browsers() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris")); // the site's day, not the machine's
        logIn();
        statistics();
        WebElement from = driver.findElement(By.id("from"));
        String firstOfMonth = today.withDayOfMonth(1).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        assertThat(from.getDomProperty("value")).as("French: day/month/year").isEqualTo(firstOfMonth);
        assertThat(from.getDomAttribute("placeholder")).isEqualTo("jj/mm/aaaa");

        from.clear();
        from.sendKeys(today.withDayOfMonth(1).format(DateTimeFormatter.ofPattern("d/M/yyyy")));
        WebElement to = driver.findElement(By.id("to"));
        to.clear();
        String lastDay = today.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        to.sendKeys(lastDay);
        driver.findElement(By.cssSelector("#filters button[type=submit]")).click();
        String asked = "from=" + today.withDayOfMonth(1) + "&to=" + today;
        Browser.waitUpTo(driver, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(driver.executeScript(
                "return performance.getEntriesByType('resource').some(e => e.name.includes(arguments[0]))", asked)));

        from.clear();
        from.sendKeys("31/02/2026");
        assertThat(driver.executeScript("return document.getElementById('from').validationMessage"))
                .as("a date that does not exist, said in French").isEqualTo("Date inconnue : écrivez-la jj/mm/aaaa.");

        switchLanguageTo("en");
        assertThat(from.getDomAttribute("placeholder")).isEqualTo("dd/mm/yyyy");
        assertThat(driver.executeScript("return document.getElementById('from').validationMessage"))
                .isEqualTo("Unknown date: write it dd/mm/yyyy.");
        assertThat(to.getDomProperty("value")).as("British English, the app's, not the browser's American")
                .isEqualTo(lastDay);
        switchLanguageTo("fr");
    }

    @Test
    void a_second_tab_shares_the_session_and_logging_out_in_one_logs_out_both() {
        logIn();
        String first = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.TAB);
        driver.get(server.baseUrl() + "/supervisor/");
        Browser.shown(driver, "#tabs");
        assertThat(driver.findElement(By.id("login-view")).isDisplayed()).isFalse();
        assertThat(driver.getCurrentUrl()).doesNotContain("token");
        assertThat(driver.executeScript("return JSON.stringify(localStorage)").toString())
                .as("no session token kept on disk").doesNotContain(token());

        driver.findElement(By.id("logout")).click();
        Browser.shown(driver, "#login-view");
        driver.switchTo().window(first);
        Browser.shown(driver, "#login-view");
        assertThat(driver.findElement(By.id("tabs")).isDisplayed()).isFalse();
    }

    private static String token() {
        Object token = driver.executeScript("return sessionStorage.getItem('guichet.supervisor.token')");
        assertThat(token).as("this tab's session").isNotNull();
        return token.toString();
    }
}
