package org.guichet.server.devices;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.guichet.server.testing.MutableClock;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.ok;

/** The devices list administrators read: where each device is, its token, pairing, last report and health. */
class DevicesListTest {

    private static final String DEVICES = "/api/v1/admin/devices";
    private static final Instant START = Instant.parse("2025-03-04T09:00:00Z");
    private static final MutableClock clock = new MutableClock(START);

    @RegisterExtension
    static final TestServer server = TestServer.perClass().withClock(clock);

    @BeforeAll
    static void devicesReport() {
        ok(server.post("/api/v1/devices/heartbeat", server.deviceToken("kiosk-1"), new JsonObject().put("kind", "kiosk")
                .put("state", "READY").put("printer", new JsonObject().put("canPrint", true)
                        .put("conditions", new JsonArray().add("PAPER_NEAR_END")))));
        ok(server.post("/api/v1/devices/heartbeat", server.deviceToken("screen-1"),
                new JsonObject().put("kind", "screen").put("connected", true)));
        ok(server.post("/api/v1/devices/heartbeat", server.deviceToken("screen-1b"),
                new JsonObject().put("kind", "screen").put("connected", false)));
        server.deviceToken("screen-2");
        assertThat(server.post(DEVICES + "/screen-2/revoke", server.adminToken(), null).statusCode()).isEqualTo(204);
        TestServer.status(server.post(DEVICES + "/kiosk-2/pairing", server.adminToken(), null), 201);
    }

    private static Map<String, JsonObject> list(String query, String token) {
        HttpResponse<Buffer> response = TestServer.status(server.get(DEVICES + query, token), 200);
        return response.bodyAsJsonArray().stream().map(JsonObject.class::cast)
                .collect(Collectors.toMap(d -> d.getString("id"), Function.identity(), (a, b) -> a,
                        java.util.LinkedHashMap::new));
    }

    private static void assertError(HttpResponse<Buffer> response, int status, String code) {
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
        assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo(code);
    }

    @Test
    void each_device_shows_where_it_is_its_token_pairing_last_report_and_health() {
        Map<String, JsonObject> devices = list("", server.adminToken());
        assertThat(devices.keySet()).containsExactly("cscreen-1", "kiosk-1", "screen-1", "screen-1b", "kiosk-2",
                "screen-2");

        JsonObject kiosk = devices.get("kiosk-1");
        assertThat(kiosk.getString("kind")).isEqualTo("kiosk");
        assertThat(kiosk.getString("siteId")).isEqualTo("s1");
        assertThat(kiosk.getString("tokenState")).isEqualTo("active");
        assertThat(kiosk.getBoolean("pairingPending")).isFalse();
        assertThat(Instant.parse(kiosk.getString("lastSeenAt"))).isEqualTo(START);
        assertThat(kiosk.getBoolean("reporting")).isTrue();
        assertThat(kiosk.getString("state")).isEqualTo("READY");
        assertThat(kiosk.getJsonObject("printer").getJsonArray("conditions")).containsExactly("PAPER_NEAR_END");
        assertThat(kiosk.getValue("connected")).isNull();

        JsonObject screen = devices.get("screen-1");
        assertThat(screen.getString("roomId")).isEqualTo("r1");
        assertThat(screen.getString("roomName")).isEqualTo("Salle 1");
        assertThat(screen.getBoolean("connected")).isTrue();
        assertThat(screen.getValue("printer")).isNull();
        assertThat(screen.getValue("state")).isNull();
        assertThat(devices.get("screen-1b").getBoolean("connected")).isFalse();

        JsonObject counterScreen = devices.get("cscreen-1");
        assertThat(counterScreen.getString("counterId")).isEqualTo("c1");
        assertThat(counterScreen.getString("counterName")).isEqualTo("Guichet 1");
        assertThat(counterScreen.getValue("lastSeenAt")).isNull();
        assertThat(counterScreen.getBoolean("reporting")).isFalse();
        assertThat(counterScreen.getValue("connected")).isNull();

        assertThat(devices.get("screen-2").getString("tokenState")).isEqualTo("revoked");
        JsonObject pairing = devices.get("kiosk-2");
        assertThat(pairing.getBoolean("pairingPending")).isTrue();
        assertThat(Instant.parse(pairing.getString("pairingExpiresAt"))).isEqualTo(START.plus(Duration.ofMinutes(10)));
    }

    @Test
    void a_screen_silent_for_more_than_two_minutes_is_not_shown_as_connected_and_a_code_past_its_life_is_not_pending() {
        clock.set(START.plus(Duration.ofMinutes(11)));
        try {
            Map<String, JsonObject> devices = list("", server.adminToken());
            assertThat(devices.get("screen-1").getBoolean("reporting")).isFalse();
            assertThat(devices.get("screen-1").getValue("connected")).isNull();
            assertThat(devices.get("screen-1").getString("lastSeenAt")).isEqualTo(START.toString());
            assertThat(devices.get("kiosk-2").getBoolean("pairingPending")).isFalse();
            assertThat(devices.get("kiosk-2").getValue("pairingExpiresAt")).isNull();
        } finally {
            clock.set(START);
        }
    }

    @Test
    void filtered_by_site_and_kind() {
        assertThat(list("?siteId=s1&kind=screen", server.adminToken()).keySet())
                .containsExactly("screen-1", "screen-1b");
        assertThat(list("?kind=kiosk", server.adminToken()).keySet()).containsExactly("kiosk-1", "kiosk-2");
        assertThat(list("?siteId=s2", server.adminToken()).keySet()).containsExactly("kiosk-2", "screen-2");
        assertError(server.get(DEVICES + "?kind=printer", server.adminToken()), 400, "bad_request");
        assertError(server.get(DEVICES + "?siteId=nowhere", server.adminToken()), 404, "not_found");
    }

    @Test
    void a_site_administrator_or_supervisor_sees_only_their_sites_devices() {
        String siteAdmin = server.agent("list.admin.s2", "admin", "s2");
        assertThat(list("", siteAdmin).keySet()).containsExactly("kiosk-2", "screen-2");
        assertThat(list("?kind=screen", siteAdmin).keySet()).containsExactly("screen-2");
        assertError(server.get(DEVICES + "?siteId=s1", siteAdmin), 403, "forbidden");
        String supervisor = server.agent("list.supervisor.s1", "supervisor", "s1");
        assertThat(list("", supervisor).keySet()).containsExactly("cscreen-1", "kiosk-1", "screen-1", "screen-1b");
        String agent = server.agent("list.agent.s1", "agent", "s1");
        assertError(server.get(DEVICES, agent), 403, "forbidden");
        assertError(server.get(DEVICES, server.deviceToken("cscreen-1")), 403, "forbidden");
    }
}
