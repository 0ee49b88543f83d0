package org.guichet.server.devices;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.guichet.server.testing.MutableClock;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.ok;

/**
 * The kiosk menu's ETag: the same while nothing a kiosk shows changes (304, no body), new when the deployment or the
 * site's opening status changes.
 */
class MenuVersionTest {

    private static final String MENU = "/api/v1/sites/s1/menu";
    /** A Tuesday, 11:58 in Paris: the site (open 08:30-12:00 in this test) issues for two more minutes. */
    private static final MutableClock clock = new MutableClock(Instant.parse("2025-03-04T10:58:00Z"));

    @RegisterExtension
    static final TestServer server = TestServer.perClass().withClock(clock);
    private static String kiosk;

    @BeforeAll
    static void openInTheMorning() {
        ok(server.put("/api/v1/admin/deployment", server.adminToken(), deployment("Service A")));
        kiosk = server.deviceToken("kiosk-1");
    }

    private static JsonObject deployment(String serviceAName) {
        JsonObject deployment = TestServer.deployment();
        JsonObject s1 = deployment.getJsonArray("sites").getJsonObject(0);
        s1.put("openingHours", new JsonObject().put("mon", "08:30-12:00").put("tue", "08:30-12:00")
                .put("wed", "08:30-12:00").put("thu", "08:30-12:00").put("fri", "08:30-12:00"));
        s1.getJsonArray("services").getJsonObject(0).put("name", serviceAName);
        return deployment;
    }

    private static HttpResponse<Buffer> menu(String ifNoneMatch) {
        WebClient client = WebClient.create(server.vertx());
        try {
            HttpRequest<Buffer> request = client.getAbs(server.baseUrl() + MENU).bearerTokenAuthentication(kiosk);
            if (ifNoneMatch != null) {
                request.putHeader("If-None-Match", ifNoneMatch);
            }
            return TestServer.await(request.send());
        } finally {
            client.close();
        }
    }

    @Test
    void an_unchanged_menu_answers_304_and_a_change_of_the_deployment_or_of_the_opening_a_new_tag() {
        HttpResponse<Buffer> first = menu(null);
        assertThat(first.statusCode()).isEqualTo(200);
        String tag = first.getHeader("ETag");
        assertThat(tag).startsWith("\"m-");
        assertThat(first.getHeader("Cache-Control")).isEqualTo("no-cache");

        clock.advance(Duration.ofSeconds(30));  // the seconds to closing count down: nothing a kiosk shows changes
        HttpResponse<Buffer> same = menu(tag);
        assertThat(same.statusCode()).isEqualTo(304);
        assertThat(same.body() == null || same.body().length() == 0).isTrue();
        assertThat(same.getHeader("ETag")).isEqualTo(tag);
        assertThat(menu("\"m-something-else\"").statusCode()).isEqualTo(200);

        ok(server.put("/api/v1/admin/deployment", server.adminToken(), deployment("Service A renommé")));
        HttpResponse<Buffer> renamed = menu(tag);
        assertThat(renamed.statusCode()).isEqualTo(200);
        assertThat(renamed.bodyAsString()).contains("Service A renommé");
        String renamedTag = renamed.getHeader("ETag");
        assertThat(renamedTag).isNotEqualTo(tag);
        assertThat(menu(renamedTag).statusCode()).isEqualTo(304);

        clock.advance(Duration.ofMinutes(2));   // 12:00:30: closed for lunch... and for the day
        HttpResponse<Buffer> closed = menu(renamedTag);
        assertThat(closed.statusCode()).isEqualTo(200);
        assertThat(closed.bodyAsJsonObject().getJsonObject("opening").getBoolean("issuing")).isFalse();
        assertThat(closed.getHeader("ETag")).isNotEqualTo(renamedTag);
    }
}
