package org.guichet.server.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.server.testing.Eventually;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import static org.assertj.core.api.Assertions.assertThat;

/** An administrator whose password another one set chooses their own in the admin app before entering it. */
class PasswordChangeBrowserTest {

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

    @Test
    void the_admin_app_asks_for_an_own_password_before_entering() {
        assertThat(server.post("/api/v1/admin/agents", server.adminToken(), new JsonObject()
                .put("username", "second.admin").put("displayName", "Second Admin")
                .put("password", "given-by-the-first-admin").put("role", "admin").put("siteIds", new JsonArray()))
                .statusCode()).isEqualTo(201);

        browser.get(server.baseUrl() + "/admin/");
        Browser.shown(browser, "#username").sendKeys("second.admin");
        browser.findElement(By.id("password")).sendKeys("given-by-the-first-admin");
        browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();

        Browser.shown(browser, "#password-change-form");
        assertThat(browser.findElement(By.id("login-form")).isDisplayed()).isFalse();
        assertThat(Accessibility.violations(browser)).isEmpty();
        browser.findElement(By.id("new-password")).sendKeys("aaaaaaaaaaaa");
        browser.findElement(By.id("new-password-again")).sendKeys("aaaaaaaaaaaa");
        browser.findElement(By.cssSelector("#password-change-form button[type=submit]")).click();
        Eventually.await("the refusal", () -> browser.findElement(By.id("password-change-error")).getText(),
                text -> text.contains("accepté") || text.contains("accepted"));

        browser.findElement(By.id("new-password")).clear();
        browser.findElement(By.id("new-password-again")).clear();
        browser.findElement(By.id("new-password")).sendKeys("ardoise tournesol velo");
        browser.findElement(By.id("new-password-again")).sendKeys("ardoise tournesol velo");
        browser.findElement(By.cssSelector("#password-change-form button[type=submit]")).click();

        Browser.shown(browser, "#sites tbody tr");
        assertThat(browser.findElements(By.id("password-change-form"))).isEmpty();
        assertThat(server.post("/api/v1/auth/login", null, new JsonObject().put("username", "second.admin")
                .put("password", "ardoise tournesol velo")).bodyAsJsonObject().getBoolean("mustChangePassword"))
                .isFalse();
    }
}
