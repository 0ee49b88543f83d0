package org.guichet.server.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every answer tells the browser about itself (findings of issue 16): a Content-Security-Policy with no inline
 * script or style and no framing, nosniff, a Referrer-Policy, HSTS only over TLS; pages revalidated on every load so
 * that a release reaches the tablets at once, with a cheap 304; only versioned assets (WebJars) cached for ever.
 */
class SecurityHeadersTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    /** Every page of every web app the server serves, and the API. */
    private static final List<String> PAGES = List.of("/", "/counter/", "/supervisor/", "/admin/", "/display/",
            "/display/counter.html", "/display/pair", "/ticket/some-token", "/accessibilite", "/docs/",
            "/no/such/page");

    private static HttpResponse<Buffer> get(String path, Map<String, String> headers) {
        return server.send(HttpMethod.GET, path, null, headers, null);
    }

    @Test
    void the_policy_lets_a_screen_reach_the_other_nodes_and_their_event_bus_and_nothing_else() {
        String policy = SecurityHeaders.policy(List.of("http://guichet-b:8080", "https://guichet-c"), "'none'");
        assertThat(policy).contains("connect-src 'self' http://guichet-b:8080 ws://guichet-b:8080 https://guichet-c "
                                    + "wss://guichet-c;");
        assertThat(SecurityHeaders.policy(List.of(), "'none'")).contains("connect-src 'self';");
    }

    @Test
    void every_page_and_api_answer_carries_a_strict_policy_nosniff_and_a_referrer_policy() {
        for (String path : concat(PAGES, List.of("/api/v1/rules", "/health", "/counter/app.js",
                "/webjars/sockjs-client/1.6.1/dist/sockjs.min.js"))) {
            HttpResponse<Buffer> response = get(path, Map.of("Accept", "text/html"));
            String policy = response.getHeader("Content-Security-Policy");
            assertThat(policy).as("CSP of " + path).isNotNull();
            assertThat(directives(policy)).as(path)
                    .containsEntry("default-src", "'self'")
                    .containsEntry("script-src", "'self'")
                    .containsEntry("style-src", "'self'")
                    .containsEntry("object-src", "'none'")
                    .containsEntry("base-uri", "'none'")
                    .containsEntry("frame-ancestors", "'none'");
            assertThat(policy).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
            assertThat(response.getHeader("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(response.getHeader("Referrer-Policy")).as(path).isEqualTo("same-origin");
            assertThat(response.getHeader("X-Frame-Options")).as(path).isEqualTo("DENY");
            assertThat(response.getHeader("Strict-Transport-Security")).as("no TLS here: " + path).isNull();
        }
    }

    @Test
    void pages_and_unversioned_scripts_are_revalidated_and_a_revalidation_is_a_304() {
        for (String path : concat(PAGES.subList(0, PAGES.size() - 1), List.of("/counter/app.js",
                "/shared/eventbus.js", "/shared/staff.css", "/display/display.css"))) {
            HttpResponse<Buffer> first = get(path, Map.of());
            assertThat(first.statusCode()).as(path).isEqualTo(200);
            assertThat(first.getHeader("Cache-Control")).as(path).isEqualTo("no-cache");
            String lastModified = first.getHeader("Last-Modified");
            assertThat(lastModified).as("a validator for " + path).isNotNull();
            HttpResponse<Buffer> again = get(path, Map.of("If-Modified-Since", lastModified));
            assertThat(again.statusCode()).as("revalidating " + path).isEqualTo(304);
            assertThat(again.body()).as(path).isNull();
        }
    }

    @Test
    void versioned_webjars_are_immutable() {
        HttpResponse<Buffer> response = get("/webjars/sockjs-client/1.6.1/dist/sockjs.min.js", Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.getHeader("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
    }

    /** Issue 16: /health showed the database's host and port to anyone; now a status is all an anonymous caller gets. */
    @Test
    void health_tells_the_anonymous_nothing_but_a_status() {
        for (String path : List.of("/health", "/health/live", "/health/ready")) {
            HttpResponse<Buffer> response = get(path, Map.of());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.bodyAsJsonObject()).as(path)
                    .isEqualTo(new io.vertx.core.json.JsonObject().put("status", "UP"));
            assertThat(response.getHeader("Cache-Control")).as(path).isEqualTo("no-store");
        }
    }

    private static Map<String, String> directives(String policy) {
        Map<String, String> directives = new java.util.LinkedHashMap<>();
        for (String directive : policy.split(";")) {
            String[] words = directive.trim().split("\\s+", 2);
            directives.put(words[0], words.length > 1 ? words[1] : "");
        }
        return directives;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
