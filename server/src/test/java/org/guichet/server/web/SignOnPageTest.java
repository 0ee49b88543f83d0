package org.guichet.server.web;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import okhttp3.mockwebserver.RecordedRequest;
import org.guichet.server.config.LoopbackPorts;
import org.guichet.server.domain.SsoSettings;
import org.guichet.server.testing.Eventually;
import org.guichet.server.testing.TestDatabase;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The log-in pages' sign-on button in real headless Chromium, through a real provider (mock-oauth2-server, which
 * signs on at once): an administrator lands in the administration app with no code left in the address, an agent the
 * claims give nothing to reads that an administrator must give access, and logging out goes on to the provider.
 */
class SignOnPageTest {

    private static final String CLIENT_ID = "guichet-pages";
    private static final String ISSUER_ID = "annuaire";
    private static MockOAuth2Server provider;
    private static Vertx vertx;
    private static TestServer server;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() {
        provider = new MockOAuth2Server();
        provider.start();
        // The provider sends the browser back to this address, so the server's port is chosen first.
        int port = LoopbackPorts.free();
        SsoSettings sso = SsoSettings.fromConfig(new JsonObject()
                .put("issuer", provider.issuerUrl(ISSUER_ID).toString()).put("clientId", CLIENT_ID)
                .put("redirectBaseUrl", "http://localhost:" + port)
                .put("label", new JsonObject().put("fr", "Se connecter avec l'annuaire")
                        .put("en", "Log in with the directory"))
                .put("roles", new JsonObject().put("claim", "groups")
                        .put("values", new JsonObject().put("guichet-admins", "admin")))
                .put("sites", new JsonObject().put("claim", "groups")
                        .put("values", new JsonObject().put("guichet-admins", "*"))), "client-secret-for-tests");
        vertx = Vertx.vertx();
        server = TestServer.start(vertx, TestServer.options(TestDatabase.freshDatabase(), port).withSso(sso));
        browser = Browser.open(1280, 900);
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) {
                browser.quit();
            }
            if (server != null) {
                server.close();
            }
            TestServer.await(vertx.close());
        } finally {
            provider.shutdown();
        }
    }

    @Test
    void anAdministratorSignsOnFromTheButtonAndLogsOutAtTheProviderToo() {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, "admin-42", "JWT", List.of(CLIENT_ID),
                Map.of("groups", List.of("guichet-admins"), "email", "cheffe@example.fr", "name", "Cheffe Réseau"),
                3600));
        browser.get(server.baseUrl() + "/admin/");
        WebElement button = Browser.shown(browser, "#sso-start");
        assertThat(button.getText()).isEqualTo("Se connecter avec l'annuaire");
        assertThat(Browser.shown(browser, "#login-form").isDisplayed()).isTrue();
        assertThat(Accessibility.violations(browser)).isEmpty();

        button.click();
        Eventually.await("#who naming the administrator", () -> Browser.shown(browser, "#who").getText(),
                who -> who.contains("Cheffe Réseau"));
        assertThat(browser.getCurrentUrl()).doesNotContain("sso=").startsWith(server.baseUrl() + "/admin/");
        assertThat(String.valueOf(browser.executeScript("return history.length + ' ' + location.hash")))
                .doesNotContain("sso");

        Browser.shown(browser, "#logout").click();
        RecordedRequest endSession = requestTo("/" + ISSUER_ID + "/endsession");
        assertThat(endSession.getRequestUrl().queryParameter("id_token_hint")).isNotBlank();
        assertThat(endSession.getRequestUrl().queryParameter("state")).hasSizeGreaterThanOrEqualTo(32);
        assertThat(server.sql("SELECT count(*) FROM agent_session s JOIN agent a ON a.id = s.agent_id "
                              + "WHERE a.username = 'cheffe@example.fr'").get(0).getLong(0)).isZero();
    }

    @Test
    void anAgentWithoutAccessReadsThatAnAdministratorMustGiveIt() {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, "agent-7", "JWT", List.of(CLIENT_ID),
                Map.of("groups", List.of("autre"), "email", "agent7@example.fr"), 3600));
        browser.get(server.baseUrl() + "/counter/");
        Browser.shown(browser, "#sso-start").click();
        WebElement message = Browser.shown(browser, "#sso-message");
        Eventually.await("the pending message", message::getText, text -> text.contains("administrateur"));
        assertThat(browser.getCurrentUrl()).doesNotContain("sso-pending");
        assertThat(Accessibility.violations(browser)).isEmpty();

        // The administrator finds the account among the agents, marked as waiting for access.
        browser.get(server.baseUrl() + "/admin/");
        Browser.shown(browser, "#username").sendKeys("admin");
        browser.findElement(org.openqa.selenium.By.id("password")).sendKeys(TestServer.ADMIN_PASSWORD);
        browser.findElement(org.openqa.selenium.By.cssSelector("#login-form button[type=submit]")).click();
        Browser.shown(browser, "#who");
        browser.get(server.baseUrl() + "/admin/#agents");
        Eventually.await("the pending account's status", () -> Browser.shown(browser,
                "#agents tr[data-agent='agent7@example.fr'] .badge").getText(), text -> text.equals("Accès à donner"));
        assertThat(Accessibility.violations(browser)).isEmpty();
        browser.executeScript("sessionStorage.clear(); localStorage.clear();");
    }

    /** The provider's record of a request to this path (earlier requests are passed over). */
    private static RecordedRequest requestTo(String path) {
        while (true) {
            RecordedRequest request = provider.takeRequest(30, TimeUnit.SECONDS);
            assertThat(request).as("a request to " + path + " at the provider").isNotNull();
            if (request.getPath() != null && request.getPath().startsWith(path)) {
                return request;
            }
        }
    }
}
