package org.guichet.server.web;

import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import static org.assertj.core.api.Assertions.assertThat;

/** The home page and every view of the administration app pass axe-core's WCAG 2.1 A and AA rules, in Chromium. */
class AdminAccessibilityTest {

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

    private static WebElement shown(String css) {
        return Browser.shown(browser, css);
    }

    private static void audited(String state) {
        assertThat(Accessibility.violations(browser)).as(state).isEmpty();
    }

    @Test
    void the_audit_finds_what_it_is_meant_to_find() {
        browser.get(server.baseUrl() + "/");
        shown("#app-admin");
        browser.executeScript("document.querySelector('main').append(Object.assign(document.createElement('input'), "
                + "{id: 'unlabelled'}));"
                + "const faint = document.createElement('p'); faint.textContent = 'Faint';"
                + "faint.style.color = '#ddd'; document.querySelector('main').append(faint);");

        assertThat(Accessibility.violations(browser)).anyMatch(violation -> violation.startsWith("label:"))
                .anyMatch(violation -> violation.startsWith("color-contrast:"));
    }

    @Test
    void the_home_page_passes() {
        browser.get(server.baseUrl() + "/");
        shown("#app-admin");
        audited("home page");
    }

    @Test
    void every_view_of_the_administration_app_passes_in_each_of_its_states() {
        browser.get(server.baseUrl() + "/admin/");
        shown("#username");
        audited("log-in");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(TestServer.ADMIN_PASSWORD);
        browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        shown("#sites tbody tr");
        audited("sites");
        shown("#sites tr[data-site='s1'] button[data-action='edit']").click();
        shown("#site-edit");
        audited("a site's form");

        browser.findElement(By.id("tab-agents")).click();
        shown("#agents tbody tr");
        audited("agents");
        shown("#agents tbody tr button[data-action='edit']").click();
        shown("#agent-edit-name");
        audited("an agent's edit dialog");
        browser.findElement(By.cssSelector("#agent-edit .cancel")).click();

        browser.findElement(By.id("tab-devices")).click();
        shown("#devices tbody tr");
        shown("#devices tr[data-device='screen-1'] button[data-action='pair']").click();
        shown("#pairing-code");
        audited("devices, with a pairing code");

        browser.findElement(By.id("tab-templates")).click();
        shown("#templates tbody tr");
        audited("templates");

        browser.findElement(By.id("tab-deployment")).click();
        shown("#import-text");
        audited("import and export");

        browser.findElement(By.id("tab-audit")).click();
        shown("#audit tbody tr");
        audited("audit log");
    }
}
