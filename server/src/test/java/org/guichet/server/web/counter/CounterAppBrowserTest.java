package org.guichet.server.web.counter;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.server.testing.MutableClock;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.ok;
import static org.guichet.server.web.counter.CounterFixture.newAgent;
import static org.guichet.server.web.counter.CounterFixture.status;

/** The counter tablet in real headless Chromium against a real server: every action an agent takes in a day. */
class CounterAppBrowserTest {

    private static final MutableClock CLOCK = MutableClock.withinTheDayInParis();

    @RegisterExtension
    static final TestServer server = TestServer.perClass().withClock(CLOCK);

    @AfterEach
    void newDay() {
        CounterFixture.resetSite(server);
    }

    private static JsonObject issue(String serviceId) {
        return server.issue(server.tokenOf("kiosk-1"), serviceId);
    }

    @Test
    void log_in_open_call_recall_start_finish_and_no_show() {
        String agent = newAgent(server, "flow");
        try (Tablet tablet = Tablet.open(server)) {
            tablet.logIn(agent);
            tablet.choose("c1");
            assertThat(tablet.storage("guichet.counter.id")).isEqualTo("c1");
            assertThat(tablet.mode()).isEqualTo("closed");
            assertThat(tablet.text("services")).contains("Service A").contains("Service B");

            tablet.tap("btn-open");
            tablet.waitForMode("idle");
            assertThat(tablet.text("status-pill")).isEqualTo("Ouvert");

            tablet.tap("call-next");
            tablet.waitForBanner("nobody_waiting");
            assertThat(tablet.bannerText()).contains("Personne n’attend");
            assertThat(tablet.mode()).isEqualTo("idle");

            JsonObject first = issue("svc-a");
            JsonObject second = issue("svc-b");
            tablet.waitForWaiting(second.getString("number"));
            assertThat(tablet.waitingNumbers()).containsExactly(first.getString("number"), second.getString("number"));

            tablet.tap("call-next");
            tablet.waitForMode("called");
            assertThat(tablet.currentNumber()).isEqualTo(first.getString("number"));
            assertThat(tablet.text("current-ticket")).contains("Service A").contains("Appelé");
            assertThat(tablet.waitingNumbers()).containsExactly(second.getString("number"));
            assertThat(status(server, first.getLong("id"))).isEqualTo("CALLED");

            tablet.tap("btn-recall");
            tablet.waitFor("one recall shown", () -> "1 rappel".equals(tablet.text("recall-count")));
            tablet.tap("btn-recall");
            tablet.waitFor("two recalls shown", () -> "2 rappels".equals(tablet.text("recall-count")));
            assertThat(tablet.text("btn-recall")).contains("2");

            tablet.tap("btn-start");
            tablet.waitForMode("serving");
            assertThat(tablet.text("current-ticket")).contains("En cours");
            tablet.finishWithOutcome("dossier-complet");
            tablet.waitForMode("idle");
            assertThat(tablet.bannerText()).contains(first.getString("number") + " terminé");
            List<io.vertx.sqlclient.Row> done = server.sql("SELECT status, outcome, recall_count FROM ticket WHERE id = $1", first.getLong("id"));
            assertThat(done.get(0).getString("status")).isEqualTo("DONE");
            assertThat(done.get(0).getString("outcome")).isEqualTo("dossier-complet");
            assertThat(done.get(0).getInteger("recall_count")).isEqualTo(2);
            tablet.waitFor("one served today", () -> tablet.text("today-served").startsWith("1"));

            tablet.tap("call-next");
            tablet.waitForMode("called");
            assertThat(tablet.currentNumber()).isEqualTo(second.getString("number"));
            tablet.tap("btn-no-show");
            tablet.waitForMode("idle");
            assertThat(status(server, second.getLong("id"))).isEqualTo("NO_SHOW");
            tablet.waitFor("one no-show today", () -> tablet.text("today-no-shows").startsWith("1"));

            tablet.tap("btn-close");
            tablet.waitForMode("closed");
            assertThat(ok(server.get("/api/v1/counters/c1", server.adminToken())).getString("status"))
                    .isEqualTo("CLOSED");
        }
    }

    @Test
    void keyboard_shortcuts_drive_a_pc_counter() {
        String agent = newAgent(server, "keys");
        JsonObject first = issue("svc-a");
        JsonObject second = issue("svc-a");
        try (Tablet pc = Tablet.open(server)) {
            pc.startAt(agent, "c2");
            assertThat(pc.text("call-next")).contains("Espace");

            pc.press(Keys.SPACE);
            pc.waitForMode("called");
            assertThat(pc.currentNumber()).isEqualTo(first.getString("number"));
            pc.press("r");
            pc.waitFor("a recall", () -> "1 rappel".equals(pc.text("recall-count")));
            pc.press("s");
            pc.waitForMode("serving");
            pc.press("f");
            pc.waitForMode("idle");
            assertThat(status(server, first.getLong("id"))).isEqualTo("DONE");

            pc.press("n");
            pc.waitForMode("called");
            assertThat(pc.currentNumber()).isEqualTo(second.getString("number"));
            pc.press("a");
            pc.waitForMode("idle");
            assertThat(status(server, second.getLong("id"))).isEqualTo("NO_SHOW");

            // Typing in a field never fires a shortcut.
            pc.press("p");
            pc.waitFor("the pause dialog", () -> pc.driver.findElement(By.id("pause-dialog")).isDisplayed());
            pc.driver.findElement(By.id("pause-other")).sendKeys("s f n a");
            assertThat(pc.mode()).isEqualTo("idle");
            pc.driver.findElement(By.id("pause-confirm")).click();
            pc.waitForMode("paused");
            assertThat(pc.text("ticket-panel")).contains("s f n a");
            pc.press("p");
            pc.waitForMode("idle");
        }
        List<io.vertx.sqlclient.Row> events = server.sql("SELECT kind, reason FROM counter_event WHERE counter_id = 'c2' ORDER BY id DESC LIMIT 2");
        assertThat(events.get(0).getString("kind")).isEqualTo("RESUME");
        assertThat(events.get(1).getString("kind")).isEqualTo("PAUSE");
        assertThat(events.get(1).getString("reason")).isEqualTo("s f n a");
    }

    @Test
    void pause_with_a_reason_and_resume() {
        String agent = newAgent(server, "pause");
        try (Tablet tablet = Tablet.open(server)) {
            tablet.startAt(agent, "c3");
            tablet.tap("btn-pause");
            tablet.driver.findElement(By.cssSelector("#pause-dialog input[value='meal']")).click();
            tablet.driver.findElement(By.id("pause-confirm")).click();
            tablet.waitForMode("paused");
            assertThat(tablet.text("status-pill")).isEqualTo("En pause");
            assertThat(tablet.text("ticket-panel")).contains("Repas");
            assertThat(tablet.driver.findElements(By.id("call-next"))).isEmpty();
            tablet.tap("btn-resume");
            tablet.waitForMode("idle");
        }
        List<io.vertx.sqlclient.Row> events = server.sql("SELECT kind, reason FROM counter_event WHERE counter_id = 'c3' ORDER BY id DESC LIMIT 2");
        assertThat(events.get(1).getString("kind")).isEqualTo("PAUSE");
        assertThat(events.get(1).getString("reason")).isEqualTo("meal");
        assertThat(events.get(0).getString("kind")).isEqualTo("RESUME");
    }

    @Test
    void requeue_then_transfer_to_a_service_with_a_note_that_follows_the_ticket() {
        String agent = newAgent(server, "transfer");
        String colleague = server.agentAtCounter(CounterFixture.uniqueName("colleague"), "s1", "c3");
        JsonObject ticket = issue("svc-b");
        try (Tablet tablet = Tablet.open(server)) {
            tablet.startAt(agent, "c1");
            tablet.tap("call-next");
            tablet.waitForMode("called");
            tablet.tap("btn-requeue");
            tablet.waitForMode("idle");
            assertThat(tablet.bannerText()).contains("remis en attente");
            assertThat(tablet.waitingNumbers()).containsExactly(ticket.getString("number"));

            tablet.tap("call-next");
            tablet.waitForMode("called");
            tablet.tap("btn-start");
            tablet.waitForMode("serving");
            tablet.transfer("service", "svc-c", "Dossier APA à compléter");
            tablet.waitForMode("idle");
            assertThat(tablet.bannerCode()).isEqualTo("transfer");
            assertThat(tablet.bannerText()).as("another room: where to send the visitor")
                    .contains("envoyez le visiteur en Salle 1 bis");
        }
        assertThat(status(server, ticket.getLong("id"))).isEqualTo("TRANSFERRED");
        JsonObject atC3 = ok(server.post("/api/v1/counters/c3/call-next", colleague, null));
        assertThat(atC3.getString("number")).isEqualTo(ticket.getString("number"));
        assertThat(atC3.getString("serviceId")).isEqualTo("svc-c");
        assertThat(atC3.getString("note")).isEqualTo("Dossier APA à compléter");
        assertThat(atC3.getLong("transferredFrom")).isEqualTo(ticket.getLong("id"));
    }

    @Test
    void a_ticket_transferred_to_this_counter_shows_its_note_and_whole_history() {
        String agent = newAgent(server, "receiver");
        String colleague = server.agentAtCounter(CounterFixture.uniqueName("sender"), "s1", "c2");
        JsonObject ticket = issue("svc-a");
        ok(server.post("/api/v1/counters/c2/call-next", colleague, null));
        ok(server.post("/api/v1/tickets/" + ticket.getLong("id") + "/start", colleague, null));
        try (Tablet tablet = Tablet.open(server)) {
            tablet.startAt(agent, "c1");
            ok(server.post("/api/v1/tickets/" + ticket.getLong("id") + "/transfer", colleague,
                    new JsonObject().put("counterId", "c1").put("note", "Voir ma collègue pour l'APA")));
            tablet.waitForWaiting(ticket.getString("number"));
            String row = tablet.waitingRow(ticket.getString("number")).getText();
            assertThat(row).contains("Pour ce guichet").contains("Transféré");

            tablet.tap("call-next");
            tablet.waitForMode("called");
            assertThat(tablet.currentNumber()).isEqualTo(ticket.getString("number"));
            assertThat(tablet.text("ticket-note")).contains("Voir ma collègue pour l'APA");
            String history = tablet.text("history");
            assertThat(history).contains("Ticket pris").contains("Appelé à Guichet 2").contains("Pris en charge")
                    .contains("Transféré à Guichet 2 → Guichet 1").contains("Reçu par transfert")
                    .contains("Appelé à Guichet 1");
        }
    }

    @Test
    void call_a_chosen_ticket_and_say_plainly_when_another_counter_was_quicker() {
        String agent = newAgent(server, "chooser");
        String colleagueName = newAgent(server, "quick");
        String colleague = server.login(colleagueName, TestServer.AGENT_PASSWORD);
        ok(server.post("/api/v1/counters/c2/open", colleague, null));
        JsonObject first = issue("svc-a");
        JsonObject second = issue("svc-a");
        JsonObject third = issue("svc-a");
        try (Tablet tablet = Tablet.open(server)) {
            tablet.startAt(agent, "c1");
            tablet.waitForWaiting(third.getString("number"));
            tablet.tap("call-" + third.getLong("id"));
            tablet.waitForMode("called");
            assertThat(tablet.currentNumber()).isEqualTo(third.getString("number"));
            assertThat(tablet.waitingNumbers()).containsExactly(first.getString("number"), second.getString("number"));
            // While called, no other ticket can be called from the list.
            assertThat(tablet.driver.findElement(By.id("call-" + first.getLong("id"))).isEnabled()).isFalse();
            tablet.tap("btn-no-show");
            tablet.waitForMode("idle");

            // Guichet 2 takes the second ticket; the tablet's list has not caught up when the agent taps it.
            Object status = tablet.asyncScript("""
                    const [ticketId, token, done] = arguments;
                    fetch('/api/v1/tickets/' + ticketId + '/call', {method: 'POST',
                        headers: {'Authorization': 'Bearer ' + token, 'Content-Type': 'application/json'},
                        body: JSON.stringify({counterId: 'c2'})})
                      .then(response => {
                          document.getElementById('call-' + ticketId).click();
                          done(response.status);
                      });
                    """, second.getLong("id"), colleague);
            assertThat(status).isEqualTo(200L);
            tablet.waitForBanner("taken");
            assertThat(tablet.bannerText()).contains("Le ticket " + second.getString("number")
                    + " vient d’être appelé au Guichet 2");
            tablet.waitFor("the list without the taken ticket",
                    () -> tablet.waitingNumbers().equals(List.of(first.getString("number"))));
            assertThat(tablet.mode()).isEqualTo("idle");
        }
        assertThat(server.sql("SELECT counter_id FROM ticket WHERE id = $1", second.getLong("id")).get(0)
                .getString(0)).isEqualTo("c2");
    }

    @Test
    void the_waiting_list_updates_live_when_a_kiosk_issues_a_ticket() {
        String agent = newAgent(server, "live");
        String colleague = server.agentAtCounter(CounterFixture.uniqueName("other"), "s1", "c2");
        try (Tablet tablet = Tablet.open(server)) {
            tablet.startAt(agent, "c1");
            tablet.waitFor("the live connection", () -> "open".equals(tablet.live()));
            assertThat(tablet.text("live")).isEqualTo("En direct");

            JsonObject issued = issue("svc-b");
            tablet.waitForWaiting(issued.getString("number"));
            JsonObject another = issue("svc-a");
            tablet.waitForWaiting(another.getString("number"));

            // Called by another counter: it leaves this tablet's list too, without any reload.
            ok(server.post("/api/v1/tickets/" + another.getLong("id") + "/call", colleague,
                    new JsonObject().put("counterId", "c2")));
            tablet.waitFor("the called ticket gone",
                    () -> tablet.waitingNumbers().equals(List.of(issued.getString("number"))));
            assertThat(tablet.live()).isEqualTo("open");
            assertThat(tablet.script("return performance.getEntriesByType('navigation').length")).isEqualTo(1L);
        }
    }

    @Test
    void while_the_kiosk_is_closed_an_agent_gives_a_visitor_already_inside_a_ticket() {
        String agent = newAgent(server, "issuer");
        LocalDate today = LocalDate.ofInstant(CLOCK.instant(), ZoneId.of("Europe/Paris"));
        JsonObject closed = TestServer.deployment();
        closed.getJsonArray("sites").getJsonObject(0).put("calendar",
                new JsonObject().put("closures", new JsonArray().add(today.toString())));
        ok(server.put("/api/v1/admin/deployment", server.adminToken(), closed));
        try (Tablet tablet = Tablet.open(server)) {
            assertThat(server.post("/api/v1/tickets", server.tokenOf("kiosk-1"),
                    new JsonObject().put("serviceId", "svc-b")).statusCode()).isEqualTo(409);
            tablet.startAt(agent, "c1");

            tablet.issueFor("svc-b", "es", true);

            tablet.waitForBanner("issued");
            JsonObject ticket = server.sql("SELECT prefix || lpad(seq::text, 3, '0') AS number, language, priority "
                    + "FROM ticket WHERE service_id = 'svc-b' ORDER BY id DESC LIMIT 1").get(0).toJson();
            assertThat(tablet.bannerText()).startsWith("Ticket " + ticket.getString("number") + " créé (Service B)");
            assertThat(ticket.getString("language")).isEqualTo("es");
            assertThat(ticket.getString("priority")).isEqualTo("PRIORITY");
            tablet.waitForWaiting(ticket.getString("number"));
            tablet.screenshot("counter-new-ticket");
        } finally {
            ok(server.put("/api/v1/admin/deployment", server.adminToken(), TestServer.deployment()));
        }
    }

    @Test
    void a_service_renamed_by_an_administrator_reaches_an_open_tablet_without_reloading() {
        String agent = newAgent(server, "renamed");
        try (Tablet tablet = Tablet.open(server)) {
            tablet.startAt(agent, "c1");
            tablet.waitFor("the live connection", () -> "open".equals(tablet.live()));
            JsonObject site = ok(server.get("/api/v1/admin/sites/s1", server.adminToken()));
            JsonObject service = site.getJsonArray("services").stream().map(JsonObject.class::cast)
                    .filter(s -> s.getString("id").equals("svc-b")).findFirst().orElseThrow().copy();
            service.remove("id");

            ok(server.put("/api/v1/admin/sites/s1/services/svc-b", server.adminToken(),
                    service.put("name", "Service B renommé").put("revision", site.getInteger("revision"))));

            tablet.waitFor("the counter's services renamed", () -> tablet.text("services").contains("Service B renommé"));
            tablet.tap("new-ticket");
            tablet.waitFor("the dialog lists the new name", () -> String.valueOf(tablet.script(
                    "return Array.from(document.querySelectorAll('#issue-service option'))"
                            + ".map(o => o.textContent).join('|')")).contains("Service B renommé"));
            assertThat(tablet.script("return performance.getEntriesByType('navigation').length")).isEqualTo(1L);
        } finally {
            ok(server.put("/api/v1/admin/deployment", server.adminToken(), TestServer.deployment()));
        }
    }

    @Test
    void an_expired_session_goes_back_to_log_in_and_keeps_the_counter() {
        String agent = newAgent(server, "expiry");
        try (Tablet tablet = Tablet.open(server)) {
            tablet.startAt(agent, "c3");
            server.sql("DELETE FROM agent_session WHERE agent_id = $1", CounterFixture.agentId(server, agent));
            CLOCK.advance(Duration.ofSeconds(6)); // past the server's five-second session cache

            tablet.tap("call-next");
            tablet.waitForView("login");
            tablet.waitForBanner("session_expired");
            assertThat(tablet.bannerText()).contains("Votre session a expiré");
            assertThat(tablet.storage("guichet.counter.id")).isEqualTo("c3");
            assertThat(tablet.text("login-remembered")).contains("Guichet 3");

            tablet.logIn(agent);
            tablet.waitForView("counter");
            tablet.waitForMode("idle");
            assertThat(tablet.text("counter-title")).isEqualTo("Guichet 3");
        }
    }

    @Test
    void a_lost_connection_is_said_plainly_and_the_app_recovers_by_itself() {
        String agent = newAgent(server, "offline");
        try (Tablet tablet = Tablet.open(server)) {
            tablet.startAt(agent, "c1");
            tablet.script("""
                    window.__realFetch = window.fetch;
                    window.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
                    """);
            tablet.tap("call-next");
            tablet.waitForBanner("network");
            assertThat(tablet.bannerText()).contains("Connexion au serveur perdue").contains("Nouvelle tentative");
            JsonObject issued = issue("svc-a");
            tablet.script("window.fetch = window.__realFetch;");
            tablet.waitForBanner("reconnected");
            assertThat(tablet.bannerText()).contains("Connexion rétablie");
            tablet.waitForWaiting(issued.getString("number"));
            // The failed call was never resent: the visitor is still waiting.
            assertThat(status(server, issued.getLong("id"))).isEqualTo("WAITING");
        }
    }

    @Test
    void english_on_demand_and_remembered_on_the_tablet() {
        String agent = newAgent(server, "english");
        try (Tablet tablet = Tablet.open(server)) {
            tablet.waitForView("login");
            assertThat(tablet.text("login-submit")).isEqualTo("Se connecter");
            tablet.tap("lang-toggle");
            assertThat(tablet.text("login-submit")).isEqualTo("Log in");
            assertThat(tablet.script("return document.documentElement.lang")).isEqualTo("en");
            assertThat(tablet.script("return document.title")).isEqualTo("Guichet – counter");
            assertThat(tablet.driver.findElement(By.id("pause-other")).getDomAttribute("aria-label"))
                    .isEqualTo("Other reason");
            assertThat(tablet.driver.findElement(By.id("pause-other")).getDomAttribute("placeholder"))
                    .isEqualTo("Please specify");
            tablet.startAt(agent, "c2");
            assertThat(tablet.text("call-next")).contains("Call next").contains("Space");
            tablet.reload();
            tablet.waitForView("counter");
            tablet.waitForMode("idle");
            assertThat(tablet.text("status-pill")).isEqualTo("Open");
            tablet.tap("lang-toggle");
            assertThat(tablet.text("call-next")).contains("Appeler le suivant");
        }
    }

    @Test
    void logging_out_closes_the_counter_but_never_leaves_a_visitor_behind() {
        String agent = newAgent(server, "logout");
        JsonObject ticket = issue("svc-a");
        try (Tablet tablet = Tablet.open(server)) {
            tablet.startAt(agent, "c2");
            tablet.tap("call-next");
            tablet.waitForMode("called");
            tablet.tap("logout");
            tablet.waitForBanner("active_ticket");
            assertThat(tablet.view()).isEqualTo("counter");
            assertThat(status(server, ticket.getLong("id"))).isEqualTo("CALLED");

            tablet.tap("btn-no-show");
            tablet.waitForMode("idle");
            tablet.tap("logout");
            tablet.waitForView("login");
            assertThat(ok(server.get("/api/v1/counters/c2", server.adminToken())).getString("status"))
                    .isEqualTo("CLOSED");
            assertThat(tablet.storage("guichet.counter.id")).isEqualTo("c2");
            assertThat(tablet.script("return sessionStorage.getItem('guichet.counter.token')")).isNull();
        }
    }

    @Test
    void a_counter_open_by_a_colleague_is_shown_as_theirs_and_another_can_be_chosen() {
        String holderName = CounterFixture.uniqueName("holder");
        server.agentAtCounter(holderName, "s1", "c1");
        String agent = newAgent(server, "latecomer");
        try (Tablet tablet = Tablet.open(server)) {
            tablet.logIn(agent);
            tablet.choose("c1");
            tablet.waitForMode("other");
            assertThat(tablet.text("ticket-panel")).contains("Ce guichet est ouvert par " + holderName);
            assertThat(tablet.driver.findElements(By.id("call-next"))).isEmpty();
            tablet.tap("btn-change");
            tablet.choose("c3");
            tablet.tap("btn-open");
            tablet.waitForMode("idle");
            assertThat(tablet.storage("guichet.counter.id")).isEqualTo("c3");
        }
    }
}
