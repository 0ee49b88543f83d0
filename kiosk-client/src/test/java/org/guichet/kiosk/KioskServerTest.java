package org.guichet.kiosk;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.guichet.kiosk.testing.FakeEscPosPrinter;
import org.guichet.kiosk.testing.FaultProxy;
import org.guichet.kiosk.testing.KioskExtension;
import org.guichet.kiosk.testing.PrintedSlip;
import org.guichet.server.domain.IssuingRate;
import org.guichet.server.testing.Eventually;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.ok;

/** The kiosk client against a real Guichet server on embedded PostgreSQL, with real ESC/POS output. */
class KioskServerTest {

    private static final Charset PC858 = Charset.forName("IBM00858");

    @RegisterExtension
    final KioskExtension kiosk = new KioskExtension();

    private static String bytesOf(Path printout) throws IOException {
        return new String(Files.readAllBytes(printout), PC858);
    }

    private String preview(String file) throws IOException {
        return Files.readString(kiosk.printedDirectory().resolve(file), StandardCharsets.UTF_8);
    }

    private String reportedState() {
        return kiosk.database().deviceHealth(KioskExtension.KIOSK_ID).getString("state");
    }

    @Test
    void a_tap_issues_a_ticket_and_prints_it_with_its_number_service_and_status_url() throws IOException {
        kiosk.start(kiosk.config());
        kiosk.awaitReady();

        JsonObject outcome = ok(kiosk.take("svc-a", "NORMAL", "en", "tap-0001-abcdef"));

        assertThat(outcome.getString("kind")).isEqualTo("ticket");
        assertThat(outcome.getString("number")).isEqualTo("A001");
        assertThat(outcome.getString("serviceName")).isEqualTo("Service A (en)");
        assertThat(outcome.getBoolean("printed")).isTrue();

        List<Map<String, String>> tickets = kiosk.database().tickets();
        assertThat(tickets).hasSize(1);
        Map<String, String> ticket = tickets.get(0);
        assertThat(ticket).containsEntry("number", "A001").containsEntry("service_id", "svc-a")
                .containsEntry("language", "en").containsEntry("priority", "NORMAL")
                .containsEntry("idempotency_key", "tap-0001-abcdef").containsEntry("issuer_device_id", "kiosk-1");

        assertThat(kiosk.printouts()).hasSize(1);
        assertThat(bytesOf(kiosk.printouts().get(0))).startsWith("\u001b@")
                .contains("A001")
                .contains("Service A (en)")
                .contains("Site Un")
                .contains("https://guichet.example.test/ticket/" + ticket.get("status_token"))
                .as("the site's footer is French: not on an English ticket").doesNotContain("Accessible");
        assertThat(preview("ticket-0001.txt")).contains("A001").contains("Site Un - bâtiment A") // PC858 has no en dash
                .contains("Your number").contains("[QR: https://guichet.example.test/ticket/" + ticket.get("status_token") + "]");
    }

    @Test
    void a_lost_answer_is_retried_with_the_same_key_and_gives_one_ticket_and_one_printout() throws Exception {
        FaultProxy proxy = kiosk.faultProxy();
        JsonObject config = kiosk.config();
        config.getJsonObject("server").put("url", proxy.url());
        kiosk.start(config);
        kiosk.awaitReady();
        proxy.dropTicketAnswers(1);

        JsonObject outcome = ok(kiosk.take("svc-b", "NORMAL", "fr", "tap-lost-answer-1"));

        assertThat(outcome.getString("number")).isEqualTo("B001");
        List<FaultProxy.TicketCall> calls = proxy.ticketCalls();
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).dropped()).isTrue();
        assertThat(calls.get(0).upstreamStatus()).isEqualTo(201);
        assertThat(calls.get(1).upstreamStatus()).isEqualTo(200);
        assertThat(calls).extracting(call -> call.body().getString("idempotencyKey"))
                .containsExactly("tap-lost-answer-1", "tap-lost-answer-1");
        assertThat(kiosk.database().ticketCount()).isEqualTo(1);
        assertThat(kiosk.printouts()).hasSize(1);
        assertThat(bytesOf(kiosk.printouts().get(0))).contains("B001");
    }

    @Test
    void while_its_site_is_closed_the_kiosk_refuses_by_itself_and_says_when_it_opens_again() {
        kiosk.closedTodayAndTomorrow();
        kiosk.start(kiosk.config());

        JsonObject opening = kiosk.awaitState("menu read", state -> state.getJsonObject("opening") != null)
                .getJsonObject("opening");
        HttpResponse<Buffer> refused = kiosk.take("svc-a");

        assertThat(opening.getBoolean("issuing")).isFalse();
        assertThat(opening.getString("reason")).isEqualTo("CLOSURE");
        assertThat(opening.getJsonObject("nextOpening").getInteger("days")).isEqualTo(2);
        assertThat(opening.getJsonObject("nextOpening").getString("time")).isEqualTo("08:30");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("site_closed");
        assertThat(kiosk.database().ticketCount()).isZero();
        assertThat(kiosk.printouts()).isEmpty();
    }

    @Test
    void a_kiosk_over_its_issuing_rate_tells_the_visitor_to_try_again_in_a_moment_and_prints_nothing() {
        kiosk.stopServer();
        kiosk.restartServer(options -> options.withDeviceIssuing(new IssuingRate(1, Duration.ofHours(1))));
        kiosk.start(kiosk.config());
        kiosk.awaitReady();

        assertThat(kiosk.take("svc-a").statusCode()).isEqualTo(200);
        HttpResponse<Buffer> refused = kiosk.take("svc-a");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("busy");
        assertThat(kiosk.database().ticketCount()).isEqualTo(1);
        assertThat(kiosk.printouts()).hasSize(1);
        assertThat(kiosk.state().getJsonObject("opening").getBoolean("issuing")).as("the kiosk still issues")
                .isTrue();
    }

    @Test
    void a_kiosk_that_has_not_heard_of_a_closure_yet_is_refused_by_the_server_and_learns_it_before_answering() {
        kiosk.start(kiosk.config());
        assertThat(kiosk.awaitReady().getJsonObject("opening").getBoolean("issuing")).isTrue();
        kiosk.closedTodayAndTomorrow(); // the kiosk reads its menu again only every 5 minutes

        HttpResponse<Buffer> refused = kiosk.take("svc-a");

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("site_closed");
        assertThat(kiosk.state().getJsonObject("opening").getBoolean("issuing")).isFalse();
        assertThat(kiosk.database().ticketCount()).isZero();
        assertThat(kiosk.printouts()).isEmpty();
    }

    @Test
    void the_ticket_says_where_to_wait_on_screen_and_on_paper_in_the_visitors_language() throws IOException {
        JsonObject deployment = TestServer.deployment();
        deployment.getJsonArray("sites").getJsonObject(0).getJsonArray("rooms").getJsonObject(0)
                .put("building", "Bâtiment B").put("floor", "1er étage").put("directions", "Suivre la ligne verte")
                .put("translations", new JsonObject().put("en", new JsonObject().put("name", "Room 1")
                        .put("directions", "Follow the green line")));
        TestServer.ok(kiosk.server().put("/api/v1/admin/deployment", kiosk.server().adminToken(), deployment));
        kiosk.start(kiosk.config());
        kiosk.awaitReady();

        JsonObject english = ok(kiosk.take("svc-a", "NORMAL", "en", "where-en-1"));
        JsonObject french = ok(kiosk.take("svc-b", "NORMAL", "fr", "where-fr-1"));
        JsonObject elsewhere = ok(kiosk.take("svc-c", "NORMAL", "fr", "where-fr-2"));

        assertThat(english.getJsonArray("where")).containsExactly("Room 1, Bâtiment B, 1er étage",
                "Follow the green line");
        assertThat(french.getJsonArray("where")).containsExactly("Salle 1, Bâtiment B, 1er étage",
                "Suivre la ligne verte");
        assertThat(elsewhere.getJsonArray("where")).as("a room with no building, floor or directions")
                .containsExactly("Salle 1 bis");
        List<String> englishSlip = PrintedSlip.read(Files.readAllBytes(kiosk.printouts().get(0))).texts();
        assertThat(englishSlip).containsSubsequence("Please wait in:", "Room 1, Bâtiment B, 1er étage",
                "Follow the green line");
        List<String> frenchSlip = PrintedSlip.read(Files.readAllBytes(kiosk.printouts().get(1))).texts();
        assertThat(frenchSlip).containsSubsequence("Attendez en :", "Salle 1, Bâtiment B, 1er étage",
                "Suivre la ligne verte");
    }

    @Test
    void the_same_tap_sent_twice_prints_once() {
        kiosk.start(kiosk.config());
        kiosk.awaitReady();

        HttpResponse<Buffer> first = kiosk.take("svc-a", "PRIORITY", "fr", "double-tap-key-1");
        HttpResponse<Buffer> second = kiosk.take("svc-a", "PRIORITY", "fr", "double-tap-key-1");

        assertThat(ok(first)).isEqualTo(ok(second));
        assertThat(kiosk.database().ticketCount()).isEqualTo(1);
        assertThat(kiosk.database().tickets().get(0)).containsEntry("priority", "PRIORITY");
        assertThat(kiosk.printouts()).hasSize(1);
    }

    @Test
    void paper_out_is_found_before_issuing_so_no_ticket_is_issued_and_everyone_is_told() throws Exception {
        FakeEscPosPrinter printer = kiosk.networkPrinter();
        JsonObject config = kiosk.config(printer.connectionSpec());
        config.getJsonObject("printer").put("pollEvery", "1h"); // only the check before issuing can see it
        kiosk.start(config);
        kiosk.awaitReady();
        printer.paperOut();

        HttpResponse<Buffer> response = kiosk.take("svc-a");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("printer_unavailable");
        assertThat(kiosk.database().ticketCount()).isZero();
        assertThat(printer.printedBytes()).isEmpty();
        JsonObject state = kiosk.state();
        assertThat(state.getString("state")).isEqualTo("OUT_OF_ORDER");
        assertThat(state.getString("reason")).isEqualTo("PRINTER");
        assertThat(state.getBoolean("canIssue")).isFalse();
        assertThat(state.getJsonObject("printer").getJsonArray("conditions").getList()).contains("PAPER_OUT");
        Eventually.await("the heartbeat reports OUT_OF_ORDER", () -> "OUT_OF_ORDER".equals(reportedState()));
        JsonObject health = kiosk.database().deviceHealth(KioskExtension.KIOSK_ID);
        assertThat(health.getString("kind")).isEqualTo("kiosk");
        assertThat(health.getJsonObject("printer").getBoolean("canPrint")).isFalse();
        assertThat(health.getJsonObject("printer").getJsonArray("conditions").getList()).contains("PAPER_OUT");

        printer.paperLoaded();
        HttpResponse<Buffer> afterRefill = kiosk.take("svc-a");

        ok(afterRefill);
        assertThat(kiosk.database().ticketCount()).isEqualTo(1);
        // The bytes reach the printer's reader thread after the kiosk has answered.
        Eventually.await("A001 printed", () -> printer.printedText(PC858).contains("A001"));
        Eventually.await("the heartbeat reports READY again", () -> "READY".equals(reportedState()));
    }

    @Test
    void a_printer_link_that_died_while_idle_is_opened_again_instead_of_refusing_the_visitor() throws Exception {
        FakeEscPosPrinter printer = kiosk.networkPrinter();
        JsonObject config = kiosk.config(printer.connectionSpec());
        config.getJsonObject("printer").put("pollEvery", "1h");
        kiosk.start(config);
        kiosk.awaitReady();
        printer.dropConnections();

        HttpResponse<Buffer> response = kiosk.take("svc-a");

        ok(response);
        // The bytes reach the printer's reader thread after the kiosk has answered.
        Eventually.await("A001 printed", () -> printer.printedText(PC858).contains("A001"));
        assertThat(kiosk.database().ticketCount()).isEqualTo(1);
    }

    @Test
    void paper_near_end_still_prints_and_is_reported() throws Exception {
        FakeEscPosPrinter printer = kiosk.networkPrinter().paperNearEnd();
        kiosk.start(kiosk.config(printer.connectionSpec()));
        kiosk.awaitReady();

        ok(kiosk.take("svc-b"));

        // The bytes reach the printer's reader thread after the kiosk has answered.
        Eventually.await("B001 printed", () -> printer.printedText(PC858).contains("B001"));
        Eventually.await("the heartbeat reports PAPER_NEAR_END", () -> kiosk.database()
                .deviceHealth(KioskExtension.KIOSK_ID).getJsonObject("printer", new JsonObject())
                .getJsonArray("conditions", new JsonArray()).contains("PAPER_NEAR_END"));
    }

    @Test
    void when_the_server_goes_away_the_kiosk_says_so_issues_nothing_and_recovers_by_itself() {
        kiosk.start(kiosk.config());
        kiosk.awaitReady();

        kiosk.stopServer();
        JsonObject offline = kiosk.awaitState("server reported unreachable",
                state -> "SERVER".equals(state.getString("reason")));
        HttpResponse<Buffer> refused = kiosk.take("svc-a");

        assertThat(offline.getString("state")).isEqualTo("OFFLINE");
        assertThat(offline.getBoolean("canIssue")).isFalse();
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("server_unreachable");
        assertThat(kiosk.printouts()).isEmpty();

        OffsetDateTime restartedAt = OffsetDateTime.now();
        kiosk.restartServer();
        kiosk.awaitReady();
        JsonObject afterRecovery = ok(kiosk.take("svc-a"));

        assertThat(afterRecovery.getString("number")).isEqualTo("A001");
        assertThat(kiosk.database().ticketCount()).isEqualTo(1);
        assertThat(kiosk.printouts()).hasSize(1);
        Eventually.await("a READY heartbeat after the server came back", () -> {
            OffsetDateTime lastSeen = kiosk.database().deviceLastSeen(KioskExtension.KIOSK_ID);
            return lastSeen != null && lastSeen.isAfter(restartedAt) && "READY".equals(reportedState());
        });
    }

    @Test
    void an_orientation_entry_prints_where_to_go_and_issues_no_ticket() throws IOException {
        kiosk.start(kiosk.config());
        kiosk.awaitReady();

        JsonObject outcome = ok(kiosk.take("o1"));

        assertThat(outcome.getString("kind")).isEqualTo("orientation");
        assertThat(outcome.getString("authority")).isEqualTo("Préfecture");
        assertThat(kiosk.database().ticketCount()).isZero();
        assertThat(kiosk.printouts()).hasSize(1);
        assertThat(preview("ticket-0001.txt")).contains("Carte grise").contains("Préfecture")
                .contains("1 place de la Préfecture").contains("9:00-12:00");
    }

    @Test
    void a_sub_menu_is_not_a_ticket_and_an_unknown_entry_is_refused() {
        kiosk.start(kiosk.config());
        kiosk.awaitReady();

        assertThat(kiosk.take("m1").statusCode()).isEqualTo(400);
        assertThat(kiosk.take("no-such-entry").statusCode()).isEqualTo(404);
        assertThat(kiosk.take("svc-a", "URGENT", "fr", "bad-priority-1").statusCode()).isEqualTo(400);
        assertThat(kiosk.database().ticketCount()).isZero();
    }

    @Test
    void the_menu_comes_from_the_server_with_sub_menus_and_translations() {
        kiosk.start(kiosk.config());

        JsonObject menu = kiosk.awaitReady().getJsonObject("menu");

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
        JsonObject config = kiosk.config();
        config.getJsonObject("server").put("deviceToken", "gd_not-a-real-token");
        kiosk.start(config);

        JsonObject state = kiosk.awaitState("not registered", s -> "NOT_REGISTERED".equals(s.getString("reason")));

        assertThat(state.getString("state")).isEqualTo("OUT_OF_ORDER");
        assertThat(kiosk.take("svc-a").statusCode()).isEqualTo(503);
    }
}
