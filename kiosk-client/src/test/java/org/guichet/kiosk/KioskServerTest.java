package org.guichet.kiosk;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.guichet.kiosk.testing.Database;
import org.guichet.kiosk.testing.FakeEscPosPrinter;
import org.guichet.kiosk.testing.FaultProxy;
import org.guichet.kiosk.testing.KioskHarness;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.kiosk.testing.KioskHarness.eventually;

/** The kiosk client against a real Guichet server on embedded PostgreSQL, with real ESC/POS output. */
class KioskServerTest {

    private static final Charset PC858 = Charset.forName("IBM00858");

    @TempDir
    Path printed;

    private Vertx serverVertx;
    private TestServer server;
    private Database database;
    private String kioskToken;
    private KioskHarness kiosk;

    @BeforeEach
    void givenARunningServerWithARegisteredKiosk() {
        serverVertx = Vertx.vertx();
        server = TestServer.start(serverVertx);
        database = new Database(server.database());
        kioskToken = server.deviceToken("kiosk-1");
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (kiosk != null) {
            kiosk.close();
        }
        if (server != null) {
            server.close();
        }
        serverVertx.close().await(30, TimeUnit.SECONDS);
    }

    private KioskHarness startKiosk(JsonObject config) {
        kiosk = KioskHarness.start(config, null);
        return kiosk;
    }

    private JsonObject filePrinterConfig(String serverUrl) {
        return KioskHarness.config(serverUrl, kioskToken, "file:" + printed);
    }

    private List<Path> printouts() throws IOException {
        try (Stream<Path> files = Files.list(printed)) {
            return files.filter(file -> file.toString().endsWith(".bin")).sorted().toList();
        }
    }

    @Test
    void a_tap_issues_a_ticket_and_prints_it_with_its_number_service_and_status_url() throws IOException {
        startKiosk(filePrinterConfig(server.baseUrl())).awaitReady();

        HttpResponse<Buffer> response = kiosk.take("svc-a", "NORMAL", "en", "tap-0001-abcdef");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject outcome = response.bodyAsJsonObject();
        assertThat(outcome.getString("kind")).isEqualTo("ticket");
        assertThat(outcome.getString("number")).isEqualTo("A001");
        assertThat(outcome.getString("serviceName")).isEqualTo("Service A (en)");
        assertThat(outcome.getBoolean("printed")).isTrue();

        List<Map<String, String>> tickets = database.tickets();
        assertThat(tickets).hasSize(1);
        Map<String, String> ticket = tickets.get(0);
        assertThat(ticket).containsEntry("number", "A001").containsEntry("service_id", "svc-a")
                .containsEntry("language", "en").containsEntry("priority", "NORMAL")
                .containsEntry("idempotency_key", "tap-0001-abcdef").containsEntry("issuer_device_id", "kiosk-1");

        assertThat(printouts()).hasSize(1);
        String bytes = new String(Files.readAllBytes(printouts().get(0)), PC858);
        assertThat(bytes).startsWith("\u001b@")
                .contains("A001")
                .contains("Service A (en)")
                .contains("Site Un")
                .contains("https://guichet.example.test/ticket/" + ticket.get("status_token"))
                .contains("Accessible");
        String preview = Files.readString(printed.resolve("ticket-0001.txt"), StandardCharsets.UTF_8);
        assertThat(preview).contains("A001").contains("Site Un - bâtiment A") // PC858 has no en dash
                .contains("Your number").contains("[QR: https://guichet.example.test/ticket/" + ticket.get("status_token") + "]");
    }

    @Test
    void a_lost_answer_is_retried_with_the_same_key_and_gives_one_ticket_and_one_printout() throws Exception {
        try (FaultProxy proxy = new FaultProxy(serverVertx, server.port())) {
            startKiosk(filePrinterConfig(proxy.url())).awaitReady();
            proxy.dropTicketAnswers(1);

            HttpResponse<Buffer> response = kiosk.take("svc-b", "NORMAL", "fr", "tap-lost-answer-1");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.bodyAsJsonObject().getString("number")).isEqualTo("B001");
            List<FaultProxy.TicketCall> calls = proxy.ticketCalls();
            assertThat(calls).hasSize(2);
            assertThat(calls.get(0).dropped()).isTrue();
            assertThat(calls.get(0).upstreamStatus()).isEqualTo(201);
            assertThat(calls.get(1).upstreamStatus()).isEqualTo(200);
            assertThat(calls).extracting(call -> call.body().getString("idempotencyKey"))
                    .containsExactly("tap-lost-answer-1", "tap-lost-answer-1");
            assertThat(database.ticketCount()).isEqualTo(1);
            assertThat(printouts()).hasSize(1);
            assertThat(new String(Files.readAllBytes(printouts().get(0)), PC858)).contains("B001");
        }
    }

    @Test
    void the_same_tap_sent_twice_prints_once() throws IOException {
        startKiosk(filePrinterConfig(server.baseUrl())).awaitReady();

        HttpResponse<Buffer> first = kiosk.take("svc-a", "PRIORITY", "fr", "double-tap-key-1");
        HttpResponse<Buffer> second = kiosk.take("svc-a", "PRIORITY", "fr", "double-tap-key-1");

        assertThat(first.bodyAsJsonObject()).isEqualTo(second.bodyAsJsonObject());
        assertThat(database.ticketCount()).isEqualTo(1);
        assertThat(database.tickets().get(0)).containsEntry("priority", "PRIORITY");
        assertThat(printouts()).hasSize(1);
    }

    @Test
    void paper_out_is_found_before_issuing_so_no_ticket_is_issued_and_everyone_is_told() throws Exception {
        try (FakeEscPosPrinter printer = new FakeEscPosPrinter()) {
            JsonObject config = KioskHarness.config(server.baseUrl(), kioskToken, printer.connectionSpec());
            config.getJsonObject("printer").put("pollEvery", "1h"); // only the check before issuing can see it
            startKiosk(config).awaitReady();
            printer.paperOut();

            HttpResponse<Buffer> response = kiosk.take("svc-a");

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("printer_unavailable");
            assertThat(database.ticketCount()).isZero();
            assertThat(printer.printedBytes()).isEmpty();
            JsonObject state = kiosk.state();
            assertThat(state.getString("state")).isEqualTo("OUT_OF_ORDER");
            assertThat(state.getString("reason")).isEqualTo("PRINTER");
            assertThat(state.getBoolean("canIssue")).isFalse();
            assertThat(state.getJsonObject("printer").getJsonArray("conditions").getList()).contains("PAPER_OUT");
            eventually(() -> "OUT_OF_ORDER".equals(database.deviceHealth("kiosk-1").getString("state")),
                    "the heartbeat reports OUT_OF_ORDER");
            JsonObject health = database.deviceHealth("kiosk-1");
            assertThat(health.getString("kind")).isEqualTo("kiosk");
            assertThat(health.getJsonObject("printer").getBoolean("canPrint")).isFalse();
            assertThat(health.getJsonObject("printer").getJsonArray("conditions").getList()).contains("PAPER_OUT");

            printer.paperLoaded();
            HttpResponse<Buffer> afterRefill = kiosk.take("svc-a");

            assertThat(afterRefill.statusCode()).isEqualTo(200);
            assertThat(database.ticketCount()).isEqualTo(1);
            // The bytes reach the printer's reader thread after the kiosk has answered.
            eventually(() -> printer.printedText(PC858).contains("A001"), "A001 printed");
            eventually(() -> "READY".equals(database.deviceHealth("kiosk-1").getString("state")),
                    "the heartbeat reports READY again");
        }
    }

    @Test
    void a_printer_link_that_died_while_idle_is_opened_again_instead_of_refusing_the_visitor() throws Exception {
        try (FakeEscPosPrinter printer = new FakeEscPosPrinter()) {
            JsonObject config = KioskHarness.config(server.baseUrl(), kioskToken, printer.connectionSpec());
            config.getJsonObject("printer").put("pollEvery", "1h");
            startKiosk(config).awaitReady();
            printer.dropConnections();

            HttpResponse<Buffer> response = kiosk.take("svc-a");

            assertThat(response.statusCode()).isEqualTo(200);
            // The bytes reach the printer's reader thread after the kiosk has answered.
            eventually(() -> printer.printedText(PC858).contains("A001"), "A001 printed");
            assertThat(database.ticketCount()).isEqualTo(1);
        }
    }

    @Test
    void paper_near_end_still_prints_and_is_reported() throws Exception {
        try (FakeEscPosPrinter printer = new FakeEscPosPrinter()) {
            printer.paperNearEnd();
            startKiosk(KioskHarness.config(server.baseUrl(), kioskToken, printer.connectionSpec())).awaitReady();

            assertThat(kiosk.take("svc-b").statusCode()).isEqualTo(200);

            // The bytes reach the printer's reader thread after the kiosk has answered.
            eventually(() -> printer.printedText(PC858).contains("B001"), "B001 printed");
            eventually(() -> database.deviceHealth("kiosk-1").getJsonObject("printer", new JsonObject())
                    .getJsonArray("conditions", new JsonArray()).contains("PAPER_NEAR_END"),
                    "the heartbeat reports PAPER_NEAR_END");
        }
    }

    @Test
    void when_the_server_goes_away_the_kiosk_says_so_issues_nothing_and_recovers_by_itself() throws IOException {
        startKiosk(filePrinterConfig(server.baseUrl())).awaitReady();
        int port = server.port();
        var databaseSettings = server.database();

        server.close();
        server = null;
        JsonObject offline = kiosk.awaitState(state -> "SERVER".equals(state.getString("reason")), "server reported unreachable");
        HttpResponse<Buffer> refused = kiosk.take("svc-a");

        assertThat(offline.getString("state")).isEqualTo("OFFLINE");
        assertThat(offline.getBoolean("canIssue")).isFalse();
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("server_unreachable");
        assertThat(printouts()).isEmpty();

        OffsetDateTime restartedAt = OffsetDateTime.now();
        server = TestServer.start(serverVertx, TestServer.options(databaseSettings, port));
        kiosk.awaitReady();
        HttpResponse<Buffer> afterRecovery = kiosk.take("svc-a");

        assertThat(afterRecovery.statusCode()).isEqualTo(200);
        assertThat(afterRecovery.bodyAsJsonObject().getString("number")).isEqualTo("A001");
        assertThat(database.ticketCount()).isEqualTo(1);
        assertThat(printouts()).hasSize(1);
        eventually(() -> {
            OffsetDateTime lastSeen = database.deviceLastSeen("kiosk-1");
            return lastSeen != null && lastSeen.isAfter(restartedAt)
                    && "READY".equals(database.deviceHealth("kiosk-1").getString("state"));
        }, "a READY heartbeat after the server came back");
    }

    @Test
    void an_orientation_entry_prints_where_to_go_and_issues_no_ticket() throws IOException {
        startKiosk(filePrinterConfig(server.baseUrl())).awaitReady();

        HttpResponse<Buffer> response = kiosk.take("o1");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject outcome = response.bodyAsJsonObject();
        assertThat(outcome.getString("kind")).isEqualTo("orientation");
        assertThat(outcome.getString("authority")).isEqualTo("Préfecture");
        assertThat(database.ticketCount()).isZero();
        assertThat(printouts()).hasSize(1);
        String preview = Files.readString(printed.resolve("ticket-0001.txt"), StandardCharsets.UTF_8);
        assertThat(preview).contains("Carte grise").contains("Préfecture").contains("1 place de la Préfecture")
                .contains("9:00-12:00");
    }

    @Test
    void a_sub_menu_is_not_a_ticket_and_an_unknown_entry_is_refused() {
        startKiosk(filePrinterConfig(server.baseUrl())).awaitReady();

        assertThat(kiosk.take("m1").statusCode()).isEqualTo(400);
        assertThat(kiosk.take("no-such-entry").statusCode()).isEqualTo(404);
        assertThat(kiosk.take("svc-a", "URGENT", "fr", "bad-priority-1").statusCode()).isEqualTo(400);
        assertThat(database.ticketCount()).isZero();
    }

    @Test
    void the_menu_comes_from_the_server_with_sub_menus_and_translations() {
        JsonObject state = startKiosk(filePrinterConfig(server.baseUrl())).awaitReady();

        JsonObject menu = state.getJsonObject("menu");
        assertThat(menu.getString("siteName")).isEqualTo("Site Un – bâtiment A");
        assertThat(menu.getJsonArray("entries").stream().map(entry -> ((JsonObject) entry).getString("id")))
                .containsExactly("svc-a", "svc-b", "m1", "o1");
        JsonObject subMenu = menu.getJsonArray("entries").getJsonObject(2);
        assertThat(subMenu.getString("kind")).isEqualTo("menu");
        assertThat(subMenu.getJsonArray("children").getJsonObject(0).getString("id")).isEqualTo("svc-c");
        assertThat(menu.getJsonArray("entries").getJsonObject(0).getJsonObject("labels").getString("en"))
                .isEqualTo("Service A (en)");
    }

    @Test
    void a_kiosk_whose_token_is_refused_is_out_of_order_and_says_it_is_not_registered() {
        startKiosk(KioskHarness.config(server.baseUrl(), "gd_not-a-real-token", "file:" + printed));

        JsonObject state = kiosk.awaitState(s -> "NOT_REGISTERED".equals(s.getString("reason")), "not registered");

        assertThat(state.getString("state")).isEqualTo("OUT_OF_ORDER");
        assertThat(kiosk.take("svc-a").statusCode()).isEqualTo(503);
    }
}
