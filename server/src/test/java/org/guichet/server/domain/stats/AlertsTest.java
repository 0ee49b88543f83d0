package org.guichet.server.domain.stats;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.server.domain.Catalog;
import org.guichet.server.domain.WaitingQueue;
import org.guichet.server.testing.TestCatalog;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AlertsTest {

    private static final Catalog CATALOG = TestCatalog.twoSites();
    private static final Instant NOW = Instant.parse("2026-03-10T10:00:00Z");

    @Test
    void a_service_is_over_target_once_its_oldest_ticket_waited_longer() {
        // svc-a's target is 20 min, svc-b's 10 min
        List<WaitingQueue> waiting = List.of(
                new WaitingQueue("s1", "svc-a", 3, NOW.minusSeconds(20 * 60)),
                new WaitingQueue("s1", "svc-b", 1, NOW.minusSeconds(10 * 60 + 1)));
        Map<String, List<Alerts.Alert>> alerts = Alerts.evaluate(CATALOG, waiting, List.of(), NOW);
        assertThat(alerts).containsOnlyKeys("s1", "s2");
        assertThat(alerts.get("s2")).isEmpty();
        assertThat(alerts.get("s1")).extracting(Alerts.Alert::key).containsExactly("wait:svc-b");
        JsonObject details = alerts.get("s1").get(0).toJson();
        assertThat(details.getLong("longestWaitSeconds")).isEqualTo(601);
        assertThat(details.getInteger("targetWaitMinutes")).isEqualTo(10);
        assertThat(details.getLong("waiting")).isEqualTo(1);
    }

    @Test
    void silent_devices_and_kiosks_that_cannot_print() {
        List<Alerts.Device> devices = List.of(
                new Alerts.Device("screen-ok", "s1", "screen", "Écran", NOW.minusSeconds(30),
                        new JsonObject().put("kind", "screen").put("connected", true)),
                new Alerts.Device("screen-silent", "s1", "screen", "Écran muet", NOW.minusSeconds(121),
                        new JsonObject()),
                new Alerts.Device("screen-never", "s1", "screen", "Jamais vu", null, new JsonObject()),
                new Alerts.Device("screen-off", "s1", "screen", "Écran coupé", NOW.minusSeconds(5),
                        new JsonObject().put("connected", false)),
                new Alerts.Device("kiosk-paper", "s1", "kiosk", "Borne", NOW.minusSeconds(10),
                        new JsonObject().put("state", "READY").put("printer", new JsonObject().put("canPrint", true)
                                .put("conditions", new JsonArray().add("ONLINE").add("PAPER_NEAR_END")))),
                new Alerts.Device("kiosk-out", "s2", "kiosk", "Borne 2", NOW.minusSeconds(10),
                        new JsonObject().put("state", "OUT_OF_ORDER").put("printer", new JsonObject()
                                .put("canPrint", false).put("conditions", new JsonArray().add("PAPER_OUT")))),
                new Alerts.Device("kiosk-ok", "s2", "kiosk", "Borne 3", NOW.minusSeconds(10),
                        new JsonObject().put("state", "READY").put("printer", new JsonObject().put("canPrint", true)
                                .put("conditions", new JsonArray().add("ONLINE")))));
        Map<String, List<Alerts.Alert>> alerts = Alerts.evaluate(CATALOG, List.of(), devices, NOW);
        assertThat(alerts.get("s1")).extracting(Alerts.Alert::key)
                .containsExactly("disconnected:screen-off", "never:screen-never", "printer:kiosk-paper",
                        "silent:screen-silent");
        Alerts.Alert out = alerts.get("s2").get(0);
        assertThat(out.key()).isEqualTo("printer:kiosk-out");
        assertThat(out.toJson().getJsonArray("problems").getList())
                .containsExactly("OUT_OF_ORDER", "CANNOT_PRINT", "PAPER_OUT");
    }

    @Test
    void the_servers_count_of_live_connections_decides_over_what_a_screen_said() {
        JsonObject saysDown = new JsonObject().put("connected", false);
        JsonObject saysUp = new JsonObject().put("connected", true);
        List<Alerts.Device> devices = List.of(
                new Alerts.Device("still-open", "s1", "screen", "Écran 1", NOW.minusSeconds(5), saysDown, true),
                new Alerts.Device("all-closed", "s1", "screen", "Écran 2", NOW.minusSeconds(5), saysUp, false),
                new Alerts.Device("other-instance", "s1", "screen", "Écran 3", NOW.minusSeconds(5), saysDown, null),
                new Alerts.Device("socket-no-report", "s1", "counter_screen", "Écran 4", null, new JsonObject(), true));
        assertThat(Alerts.evaluate(CATALOG, List.of(), devices, NOW).get("s1")).extracting(Alerts.Alert::key)
                .containsExactly("disconnected:all-closed", "disconnected:other-instance");
    }

    @Test
    void raised_and_cleared_compare_keys_not_figures() {
        Alerts.Alert a = new Alerts.Alert("wait:svc-a", "wait", new JsonObject().put("longestWaitSeconds", 1300));
        Alerts.Alert aLater = new Alerts.Alert("wait:svc-a", "wait", new JsonObject().put("longestWaitSeconds", 1400));
        Alerts.Alert b = new Alerts.Alert("wait:svc-b", "wait", new JsonObject());
        assertThat(Alerts.raised(List.of(a), List.of(aLater))).isEmpty();
        assertThat(Alerts.raised(List.of(a), List.of(aLater, b))).containsExactly("wait:svc-b");
        assertThat(Alerts.cleared(List.of(a, b), List.of(b))).containsExactly("wait:svc-a");
        JsonObject message = Alerts.message("s1", NOW, List.of(b), List.of("wait:svc-b"), List.of("wait:svc-a"));
        assertThat(message.getString("type")).isEqualTo("alerts");
        assertThat(message.getJsonArray("alerts")).hasSize(1);
        assertThat(message.getJsonArray("cleared").getList()).containsExactly("wait:svc-a");
    }
}
