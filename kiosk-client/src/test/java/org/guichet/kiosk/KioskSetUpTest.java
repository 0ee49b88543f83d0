package org.guichet.kiosk;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.guichet.kiosk.testing.KioskExtension;
import org.guichet.server.testing.Eventually;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.ok;

/**
 * A kiosk set up and changed without anyone copying a token or restarting it, against a real server: paired with a
 * code through its local API, and following a menu change within one server check.
 */
class KioskSetUpTest {

    @RegisterExtension
    final KioskExtension kiosk = new KioskExtension();

    @TempDir
    Path etc;

    private HttpResponse<Buffer> pairLocally(Object body) {
        WebClient client = WebClient.create(kiosk.server().vertx());
        try {
            URI ui = URI.create(kiosk.url());
            var request = client.post(ui.getPort(), "127.0.0.1", "/api/pair");
            return TestServer.await(body instanceof String raw
                    ? request.putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(raw))
                    : request.sendJsonObject((JsonObject) body));
        } finally {
            client.close();
        }
    }

    private JsonObject pairingCode() {
        return TestServer.status(kiosk.server().post("/api/v1/admin/devices/" + KioskExtension.KIOSK_ID + "/pairing",
                kiosk.server().adminToken(), null), 201).bodyAsJsonObject();
    }

    @Test
    void a_kiosk_without_a_token_is_paired_with_a_code_writes_its_token_file_and_gets_ready() throws IOException {
        Path tokenFile = etc.resolve("kiosk.token");
        JsonObject config = kiosk.config();
        config.getJsonObject("server").remove("deviceToken");
        config.getJsonObject("server").put("deviceTokenFile", tokenFile.toString());
        kiosk.start(config);
        kiosk.awaitState("not registered", state -> "NOT_REGISTERED".equals(state.getString("connection")));

        HttpResponse<Buffer> wrong = pairLocally(new JsonObject().put("code", "ZZZZ-ZZZZ"));
        assertThat(wrong.statusCode()).isEqualTo(404);
        assertThat(wrong.bodyAsJsonObject().getString("error")).isEqualTo("pairing_code_unknown");
        assertThat(wrong.bodyAsJsonObject().getString("message")).contains("not known");
        assertThat(pairLocally("{}").statusCode()).isEqualTo(400);
        assertThat(pairLocally("not json").statusCode()).isEqualTo(400);
        assertThat(Files.exists(tokenFile)).isFalse();

        JsonObject code = pairingCode();
        HttpResponse<Buffer> paired = pairLocally(new JsonObject().put("code", code.getString("displayCode")));
        assertThat(paired.statusCode()).as(paired.bodyAsString()).isEqualTo(200);
        assertThat(paired.bodyAsJsonObject().getString("deviceId")).isEqualTo(KioskExtension.KIOSK_ID);
        assertThat(paired.bodyAsString()).doesNotContain("gd_");

        String token = Files.readString(tokenFile).trim();
        assertThat(token).startsWith("gd_");
        assertThat(ok(kiosk.server().get("/api/v1/auth/me", token)).getString("deviceId"))
                .isEqualTo(KioskExtension.KIOSK_ID);
        kiosk.awaitReady();
        assertThat(ok(kiosk.take("svc-a")).getString("number")).isEqualTo("A001");

        HttpResponse<Buffer> again = pairLocally(new JsonObject().put("code", code.getString("code")));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.bodyAsJsonObject().getString("error")).isEqualTo("pairing_code_used");
        assertThat(Files.readString(tokenFile).trim()).isEqualTo(token);
    }

    @Test
    void a_kiosk_without_a_token_file_says_so_and_leaves_the_code_unspent() {
        kiosk.start(kiosk.config());
        kiosk.awaitReady();
        JsonObject code = pairingCode();
        HttpResponse<Buffer> refused = pairLocally(new JsonObject().put("code", code.getString("code")));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("pairing_unavailable");
        assertThat(refused.bodyAsJsonObject().getString("message")).contains("server.deviceTokenFile");
        JsonArray devices = TestServer.status(kiosk.server().get("/api/v1/admin/devices?kind=kiosk&siteId=s1",
                kiosk.server().adminToken()), 200).bodyAsJsonArray();
        assertThat(devices.getJsonObject(0).getBoolean("pairingPending")).isTrue();
    }

    @Test
    void a_menu_change_reaches_a_running_kiosk_within_one_server_check_without_restart() {
        JsonObject config = kiosk.config();
        // The periodic menu read stays at its 5 minutes: only the check every healthCheckEvery can bring the change.
        config.getJsonObject("server").put("healthCheckEvery", "1s").put("menuRefreshEvery", "5m");
        kiosk.start(config);
        kiosk.awaitReady();
        assertThat(kiosk.state().encode()).contains("Service A").doesNotContain("Service Alpha");

        JsonObject deployment = TestServer.deployment();
        deployment.getJsonArray("sites").getJsonObject(0).getJsonArray("services").getJsonObject(0)
                .put("name", "Service Alpha");
        long changedAt = System.nanoTime();
        ok(kiosk.server().put("/api/v1/admin/deployment", kiosk.server().adminToken(), deployment));

        kiosk.awaitState("the renamed service", state -> state.encode().contains("Service Alpha"));
        long millis = (System.nanoTime() - changedAt) / 1_000_000;
        System.out.println("menu change to kiosk: " + millis + " ms (server checked every 1 s)");
        Eventually.untilPasses("the renamed service is issued under its new name", Duration.ofSeconds(10),
                () -> assertThat(ok(kiosk.take("svc-a")).getString("serviceName")).isEqualTo("Service Alpha"));
    }
}
