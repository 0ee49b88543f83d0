package org.guichet.server.web.display;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.server.config.LoopbackPorts;
import org.guichet.server.testing.TestServer;
import org.guichet.server.web.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.chrome.ChromeDriver;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.ok;

/**
 * The rules of display-client's failover.js in real headless Chromium (which node a screen tries next, the address it
 * opens there, what counts as a node answering) and the route that lists the nodes, with none configured.
 * {@link ScreenFailoverTest} shows the whole move between two real nodes.
 */
class FailoverRulesBrowserTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();
    private static ChromeDriver browser;

    @BeforeAll
    static void openBrowser() {
        browser = Browser.open(800, 600);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        // These rules probe other origins, which the server's Content-Security-Policy allows only for the nodes it
        // lists in http.publicUrls (SecurityHeadersTest); this test server lists none, so its policy is set aside here.
        browser.executeCdpCommand("Page.setBypassCSP", java.util.Map.of("enabled", true));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Runs an async function body with failover.js imported as {@code failover}; its value comes back as JSON. */
    private static JsonObject run(String body, Object... args) {
        browser.get(server.baseUrl() + "/health");
        Object answer = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const args = arguments;
                (async () => {
                    const failover = await import('/display/failover.js');
                """ + body + """
                })().then(value => done(JSON.stringify(value)), error => done(JSON.stringify(
                    {failed: String(error && error.stack || error)})));
                """, args);
        JsonObject result = new JsonObject((String) answer);
        assertThat(result.getString("failed")).as("script failure").isNull();
        return result;
    }

    @Test
    void the_next_nodes_are_tried_in_the_listed_order_from_the_one_after_this_node() {
        JsonObject result = run("""
                const nodes = ['http://a:8080', 'http://b:8080', 'http://c:8080'];
                return {
                    fromA: failover.otherNodes(nodes, 'http://a:8080'),
                    fromB: failover.otherNodes(nodes, 'http://b:8080'),
                    fromC: failover.otherNodes(nodes, 'http://c:8080'),
                    unlisted: failover.otherNodes(nodes, 'http://lb.example'),
                    none: failover.otherNodes([], 'http://a:8080'),
                    alone: failover.otherNodes(['http://a:8080'], 'http://a:8080'),
                };""");

        assertThat(result.getJsonArray("fromA").getList()).containsExactly("http://b:8080", "http://c:8080");
        assertThat(result.getJsonArray("fromB").getList()).containsExactly("http://c:8080", "http://a:8080");
        assertThat(result.getJsonArray("fromC").getList()).containsExactly("http://a:8080", "http://b:8080");
        assertThat(result.getJsonArray("unlisted").getList())
                .containsExactly("http://a:8080", "http://b:8080", "http://c:8080");
        assertThat(result.getJsonArray("none").getList()).isEmpty();
        assertThat(result.getJsonArray("alone").getList()).isEmpty();
    }

    @Test
    void the_page_on_the_next_node_gets_every_setting_in_its_fragment_and_none_in_its_query() {
        JsonObject result = run("""
                const address = failover.pageOn('http://b:8080', '/display/', {
                    token: 'gd_abc+/=', lang: 'oc', message: 'Fermé à 16 h & demain', deaf: '', hold: '' });
                const url = new URL(address);
                const handed = new URLSearchParams(url.hash.slice(1));
                return { origin: url.origin, path: url.pathname, query: url.search,
                         handed: Object.fromEntries(handed.entries()) };""");

        assertThat(result.getString("origin")).isEqualTo("http://b:8080");
        assertThat(result.getString("path")).isEqualTo("/display/");
        assertThat(result.getString("query")).as("nothing a server would log").isEmpty();
        assertThat(result.getJsonObject("handed")).isEqualTo(new JsonObject().put("token", "gd_abc+/=")
                .put("lang", "oc").put("message", "Fermé à 16 h & demain").put("deaf", "").put("hold", ""));
    }

    @Test
    void a_node_answers_when_anything_answers_http_there_and_not_when_nothing_listens() {
        int closedPort = LoopbackPorts.free();

        JsonObject result = run("""
                return { up: await failover.answers(args[0]), down: await failover.answers(args[1]) };""",
                "http://127.0.0.1:" + server.port(), "http://127.0.0.1:" + closedPort);

        assertThat(result.getBoolean("up")).isTrue();
        assertThat(result.getBoolean("down")).isFalse();
    }

    @Test
    void without_public_urls_the_nodes_route_lists_none_and_it_needs_a_token() {
        JsonObject nodes = ok(server.get("/api/v1/nodes", server.deviceToken("screen-1")));

        assertThat(nodes).isEqualTo(new JsonObject().put("publicUrls", new JsonArray(List.of())));
        assertThat(server.get("/api/v1/nodes", null).statusCode()).isEqualTo(401);
    }
}
