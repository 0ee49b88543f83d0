package org.guichet.server.metrics;

import io.micrometer.core.instrument.Tags;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.server.domain.Catalog;
import org.guichet.server.domain.WaitingQueue;
import org.guichet.server.domain.stats.Alerts;
import org.guichet.server.testing.TestCatalog;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class DomainGaugesTest {

    private static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");

    private static Map<Tags, Double> byTags(List<DomainGauges.Sample> samples) {
        return samples.stream().collect(Collectors.toMap(DomainGauges.Sample::tags, DomainGauges.Sample::value));
    }

    private static Alerts.Device device(String id, String site, String kind, Instant lastSeen, JsonObject health) {
        return new Alerts.Device(id, site, kind, id, lastSeen, health, null);
    }

    @Test
    void every_ticket_service_has_a_queue_series_and_an_empty_queue_reads_zero() {
        Catalog catalog = TestCatalog.twoSites();
        List<WaitingQueue> queues = List.of(new WaitingQueue("s1", "svc-a", 3, NOW.minusSeconds(125)));

        Map<Tags, Double> waiting = byTags(DomainGauges.waiting(catalog, queues));
        Map<Tags, Double> longest = byTags(DomainGauges.longestWait(catalog, queues, NOW));

        assertThat(waiting).containsEntry(DomainGauges.queueTags("s1", "svc-a"), 3.0)
                .containsEntry(DomainGauges.queueTags("s1", "svc-b"), 0.0);
        assertThat(longest).containsEntry(DomainGauges.queueTags("s1", "svc-a"), 125.0)
                .containsEntry(DomainGauges.queueTags("s1", "svc-b"), 0.0);
        assertThat(waiting.keySet()).isEqualTo(longest.keySet());
        assertThat(waiting.keySet()).allMatch(tags -> catalog.services().get(tags.stream()
                .filter(tag -> tag.getKey().equals("service")).findFirst().orElseThrow().getValue()).issuesTickets());
    }

    @Test
    void a_queue_left_for_a_service_that_no_longer_issues_keeps_its_series() {
        Catalog catalog = TestCatalog.twoSites();
        List<WaitingQueue> queues = List.of(new WaitingQueue("s1", "gone", 2, NOW.minusSeconds(60)));

        assertThat(byTags(DomainGauges.waiting(catalog, queues))).containsEntry(DomainGauges.queueTags("s1", "gone"),
                2.0);
    }

    @Test
    void devices_are_online_silent_or_never_heard_from_per_site_and_kind() {
        List<Alerts.Device> devices = List.of(
                device("k1", "s1", "kiosk", NOW.minusSeconds(30), new JsonObject()),
                device("sc1", "s1", "screen", NOW.minusSeconds(120), new JsonObject()),
                device("sc2", "s1", "screen", NOW.minusSeconds(121), new JsonObject()),
                device("sc3", "s1", "screen", null, new JsonObject()),
                new Alerts.Device("sc4", "s1", "screen", "sc4", null, new JsonObject(), true));

        Map<Tags, Double> counts = byTags(DomainGauges.devices(devices, NOW));

        assertThat(counts).containsEntry(Tags.of("site", "s1", "kind", "kiosk", "state", "online"), 1.0)
                .containsEntry(Tags.of("site", "s1", "kind", "screen", "state", "online"), 2.0)
                .containsEntry(Tags.of("site", "s1", "kind", "screen", "state", "silent"), 1.0)
                .containsEntry(Tags.of("site", "s1", "kind", "screen", "state", "never"), 1.0)
                .containsEntry(Tags.of("site", "s1", "kind", "counter_screen", "state", "online"), 0.0);
        assertThat(counts).hasSize(DomainGauges.DEVICE_KINDS.size() * DomainGauges.DEVICE_STATES.size());
    }

    @Test
    void a_kiosk_printer_reads_ready_and_its_conditions_and_unknown_before_any_report() {
        JsonObject paperLow = new JsonObject().put("printer", new JsonObject().put("canPrint", true)
                .put("conditions", new JsonArray().add("ONLINE").add("PAPER_NEAR_END")));
        JsonObject paperOut = new JsonObject().put("printer", new JsonObject().put("canPrint", false)
                .put("conditions", new JsonArray().add("OFFLINE").add("PAPER_OUT")));
        List<Alerts.Device> devices = List.of(device("k1", "s1", "kiosk", NOW, paperLow),
                device("k2", "s1", "kiosk", NOW, paperOut), device("k3", "s2", "kiosk", null, new JsonObject()),
                device("sc1", "s1", "screen", NOW, paperOut));

        Map<Tags, Double> ready = byTags(DomainGauges.printerReady(devices));
        Map<Tags, Double> conditions = byTags(DomainGauges.printerConditions(devices));

        assertThat(ready).containsExactlyInAnyOrderEntriesOf(Map.of(Tags.of("site", "s1", "kiosk", "k1"), 1.0,
                Tags.of("site", "s1", "kiosk", "k2"), 0.0, Tags.of("site", "s2", "kiosk", "k3"), 0.0));
        assertThat(conditions).hasSize(3 * DomainGauges.PRINTER_CONDITIONS.size())
                .containsEntry(Tags.of("site", "s1", "kiosk", "k1", "condition", "paper_near_end"), 1.0)
                .containsEntry(Tags.of("site", "s1", "kiosk", "k1", "condition", "paper_out"), 0.0)
                .containsEntry(Tags.of("site", "s1", "kiosk", "k2", "condition", "paper_out"), 1.0)
                .containsEntry(Tags.of("site", "s1", "kiosk", "k2", "condition", "offline"), 1.0)
                .containsEntry(Tags.of("site", "s2", "kiosk", "k3", "condition", "unknown"), 1.0)
                .containsEntry(Tags.of("site", "s1", "kiosk", "k1", "condition", "unknown"), 0.0);
    }

    @Test
    void target_waits_are_in_seconds() {
        Catalog catalog = TestCatalog.twoSites();
        Map<Tags, Double> targets = byTags(DomainGauges.targetWait(catalog));
        catalog.services().values().stream().filter(Catalog.Service::issuesTickets).forEach(service ->
                assertThat(targets.get(DomainGauges.queueTags(service.siteId(), service.id())))
                        .isEqualTo(service.targetWaitMinutes() * 60.0));
    }
}
