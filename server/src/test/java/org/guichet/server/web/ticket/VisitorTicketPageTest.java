package org.guichet.server.web.ticket;

import io.vertx.core.json.JsonObject;
import org.guichet.server.testing.TestServer;
import org.guichet.server.web.Accessibility;
import org.guichet.server.web.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.ok;

/** The page a visitor opens from the QR code on the ticket: where they stand, then where to go, live. */
class VisitorTicketPageTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static ChromeDriver phone;

    @BeforeAll
    static void setUp() {
        JsonObject deployment = TestServer.deployment();
        deployment.getJsonArray("sites").getJsonObject(0).getJsonArray("rooms").getJsonObject(0)
                .put("building", "Bâtiment A").put("floor", "rez-de-chaussée").put("directions", "Suivre la ligne bleue")
                .put("translations", new JsonObject().put("es", new JsonObject().put("name", "Sala 1")
                        .put("directions", "Siga la línea azul.")));
        TestServer.ok(server.put("/api/v1/admin/deployment", server.adminToken(), deployment));
        phone = Browser.open(412, 915);
    }

    @AfterAll
    static void stop() {
        if (phone != null) {
            phone.quit();
        }
        server.close();
    }

    private static String text(String id) {
        return phone.findElement(By.id(id)).getText();
    }

    @Test
    void the_visitor_sees_people_ahead_then_the_counter_when_called() {
        String kiosk = server.deviceToken("kiosk-1");
        String agent = server.agentAtCounter("ticket.page.agent", "s1", "c2");
        server.issue(kiosk, "svc-a");
        JsonObject mine = server.post("/api/v1/tickets", kiosk, new JsonObject().put("serviceId", "svc-a")
                .put("language", "es")).bodyAsJsonObject();

        phone.get(server.baseUrl() + "/ticket/" + mine.getString("statusToken"));
        Browser.waitUpTo(phone, Duration.ofSeconds(5)).until(driver -> text("number").equals(mine.getString("number")));
        assertThat(text("state")).isEqualTo("1 persona delante de usted.");
        assertThat(text("site")).isEqualTo("Site Un – bâtiment A");
        assertThat(text("where")).isEqualTo("Espere en: Sala 1, Bâtiment A, rez-de-chaussée. Siga la línea azul.");

        server.post("/api/v1/counters/c2/call-next", agent, null);
        server.post("/api/v1/tickets/" + (mine.getLong("id") - 1) + "/no-show", agent, null);
        server.post("/api/v1/counters/c2/call-next", agent, null);
        // Pushed over the event bus: well before the page's 20 s re-read.
        Browser.waitUpTo(phone, Duration.ofSeconds(3)).until(driver -> text("state").equals("Diríjase a Guichet 2."));
        assertThat(phone.findElement(By.id("ticket")).getAttribute("class")).contains("called");
        Browser.screenshot(phone, "visitor-ticket-called");
        assertThat(Accessibility.violations(phone)).isEmpty();

        server.post("/api/v1/tickets/" + mine.getLong("id") + "/start", agent, null);
        server.post("/api/v1/tickets/" + mine.getLong("id") + "/finish", agent, new JsonObject());
        Browser.waitUpTo(phone, Duration.ofSeconds(3)).until(driver -> text("state").startsWith("Su visita"));
        assertThat(phone.findElement(By.id("where")).isDisplayed()).as("no more wait: no more room").isFalse();
        assertThat(Accessibility.violations(phone)).isEmpty();
    }

    @Test
    void the_visitor_is_told_the_estimated_wait_then_warned_when_three_people_are_left_before_them() {
        String kiosk = server.deviceToken("kiosk-1");
        String agent = server.agentAtCounter("ticket.page.warned", "s1", "c3");
        List<Long> before = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            before.add(server.issue(kiosk, "svc-c").getLong("id"));
        }
        JsonObject mine = server.post("/api/v1/tickets", kiosk, new JsonObject().put("serviceId", "svc-c")
                .put("language", "fr")).bodyAsJsonObject();
        assertThat(mine.getInteger("estimatedWaitMinutes")).isEqualTo(40);

        phone.get(server.baseUrl() + "/ticket/" + mine.getString("statusToken"));
        Browser.waitUpTo(phone, Duration.ofSeconds(5)).until(driver -> text("number").equals(mine.getString("number")));
        assertThat(text("state")).isEqualTo("5 personnes avant vous.");
        assertThat(text("estimate")).as("the kiosk's estimate, from the same estimator")
                .isEqualTo("Attente estimée : environ 40 min.");
        assertThat(phone.findElement(By.id("soon")).isDisplayed()).isFalse();

        for (long other : before.subList(0, 2)) {
            ok(server.post("/api/v1/counters/c3/call-next", agent, null));
            ok(server.post("/api/v1/tickets/" + other + "/no-show", agent, null));
        }
        // Others' calls are not this ticket's news: the page reads its ticket again every 20 s, here at once.
        phone.executeScript("window.guichetVisitor.refresh()");
        Browser.waitUpTo(phone, Duration.ofSeconds(5)).until(driver -> phone.findElement(By.id("soon")).isDisplayed());
        assertThat(text("soon")).isEqualTo("Plus que 3 personnes avant vous : revenez dans la salle d’attente.");
        assertThat(text("state")).isEqualTo("3 personnes avant vous.");
        assertThat(phone.findElement(By.id("soon")).getAttribute("role")).isEqualTo("alert");
        assertThat(String.valueOf(phone.executeScript("return window.guichetVisitor.alerts[0]"))).isEqualTo("shown");
        long alerts = (Long) phone.executeScript("return window.guichetVisitor.alerts.length");
        phone.executeScript("return window.guichetVisitor.refresh()");
        assertThat(text("soon")).isEqualTo("Plus que 3 personnes avant vous : revenez dans la salle d’attente.");
        assertThat((Long) phone.executeScript("return window.guichetVisitor.alerts.length"))
                .as("warned once, not at every read").isEqualTo(alerts);
        Browser.screenshot(phone, "visitor-ticket-soon");
        assertThat(Accessibility.violations(phone)).isEmpty();
    }

    @Test
    void an_unknown_ticket_says_so_plainly() {
        phone.get(server.baseUrl() + "/ticket/AAAAAAAAAAAAAAAAAAAAAA");
        Browser.waitUpTo(phone, Duration.ofSeconds(5)).until(driver -> text("state").startsWith("Ce ticket est"));
        assertThat(text("state")).contains("introuvable");
    }
}
