package org.guichet.server.metrics;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.guichet.server.service.YamlCodec;
import org.guichet.server.testing.Eventually;
import org.guichet.server.testing.MutableClock;
import org.guichet.server.testing.TestDatabase;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET /metrics on a node built as Main builds it (Vert.x with its meters): scraped after tickets are issued and called
 * and devices report through the real API, with names, labels and values checked; refused without the token; off
 * without one; and the alert rules and the dashboard name only metrics a real scrape has.
 */
class MetricsTest {

    private static final String TOKEN = "metrics-token-for-tests-0123456789";
    private static final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T08:00:00Z"));
    private static final MetricsSettings settings = MetricsSettings.withToken(TOKEN);
    private static Vertx vertx;
    private static TestServer server;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx(NodeMetrics.vertxOptions(new VertxOptions(), settings));
        server = TestServer.start(vertx, TestServer.options(TestDatabase.freshDatabase(), 0).withClock(clock)
                .withMetrics(settings));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        TestServer.await(vertx.close());
    }

    private static HttpResponse<Buffer> metrics(TestServer on, String authorization) {
        return on.send(HttpMethod.GET, "/metrics", null,
                authorization == null ? Map.of() : Map.of("Authorization", authorization), null);
    }

    private static Scrape scrape(TestServer on) {
        HttpResponse<Buffer> response = metrics(on, "Bearer " + TOKEN);
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        assertThat(response.getHeader("Content-Type")).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
        return Scrape.parse(response.bodyAsString());
    }

    private static void heartbeat(String deviceToken, JsonObject health) {
        TestServer.ok(server.post("/api/v1/devices/heartbeat", deviceToken, health));
    }

    @Test
    void a_scrape_counts_issued_and_called_tickets_and_reads_queues_devices_and_printers() {
        String kiosk = server.deviceToken("kiosk-1");
        String screen = server.deviceToken("screen-1");
        String counterScreen = server.deviceToken("cscreen-1");
        String agent = server.agentAtCounter("metrics.agent", "s1", "c1");
        Scrape before = scrape(server);
        assertThat(before.value("guichet_tickets_issued_total", "service", "svc-a", "site", "s1")).isZero();

        clock.set(Instant.parse("2026-03-10T08:00:00Z"));
        heartbeat(counterScreen, new JsonObject().put("connected", true));
        long first = server.issue(kiosk, "svc-a").getLong("id");
        server.issue(kiosk, "svc-a");
        server.issue(kiosk, "svc-a");
        clock.set(Instant.parse("2026-03-10T08:01:00Z"));
        server.issue(kiosk, "svc-b");
        clock.set(Instant.parse("2026-03-10T08:02:00Z"));
        TestServer.ok(server.post("/api/v1/tickets/" + first + "/call", agent,
                new JsonObject().put("counterId", "c1")));
        clock.set(Instant.parse("2026-03-10T08:03:00Z"));
        heartbeat(kiosk, new JsonObject().put("kind", "kiosk").put("state", "READY").put("printer", new JsonObject()
                .put("canPrint", true).put("conditions", new JsonArray().add("ONLINE").add("PAPER_NEAR_END"))));
        heartbeat(screen, new JsonObject().put("connected", true));
        clock.set(Instant.parse("2026-03-10T08:04:00Z"));

        // The queue and device gauges come from the node's alert check (every 2 s): wait for one made at 08:04.
        Scrape scrape = Eventually.await("a scrape with the queues and devices as of 08:04", () -> scrape(server),
                s -> s.value("guichet_queue_waiting", "service", "svc-a", "site", "s1") == 2
                     && s.value("guichet_devices", "kind", "counter_screen", "site", "s1", "state", "silent") == 1
                     && s.value("guichet_devices", "kind", "kiosk", "site", "s1", "state", "online") == 1
                     && s.value("guichet_kiosk_printer_ready", "kiosk", "kiosk-1", "site", "s1") == 1
                     && s.value("guichet_observation_age_seconds") == 0);

        assertThat(scrape.value("guichet_tickets_issued_total", "service", "svc-a", "site", "s1")).isEqualTo(3);
        assertThat(scrape.value("guichet_tickets_issued_total", "service", "svc-b", "site", "s1")).isEqualTo(1);
        assertThat(scrape.value("guichet_tickets_issued_total", "service", "svc-c", "site", "s1")).isZero();
        assertThat(scrape.value("guichet_tickets_issued_total", "service", "svc-z", "site", "s2")).isZero();
        assertThat(scrape.value("guichet_tickets_called_total", "service", "svc-a", "site", "s1")).isEqualTo(1);
        assertThat(scrape.value("guichet_tickets_called_total", "service", "svc-b", "site", "s1")).isZero();
        assertThat(scrape.all("guichet_tickets_issued_total")).as("ticket services only, no menu or orientation")
                .hasSize(4);

        assertThat(scrape.value("guichet_queue_waiting", "service", "svc-b", "site", "s1")).isEqualTo(1);
        assertThat(scrape.value("guichet_queue_waiting", "service", "svc-c", "site", "s1")).isZero();
        assertThat(scrape.value("guichet_queue_waiting", "service", "svc-z", "site", "s2")).isZero();
        // The first svc-a ticket was called: the longest wait is the second's, issued at 08:00, at 08:04.
        assertThat(scrape.value("guichet_queue_longest_wait_seconds", "service", "svc-a", "site", "s1"))
                .isEqualTo(240);
        assertThat(scrape.value("guichet_queue_longest_wait_seconds", "service", "svc-b", "site", "s1"))
                .isEqualTo(180);
        assertThat(scrape.value("guichet_queue_longest_wait_seconds", "service", "svc-c", "site", "s1")).isZero();
        assertThat(scrape.value("guichet_queue_target_wait_seconds", "service", "svc-a", "site", "s1"))
                .isEqualTo(1200);
        assertThat(scrape.value("guichet_queue_target_wait_seconds", "service", "svc-b", "site", "s1"))
                .isEqualTo(600);

        assertThat(scrape.value("guichet_devices", "kind", "screen", "site", "s1", "state", "online")).isEqualTo(1);
        assertThat(scrape.value("guichet_devices", "kind", "screen", "site", "s1", "state", "never")).isEqualTo(1);
        assertThat(scrape.value("guichet_devices", "kind", "screen", "site", "s1", "state", "silent")).isZero();
        assertThat(scrape.value("guichet_devices", "kind", "counter_screen", "site", "s1", "state", "online"))
                .isZero();
        assertThat(scrape.value("guichet_devices", "kind", "kiosk", "site", "s2", "state", "never")).isEqualTo(1);
        assertThat(scrape.value("guichet_devices", "kind", "screen", "site", "s2", "state", "never")).isEqualTo(1);

        assertThat(scrape.value("guichet_kiosk_printer_condition", "condition", "paper_near_end", "kiosk", "kiosk-1",
                "site", "s1")).isEqualTo(1);
        assertThat(scrape.value("guichet_kiosk_printer_condition", "condition", "paper_out", "kiosk", "kiosk-1",
                "site", "s1")).isZero();
        assertThat(scrape.value("guichet_kiosk_printer_ready", "kiosk", "kiosk-2", "site", "s2")).isZero();
        assertThat(scrape.value("guichet_kiosk_printer_condition", "condition", "unknown", "kiosk", "kiosk-2",
                "site", "s2")).isEqualTo(1);

        assertThat(scrape.value("guichet_database_up")).isEqualTo(1);
        assertThat(scrape.value("guichet_observation_age_seconds")).isZero();

        // Vert.x's own meters (the node was built with them) and the JVM's.
        assertThat(scrape.value("vertx_http_server_requests_total", "code", "201", "method", "POST"))
                .isGreaterThanOrEqualTo(4);
        assertThat(scrape.all("vertx_pool_in_use")).anyMatch(sample -> "sql".equals(sample.labels().get("pool_type")));
        assertThat(scrape.has("vertx_eventbus_published_total")).isTrue();
        assertThat(scrape.has("vertx_http_server_response_time_seconds_bucket")).isTrue();
        assertThat(scrape.all("jvm_memory_used_bytes")).anyMatch(sample -> "heap".equals(sample.labels().get("area"))
                && sample.value() > 0);
        assertThat(scrape.value("jvm_threads_live_threads")).isPositive();
        assertThat(scrape.all("vertx_http_server_requests_total"))
                .allMatch(sample -> sample.labels().keySet().equals(Set.of("code", "method")));
    }

    @Test
    void without_the_token_the_metrics_are_refused() {
        HttpResponse<Buffer> missing = metrics(server, null);
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.getHeader("WWW-Authenticate")).startsWith("Bearer");
        assertThat(missing.bodyAsJsonObject().getString("error")).isEqualTo("unauthorized");

        HttpResponse<Buffer> wrong = metrics(server, "Bearer " + TOKEN.substring(1) + "x");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.bodyAsJsonObject().getString("error")).isEqualTo("unauthorized");
        assertThat(wrong.bodyAsString()).doesNotContain(TOKEN);

        assertThat(metrics(server, "Bearer " + TOKEN + "x").statusCode()).isEqualTo(401);
        assertThat(metrics(server, "Basic " + TOKEN).statusCode()).isEqualTo(401);
        // An agent's token is not the metrics token.
        assertThat(metrics(server, "Bearer " + server.adminToken()).statusCode()).isEqualTo(401);
        assertThat(metrics(server, "bearer " + TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void without_a_configured_token_there_is_no_endpoint_and_a_plain_vertx_still_has_domain_metrics() {
        Vertx plain = Vertx.vertx();
        try {
            try (TestServer off = TestServer.start(plain, TestServer.options(TestDatabase.freshDatabase(), 0))) {
                HttpResponse<Buffer> response = metrics(off, "Bearer " + TOKEN);
                assertThat(response.statusCode()).isEqualTo(404);
                assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("not_found");
            }
            MetricsSettings own = MetricsSettings.withToken(TOKEN);
            try (TestServer withToken = TestServer.start(plain, TestServer.options(TestDatabase.freshDatabase(), 0)
                    .withMetrics(own))) {
                withToken.issue(withToken.deviceToken("kiosk-2"), "svc-z");
                Scrape scrape = scrape(withToken);
                assertThat(scrape.value("guichet_tickets_issued_total", "service", "svc-z", "site", "s2"))
                        .isEqualTo(1);
                assertThat(scrape.has("jvm_memory_used_bytes")).isTrue();
                assertThat(scrape.has("vertx_http_server_requests_total")).as("Vert.x built without metrics")
                        .isFalse();
            }
        } finally {
            TestServer.await(plain.close());
        }
    }

    @Test
    void the_alert_rules_and_the_dashboard_name_only_metrics_a_scrape_has() throws Exception {
        System.gc(); // the GC pause meters appear with a first collection
        // Printer gauges exist once a kiosk has reported, queue gauges once the alert check has read (every 2 s):
        // this test must not depend on another having run first.
        JsonObject printer = new JsonObject().put("canPrint", true).put("conditions", new JsonArray().add("ONLINE"));
        heartbeat(server.tokenOf("kiosk-1"), new JsonObject().put("kind", "kiosk").put("state", "READY")
                .put("printer", printer));

        JsonObject rules = YamlCodec.read(Files.readString(Path.of("deploy/monitoring/alerts.yml")));
        List<String> expressions = new ArrayList<>();
        rules.getJsonArray("groups").forEach(group -> ((JsonObject) group).getJsonArray("rules").forEach(rule -> {
            assertThat(((JsonObject) rule).getString("alert")).isNotBlank();
            expressions.add(((JsonObject) rule).getString("expr"));
        }));
        assertThat(expressions).hasSizeGreaterThanOrEqualTo(5);

        JsonObject dashboard = new JsonObject(Files.readString(Path.of("deploy/monitoring/grafana-dashboard.json")));
        List<String> panelExpressions = new ArrayList<>();
        dashboard.getJsonArray("panels").forEach(panel -> ((JsonObject) panel)
                .getJsonArray("targets", new JsonArray()).forEach(target ->
                        panelExpressions.add(((JsonObject) target).getString("expr"))));
        assertThat(panelExpressions).hasSizeGreaterThanOrEqualTo(10);
        expressions.addAll(panelExpressions);

        Set<String> named = new TreeSet<>();
        for (String expression : expressions) {
            assertThat(metricNames(expression)).as(expression).isNotEmpty();
            named.addAll(metricNames(expression));
        }
        Set<String> exposed = Eventually.await("a scrape with every metric the rules and the dashboard name", () -> {
            Set<String> names = new TreeSet<>();
            scrape(server).samples().forEach(sample -> names.add(sample.name()));
            names.add("up"); // written by Prometheus itself for each target
            return names;
        }, names -> names.containsAll(named));
        for (String expression : expressions) {
            assertThat(metricNames(expression)).as(expression).isSubsetOf(exposed);
        }
        YamlCodec.read(Files.readString(Path.of("deploy/monitoring/prometheus.yml")));
    }

    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(?!\\w)(?!\\s*\\()");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without",
            "on", "ignoring", "group_left", "group_right");

    /** The metric names in a PromQL expression: what remains once strings, matchers, ranges and groupings are out. */
    static Set<String> metricNames(String expression) {
        String bare = expression.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher matcher = IDENTIFIER.matcher(bare);
        while (matcher.find()) {
            String token = matcher.group();
            boolean number = matcher.start() > 0 && Character.isDigit(bare.charAt(matcher.start() - 1));
            if (!KEYWORDS.contains(token) && !number) {
                names.add(token);
            }
        }
        return names;
    }
}
