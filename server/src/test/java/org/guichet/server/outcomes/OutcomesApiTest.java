package org.guichet.server.outcomes;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.guichet.server.realtime.BridgeSocket;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.ok;

/**
 * What came of a visit, in one tap: the outcome codes a service offers, the partners of the orientation directory, the
 * checks on both, what the counter-top screen hears, and the statistics that count them.
 */
class OutcomesApiTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();
    private static String agent;
    private static String supervisor;
    private static String kiosk;

    @BeforeAll
    static void servicesWithOutcomesAndADirectory() {
        JsonObject deployment = TestServer.deployment();
        JsonArray services = deployment.getJsonArray("sites").getJsonObject(0).getJsonArray("services");
        services.getJsonObject(0).put("outcomes", new JsonArray()
                .add(outcome("complet", "Dossier complet", "Complete file"))
                .add(outcome("piece", "Pièce manquante", "Missing document")));
        services.getJsonObject(1).put("outcomes", new JsonArray().add(outcome("complet", "Demande traitée", null)));
        ok(server.put("/api/v1/admin/deployment", server.adminToken(), deployment));
        String admin = server.adminToken();
        assertThat(server.put("/api/v1/admin/directory/caf-13", admin, partner("CAF des Bouches-du-Rhône",
                "Organisme social", "https://www.caf.fr/allocataires/caf-des-bouches-du-rhone", "RSA",
                "prime d'activité")).statusCode()).isEqualTo(201);
        TestServer.status(server.put("/api/v1/admin/directory/prefecture-13", admin, partner(
                "Préfecture des Bouches-du-Rhône", "État", null, "carte grise", "titre de séjour")), 201);
        TestServer.status(server.put("/api/v1/admin/directory/old-office", admin, partner("Ancienne antenne", "Commune",
                null, "RSA")), 201);
        // closed since: it stays in the directory, inactive, for the orientations that name it
        ok(server.put("/api/v1/admin/directory/old-office", admin, partner("Ancienne antenne", "Commune", null, "RSA")
                .put("active", false)));
        agent = server.agentAtCounter("outcomes.agent", "s1", "c1");
        supervisor = server.agent("outcomes.supervisor", "supervisor", "s1");
        kiosk = server.deviceToken("kiosk-1");
    }

    private static JsonObject outcome(String id, String name, String english) {
        JsonObject outcome = new JsonObject().put("id", id).put("name", name);
        return english == null ? outcome : outcome.put("translations", new JsonObject().put("en", english));
    }

    private static JsonObject partner(String name, String kind, String web, String... keywords) {
        JsonObject partner = new JsonObject().put("name", name).put("kind", kind)
                .put("address", "1 rue de l'Exemple, 13000 Marseille").put("hours", "lun.-ven. 8:30-16:30")
                .put("phone", "+33 4 00 00 00 00").put("keywords", new JsonArray(List.of(keywords)));
        return web == null ? partner : partner.put("web", web);
    }

    /** A ticket of the service, called and being served at c1. */
    private static long serving(String serviceId) {
        long ticket = server.issue(kiosk, serviceId).getLong("id");
        ok(server.post("/api/v1/tickets/" + ticket + "/call", agent, new JsonObject().put("counterId", "c1")));
        ok(server.post("/api/v1/tickets/" + ticket + "/start", agent, null));
        return ticket;
    }

    private static HttpResponse<Buffer> finish(long ticket, JsonObject body) {
        return server.post("/api/v1/tickets/" + ticket + "/finish", agent, body);
    }

    private static String status(long ticket) {
        return ok(server.get("/api/v1/tickets/" + ticket, agent)).getString("status");
    }

    private static List<String> names(HttpResponse<Buffer> response) {
        return ok(response).getJsonArray("partners").stream().map(p -> ((JsonObject) p).getString("name")).toList();
    }

    @Test
    void agents_find_active_partners_by_any_word_whatever_the_case_and_accents() {
        assertThat(names(server.get("/api/v1/directory", agent)))
                .containsExactly("CAF des Bouches-du-Rhône", "Préfecture des Bouches-du-Rhône");
        assertThat(names(server.get("/api/v1/directory?q=rsa", agent))).containsExactly("CAF des Bouches-du-Rhône");
        assertThat(names(server.get("/api/v1/directory?q=PREFECTURE%20bouches", agent)))
                .containsExactly("Préfecture des Bouches-du-Rhône");
        assertThat(names(server.get("/api/v1/directory?q=carte%20grise", agent)))
                .containsExactly("Préfecture des Bouches-du-Rhône");
        assertThat(names(server.get("/api/v1/directory?q=nothing-like-this", agent))).isEmpty();
        assertThat(names(server.get("/api/v1/admin/directory", server.adminToken())))
                .as("administrators see inactive entries too").contains("Ancienne antenne");
        assertThat(server.get("/api/v1/directory", kiosk).statusCode()).isEqualTo(403);
        assertThat(server.get("/api/v1/directory?q=" + "x".repeat(101), agent).statusCode()).isEqualTo(400);
    }

    @Test
    void only_administrators_of_every_site_keep_the_directory_and_bad_entries_are_refused() {
        String siteAdmin = server.agent("outcomes.siteadmin", "admin", "s1");
        JsonObject entry = partner("Mairie", "Commune", null);
        assertThat(server.put("/api/v1/admin/directory/mairie", siteAdmin, entry).statusCode()).isEqualTo(403);
        assertThat(server.put("/api/v1/admin/directory/mairie", agent, entry).statusCode()).isEqualTo(403);
        assertThat(server.get("/api/v1/admin/directory", supervisor).statusCode()).isEqualTo(403);
        String admin = server.adminToken();
        for (JsonObject bad : List.of(entry.copy().put("web", "javascript:alert(1)"), entry.copy().putNull("name"),
                entry.copy().put("phone", "call us"),
                entry.copy().put("keywords", new JsonArray().add("x".repeat(41))), entry.copy().put("active", "yes"))) {
            HttpResponse<Buffer> refused = server.put("/api/v1/admin/directory/mairie", admin, bad);
            assertThat(refused.statusCode()).as(bad.encode()).isEqualTo(400);
            assertThat(refused.bodyAsJsonObject().getString("message")).isNotBlank();
        }
        assertThat(server.put("/api/v1/admin/directory/Not%20An%20Id", admin, entry).statusCode()).isEqualTo(400);
        assertThat(names(server.get("/api/v1/admin/directory", admin))).doesNotContain("Mairie");
    }

    @Test
    void an_outcome_must_be_one_of_the_tickets_service_and_a_partner_active_else_nothing_changes() {
        long ticket = serving("svc-b");
        HttpResponse<Buffer> otherService = finish(ticket, new JsonObject().put("outcomeId", "piece"));
        assertThat(otherService.statusCode()).isEqualTo(400);
        assertThat(otherService.bodyAsJsonObject().getString("error")).isEqualTo("unknown_outcome");
        assertThat(finish(ticket, new JsonObject().put("outcomeId", "nope")).bodyAsJsonObject().getString("error"))
                .isEqualTo("unknown_outcome");
        assertThat(finish(ticket, new JsonObject().put("orientedTo", "old-office")).bodyAsJsonObject()
                .getString("error")).isEqualTo("unknown_partner");
        assertThat(finish(ticket, new JsonObject().put("orientedTo", "nowhere")).statusCode()).isEqualTo(400);
        assertThat(status(ticket)).isEqualTo("SERVING");
        assertThat(server.sql("SELECT count(*) AS n FROM ticket_event WHERE ticket_id = $1 AND kind = 'FINISH'",
                ticket).get(0).getLong("n")).isZero();

        ok(finish(ticket, new JsonObject().put("outcomeId", "complet")));
        assertThat(status(ticket)).isEqualTo("DONE");
    }

    @Test
    void orienting_a_visitor_shows_the_partner_on_the_counter_top_screen_without_keywords_or_agent() {
        long ticket = serving("svc-a");
        try (BridgeSocket screen = BridgeSocket.connect(server.vertx(), server.port())) {
            screen.register("guichet.counter.c1", server.tokenOf("cscreen-1"));
            screen.awaitRegistered("guichet.counter.c1");

            ok(finish(ticket, new JsonObject().put("outcomeId", "piece").put("orientedTo", "caf-13")));

            JsonObject message = screen.nextOn("guichet.counter.c1", "orientation").getJsonObject("body");
            JsonObject partner = message.getJsonObject("partner");
            assertThat(partner.getString("name")).isEqualTo("CAF des Bouches-du-Rhône");
            assertThat(partner.getString("address")).isEqualTo("1 rue de l'Exemple, 13000 Marseille");
            assertThat(partner.getString("phone")).isEqualTo("+33 4 00 00 00 00");
            assertThat(partner.fieldNames()).doesNotContain("keywords", "active", "id");
            assertThat(message.encode()).doesNotContain("outcomes.agent", "piece", "agentId");
            String svg = new String(Base64.getDecoder().decode(partner.getString("webQr")
                    .substring("data:image/svg+xml;base64,".length())));
            assertThat(svg).startsWith("<svg").contains("<path d=\"M");
        }
        JsonArray events = server.get("/api/v1/tickets/" + ticket + "/events", agent).bodyAsJsonArray();
        JsonObject finished = events.stream().map(JsonObject.class::cast)
                .filter(event -> event.getString("kind").equals("FINISH")).findFirst().orElseThrow();
        assertThat(finished.getJsonObject("data")).isEqualTo(new JsonObject().put("outcomeId", "piece")
                .put("orientedTo", "caf-13"));
    }

    @Test
    void statistics_count_outcomes_and_orientations_per_site_and_hour() {
        JsonObject before = outcomes();
        long complete = serving("svc-a");
        ok(finish(complete, new JsonObject().put("outcomeId", "complet").put("outcome", "RAS")));
        long missing = serving("svc-a");
        ok(finish(missing, new JsonObject().put("outcomeId", "piece").put("orientedTo", "prefecture-13")));
        long plain = serving("svc-a");
        ok(finish(plain, new JsonObject()));
        long noShow = server.issue(kiosk, "svc-a").getLong("id");
        ok(server.post("/api/v1/tickets/" + noShow + "/call", agent, new JsonObject().put("counterId", "c1")));
        ok(server.post("/api/v1/tickets/" + noShow + "/no-show", agent, null));

        JsonObject after = outcomes();
        JsonObject total = after.getJsonObject("total");
        assertThat(total.getLong("served") - before.getJsonObject("total").getLong("served")).isEqualTo(3);
        assertThat(count(after, "outcomes", "complet") - count(before, "outcomes", "complet")).isEqualTo(1);
        assertThat(count(after, "outcomes", "piece") - count(before, "outcomes", "piece")).isEqualTo(1);
        assertThat(count(after, "orientations", "prefecture-13") - count(before, "orientations", "prefecture-13"))
                .isEqualTo(1);
        JsonObject piece = row(after, "outcomes", "piece");
        assertThat(piece.getString("label")).isEqualTo("Pièce manquante");
        assertThat(row(after, "orientations", "prefecture-13").getString("label"))
                .isEqualTo("Préfecture des Bouches-du-Rhône");
        long hourSum = piece.getJsonArray("hours").stream().mapToLong(n -> ((Number) n).longValue()).sum();
        assertThat(hourSum).isEqualTo(piece.getLong("count"));
        assertThat(piece.getDouble("share")).isEqualTo(
                Math.round(10000.0 * piece.getLong("count") / total.getLong("served")) / 10000.0);
        JsonObject site = after.getJsonArray("sites").getJsonObject(0);
        assertThat(site.getString("siteId")).isEqualTo("s1");
        assertThat(site.getLong("served")).isEqualTo(total.getLong("served"));

        assertThat(server.get("/api/v1/stats/outcomes?siteId=s1", agent).statusCode()).isEqualTo(403);
        assertThat(server.get("/api/v1/stats/outcomes?siteId=nowhere", supervisor).statusCode()).isEqualTo(400);
    }

    private static JsonObject outcomes() {
        return ok(server.get("/api/v1/stats/outcomes?siteId=s1", supervisor));
    }

    private static JsonObject row(JsonObject stats, String list, String key) {
        return stats.getJsonObject("total").getJsonArray(list).stream().map(JsonObject.class::cast)
                .filter(row -> row.getString("key").equals(key)).findFirst().orElse(null);
    }

    private static long count(JsonObject stats, String list, String key) {
        JsonObject row = row(stats, list, key);
        return row == null ? 0 : row.getLong("count");
    }
}
