package org.guichet.server.devices;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.guichet.server.domain.PairingCodes;
import org.guichet.server.testing.MutableClock;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.ok;

/**
 * Pairing a device with a short code instead of a token, over the real API and database: the code works once, for
 * ten minutes, is burnt by wrong guesses, guessing is throttled, the old token stops at once, and neither the code
 * nor the token reaches the audit log.
 */
class DevicePairingTest {

    private static final String PAIR = "/api/v1/devices/pair";
    private static final MutableClock clock = new MutableClock(Instant.parse("2025-03-04T09:00:00Z"));

    @RegisterExtension
    static final TestServer server = TestServer.perClass().withClock(clock);

    private static JsonObject startPairing(String deviceId) {
        return TestServer.status(server.post("/api/v1/admin/devices/" + deviceId + "/pairing", server.adminToken(),
                null), 201).bodyAsJsonObject();
    }

    private static HttpResponse<Buffer> redeem(String code) {
        return server.post(PAIR, null, new JsonObject().put("code", code));
    }

    private static void assertError(HttpResponse<Buffer> response, int status, String code) {
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
        assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo(code);
        assertThat(response.bodyAsJsonObject().getString("message")).isNotBlank();
    }

    /** A code with the same selector as {@code code} (so the guess is counted against it) but not {@code code}. */
    private static String wrongGuessAt(String code, int n) {
        String tail = String.valueOf(PairingCodes.ALPHABET.charAt(n)).repeat(PairingCodes.LENGTH
                - PairingCodes.SELECTOR_LENGTH);
        String guess = PairingCodes.selector(code) + tail;
        return guess.equals(code) ? PairingCodes.selector(code) + String.valueOf(PairingCodes.ALPHABET.charAt(n + 1))
                .repeat(PairingCodes.LENGTH - PairingCodes.SELECTOR_LENGTH) : guess;
    }

    private static JsonObject device(String deviceId) {
        JsonArray devices = TestServer.status(server.get("/api/v1/admin/devices", server.adminToken()), 200)
                .bodyAsJsonArray();
        return devices.stream().map(JsonObject.class::cast).filter(d -> d.getString("id").equals(deviceId))
                .findFirst().orElseThrow();
    }

    @Test
    void a_screen_pairs_once_with_its_code_and_its_previous_token_stops_working_at_once() {
        String previous = server.deviceToken("screen-1b");
        assertThat(server.get("/api/v1/auth/me", previous).statusCode()).isEqualTo(200);

        JsonObject pairing = startPairing("screen-1b");
        String code = pairing.getString("code");
        assertThat(code).hasSize(8).matches("[" + PairingCodes.ALPHABET + "]{8}");
        assertThat(pairing.getString("displayCode")).isEqualTo(code.substring(0, 4) + "-" + code.substring(4));
        assertThat(pairing.getString("path")).isEqualTo("/display/pair?code=" + code);
        assertThat(pairing.getString("url")).isEqualTo(server.baseUrl() + "/display/pair?code=" + code);
        assertThat(Instant.parse(pairing.getString("expiresAt"))).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
        assertThat(device("screen-1b").getBoolean("pairingPending")).isTrue();
        // Until the code is redeemed, the screen keeps working.
        assertThat(server.get("/api/v1/auth/me", previous).statusCode()).isEqualTo(200);

        // Typed as shown, in lower case: still the code.
        JsonObject paired = ok(redeem(pairing.getString("displayCode").toLowerCase()));
        String token = paired.getString("token");
        assertThat(token).startsWith("gd_");
        assertThat(paired.getString("deviceId")).isEqualTo("screen-1b");
        assertThat(paired.getString("kind")).isEqualTo("screen");
        assertThat(paired.getString("roomId")).isEqualTo("r1b");
        assertThat(paired.getString("page")).isEqualTo("/display/");

        assertThat(server.get("/api/v1/auth/me", previous).statusCode()).isEqualTo(401);
        assertThat(ok(server.get("/api/v1/auth/me", token)).getString("deviceId")).isEqualTo("screen-1b");
        assertError(redeem(code), 409, "pairing_code_used");
        JsonObject listed = device("screen-1b");
        assertThat(listed.getBoolean("pairingPending")).isFalse();
        assertThat(listed.getString("tokenState")).isEqualTo("active");
    }

    @Test
    void a_code_lasts_ten_minutes_and_asking_again_replaces_it() {
        JsonObject first = startPairing("cscreen-1");
        JsonObject second = startPairing("cscreen-1");
        assertError(redeem(first.getString("code")), 404, "pairing_code_unknown");

        clock.advance(Duration.ofMinutes(9).plusSeconds(59));
        JsonObject paired = ok(redeem(second.getString("code")));
        assertThat(paired.getString("page")).isEqualTo("/display/counter.html");
        assertThat(paired.getString("counterId")).isEqualTo("c1");

        JsonObject late = startPairing("screen-2");
        clock.advance(Duration.ofMinutes(10));
        assertError(redeem(late.getString("code")), 409, "pairing_code_expired");
        assertThat(device("screen-2").getBoolean("pairingPending")).isFalse();
    }

    @Test
    void five_wrong_guesses_burn_a_code_and_four_do_not() {
        JsonObject survives = startPairing("kiosk-2");
        for (int n = 0; n < 4; n++) {
            assertError(redeem(wrongGuessAt(survives.getString("code"), n)), 404, "pairing_code_unknown");
        }
        JsonObject paired = ok(redeem(survives.getString("code")));
        assertThat(paired.getString("kind")).isEqualTo("kiosk");
        assertThat(paired.getValue("page")).isNull();

        JsonObject burnt = startPairing("kiosk-1");
        assertThat(burnt.getValue("url")).isNull();
        assertThat(burnt.getString("command")).contains("127.0.0.1:8081/api/pair").contains(burnt.getString("code"));
        for (int n = 0; n < 5; n++) {
            assertError(redeem(wrongGuessAt(burnt.getString("code"), n)), 404, "pairing_code_unknown");
        }
        assertThat(device("kiosk-1").getBoolean("pairingPending")).isFalse();
        assertError(redeem(burnt.getString("code")), 409, "pairing_code_blocked");
        clock.advance(PairingThrottleWindow.PAST);
    }

    @Test
    void after_twenty_wrong_codes_in_a_minute_every_redemption_waits() {
        clock.advance(PairingThrottleWindow.PAST);
        JsonObject pairing = startPairing("screen-1");
        List<Future<HttpResponse<Buffer>>> guesses = new ArrayList<>();
        for (int n = 0; n < 20; n++) {
            // Codes that match no pending code at all (their selector is taken by none): sent together.
            String guess = "ZZ" + PairingCodes.ALPHABET.charAt(n) + "ZZZZZ";
            if (!PairingCodes.selector(guess).equals(PairingCodes.selector(pairing.getString("code")))) {
                guesses.add(server.request(HttpMethod.POST, PAIR, null, new JsonObject().put("code", guess)));
            }
        }
        while (guesses.size() < 20) {
            guesses.add(server.request(HttpMethod.POST, PAIR, null, new JsonObject().put("code", "YYYYYYY9")));
        }
        guesses.forEach(guess -> assertError(TestServer.await(guess), 404, "pairing_code_unknown"));

        assertError(redeem(pairing.getString("code")), 429, "pairing_throttled");
        clock.advance(PairingThrottleWindow.PAST);
        assertThat(ok(redeem(pairing.getString("code"))).getString("deviceId")).isEqualTo("screen-1");
    }

    @Test
    void a_screens_page_given_a_kiosks_code_leaves_it_for_the_kiosk() {
        JsonObject pairing = startPairing("kiosk-1");
        JsonObject fromScreenPage = new JsonObject().put("code", pairing.getString("code"))
                .put("kinds", new JsonArray().add("screen").add("counter_screen"));
        assertError(server.post(PAIR, null, fromScreenPage), 409, "pairing_code_other_kind");
        assertThat(device("kiosk-1").getBoolean("pairingPending")).isTrue();
        assertError(server.post(PAIR, null, fromScreenPage.copy().put("kinds", new JsonArray().add("printer"))), 400,
                "bad_request");
        JsonObject fromKiosk = fromScreenPage.copy().put("kinds", new JsonArray().add("kiosk"));
        assertThat(ok(server.post(PAIR, null, fromKiosk)).getString("deviceId")).isEqualTo("kiosk-1");
    }

    @Test
    void pairing_is_audited_without_the_code_or_the_token() {
        JsonObject pairing = startPairing("screen-1b");
        String token = ok(redeem(pairing.getString("code"))).getString("token");

        JsonArray entries = ok(server.get("/api/v1/admin/audit?entity=device:screen-1b", server.adminToken()))
                .getJsonArray("entries");
        JsonObject paired = entries.getJsonObject(0);
        assertThat(paired.getString("action")).isEqualTo("device.pair");
        assertThat(paired.getJsonObject("actor").getString("username")).isEqualTo("device:screen-1b");
        assertThat(paired.getJsonObject("actor").getString("address")).isEqualTo("127.0.0.1");
        assertThat(paired.getJsonObject("after").getBoolean("paired")).isTrue();
        JsonObject started = entries.getJsonObject(1);
        assertThat(started.getString("action")).isEqualTo("device.pairing_start");
        assertThat(started.getJsonObject("actor").getString("username")).isEqualTo("admin");
        assertThat(started.getJsonObject("after").getString("pairingExpiresAt"))
                .isEqualTo(pairing.getString("expiresAt"));
        String everything = ok(server.get("/api/v1/admin/audit?limit=500", server.adminToken())).encode();
        assertThat(everything).doesNotContain(pairing.getString("code")).doesNotContain(pairing.getString("displayCode"))
                .doesNotContain(token).doesNotContain(token.substring(3));
        // Stored as its selector and the SHA-256 of the whole code, nothing else.
        assertThat(server.sql("SELECT selector, code_hash = sha256(convert_to($1, 'UTF8')) AS hashed FROM device_pairing"
                + " WHERE device_id = 'screen-1b'", pairing.getString("code")))
                .singleElement().satisfies(row -> {
                    assertThat(row.getString("selector")).isEqualTo(pairing.getString("code").substring(0, 3));
                    assertThat(row.getBoolean("hashed")).isTrue();
                });
    }

    @Test
    void bad_requests_get_a_plain_answer_and_only_administrators_of_the_site_give_codes() {
        assertError(server.post(PAIR, null, new JsonObject()), 400, "bad_request");
        assertError(redeem("ABC"), 400, "bad_request");
        assertError(redeem("ABCDEFG0"), 400, "bad_request");
        assertError(server.post(PAIR, null, "{not json"), 400, "bad_request");
        assertError(server.post(PAIR, null, new JsonObject().put("code", 12345678)), 400, "bad_request");
        assertError(server.post("/api/v1/admin/devices/nope/pairing", server.adminToken(), null), 404, "not_found");
        String siteAdminS2 = server.agent("pairing.admin.s2", "admin", "s2");
        assertError(server.post("/api/v1/admin/devices/kiosk-1/pairing", siteAdminS2, null), 403, "forbidden");
        assertThat(server.post("/api/v1/admin/devices/kiosk-2/pairing", siteAdminS2, null).statusCode())
                .isEqualTo(201);
        String supervisor = server.agent("pairing.supervisor", "supervisor", "s1");
        assertError(server.post("/api/v1/admin/devices/kiosk-1/pairing", supervisor, null), 403, "forbidden");
        assertError(server.post("/api/v1/admin/devices/kiosk-1/pairing", null, null), 401, "unauthorized");
    }

    /** Past the throttle's window, so that earlier wrong codes no longer count. */
    private static final class PairingThrottleWindow {
        static final Duration PAST = Duration.ofMinutes(1).plusSeconds(1);
    }
}
