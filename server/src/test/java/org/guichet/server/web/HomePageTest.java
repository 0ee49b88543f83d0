package org.guichet.server.web;

import org.guichet.server.testing.Eventually;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The landing page at / sends each person to their app; /docs/ shows the API description, in real Chromium. */
class HomePageTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();
    private static ChromeDriver browser;

    @BeforeAll
    static void openBrowser() {
        browser = Browser.open(1280, 800);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    @Test
    void the_root_lists_the_apps_in_french_then_english_and_each_link_opens_its_app() {
        browser.get(server.baseUrl() + "/");
        Eventually.await("the page translated", () -> text("language"), "English"::equals);

        assertThat(text("app-counter")).startsWith("Guichet agent");
        assertThat(text("app-supervisor")).startsWith("Supervision");
        assertThat(text("app-docs")).startsWith("Description de l’API");
        Browser.screenshot(browser, "home-fr");

        browser.findElement(By.id("language")).click();
        Eventually.await("English", () -> text("app-counter"), shown -> shown.startsWith("Counter"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(text("language")).isEqualTo("Français");

        assertThat(text("app-indicators")).startsWith("Public indicators");
        for (String app : List.of("counter", "supervisor", "admin", "indicators")) {
            String href = browser.findElement(By.id("app-" + app)).getAttribute("href");
            assertThat(server.get(href.substring(server.baseUrl().length()), null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void docs_show_every_operation_of_the_openapi_document() {
        browser.get(server.baseUrl() + "/docs/");

        WebElement title = Eventually.await("Swagger UI drawn", () -> browser.findElements(By.cssSelector(".title")),
                found -> !found.isEmpty()).get(0);
        assertThat(title.getText()).contains("Guichet");
        List<WebElement> operations = Eventually.await("operations listed",
                () -> browser.findElements(By.cssSelector(".opblock-summary-path")), found -> found.size() > 20);
        assertThat(operations).extracting(WebElement::getText).contains("/tickets", "/sites/{siteId}/menu");
    }
}
