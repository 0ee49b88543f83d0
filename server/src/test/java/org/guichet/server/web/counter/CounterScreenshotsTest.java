package org.guichet.server.web.counter;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.server.testing.MutableClock;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.ok;

/**
 * A busy morning at Guichet 1, photographed at 10-inch tablet sizes (1280×800 landscape, 800×1280 portrait) into
 * target/screenshots for review, with checks that nothing overflows and every touch target is at least 44 px.
 */
class CounterScreenshotsTest {

    private static final MutableClock CLOCK = MutableClock.withinTheDayInParis(Duration.ofMinutes(40));

    @RegisterExtension
    static final TestServer server = TestServer.perClass().withClock(CLOCK);

    private static void minutes(int minutes) {
        CLOCK.advance(Duration.ofMinutes(minutes));
    }

    /** @param issuer a kiosk's token, or an agent's for an appointment (a device may not give that priority) */
    private static long issueWithPriority(String issuer, String serviceId, String priority) {
        JsonObject body = new JsonObject().put("serviceId", serviceId).put("priority", priority);
        var response = server.post("/api/v1/tickets", issuer, body);
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
        return response.bodyAsJsonObject().getLong("id");
    }

    private static long act(String token, String path, JsonObject body) {
        return ok(server.post("/api/v1" + path, token, body)).getLong("id");
    }

    /** Serves one visitor through the API as the given agent, so that "my day" has figures. */
    private static void serveOne(String token, String counterId, int walk, int service) {
        long id = act(token, "/counters/" + counterId + "/call-next", null);
        CLOCK.advance(Duration.ofSeconds(walk));
        act(token, "/tickets/" + id + "/start", null);
        CLOCK.advance(Duration.ofSeconds(service));
        act(token, "/tickets/" + id + "/finish", null);
    }

    @Test
    void a_busy_morning_at_tablet_sizes() throws IOException {
        String admin = server.adminToken();
        var created = server.post("/api/v1/admin/agents", admin, new JsonObject().put("username", "camille.martin")
                .put("displayName", "Camille Martin").put("password", TestServer.INITIAL_AGENT_PASSWORD)
                .put("role", "agent").put("siteIds", new JsonArray().add("s1")));
        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
        String camille = server.firstLogin("camille.martin");
        String colleague = server.agentAtCounter("jean.dupont", "s1", "c2");

        // Camille's morning so far: three visitors served.
        ok(server.post("/api/v1/counters/c1/open", camille, null));
        for (int visitor = 0; visitor < 3; visitor++) {
            server.issue(server.tokenOf("kiosk-1"), "svc-a");
            minutes(4);
            serveOne(camille, "c1", 40, 330 + visitor * 60);
        }
        ok(server.post("/api/v1/counters/c1/close", camille, null));

        // The queue: a few people waiting since long before their service's target, newcomers, priorities.
        JsonObject transferred = server.issue(server.tokenOf("kiosk-1"), "svc-a");
        server.issue(server.tokenOf("kiosk-1"), "svc-b");
        server.issue(server.tokenOf("kiosk-1"), "svc-b");
        minutes(3);
        act(colleague, "/tickets/" + transferred.getLong("id") + "/call", new JsonObject().put("counterId", "c2"));
        minutes(1);
        act(colleague, "/tickets/" + transferred.getLong("id") + "/start", null);
        minutes(4);
        long moved = act(colleague, "/tickets/" + transferred.getLong("id") + "/transfer", new JsonObject()
                .put("counterId", "c1")
                .put("note", "Demande d’APA : il manque le justificatif de domicile. Voir avec Camille."));
        minutes(5);
        server.issue(server.tokenOf("kiosk-1"), "svc-a");
        issueWithPriority(server.tokenOf("kiosk-1"), "svc-a", "PRIORITY");
        server.issue(server.tokenOf("kiosk-1"), "svc-b");
        minutes(2);
        issueWithPriority(colleague, "svc-b", "APPOINTMENT");
        server.issue(server.tokenOf("kiosk-1"), "svc-a");
        server.issue(server.tokenOf("kiosk-1"), "svc-a");
        minutes(1);
        server.issue(server.tokenOf("kiosk-1"), "svc-b");
        server.issue(server.tokenOf("kiosk-1"), "svc-a");

        try (Tablet tablet = Tablet.open(server, 1280, 800)) {
            tablet.waitForView("login");
            tablet.screenshot("counter-login-landscape");
            tablet.logIn("camille.martin");
            tablet.waitForView("choose");
            tablet.screenshot("counter-choose-landscape");
            tablet.choose("c1");
            tablet.screenshot("counter-closed-landscape");
            tablet.tap("btn-open");
            tablet.waitForMode("idle");
            tablet.waitFor("the live connection", () -> "open".equals(tablet.live()));
            assertThat(tablet.waitingNumbers()).hasSize(11);
            assertThat(tablet.driver.findElements(By.cssSelector(".waiting-row.over-target"))).isNotEmpty();
            tablet.screenshot("counter-idle-landscape");
            checkLayout(tablet, 1280, 800);

            tablet.tap("call-" + moved);
            tablet.waitForMode("called");
            tablet.tap("btn-recall");
            minutes(1);
            tablet.tap("btn-start");
            tablet.waitForMode("serving");
            minutes(3);
            tablet.reload();
            tablet.waitForMode("serving");
            tablet.driver.findElement(By.id("outcome")).sendKeys("dossier-incomplet");
            Path landscape = tablet.screenshot("counter-serving-landscape");
            checkLayout(tablet, 1280, 800);
            assertThat(size(landscape)).isEqualTo(new int[]{1280, 800});

            tablet.resize(800, 1280);
            tablet.waitFor("the portrait layout", () -> tablet.driver.findElement(By.id("waiting-panel")).getRect()
                    .getY() > tablet.driver.findElement(By.id("actions")).getRect().getY());
            Path portrait = tablet.screenshot("counter-serving-portrait");
            checkLayout(tablet, 800, 1280);
            assertThat(size(portrait)).isEqualTo(new int[]{800, 1280});

            tablet.resize(1280, 800);
            tablet.tap("btn-transfer");
            tablet.driver.findElement(By.id("transfer-note")).sendKeys("Rendez-vous pris pour jeudi.");
            tablet.screenshot("counter-transfer-dialog-landscape");
            tablet.driver.findElement(By.cssSelector("#transfer-dialog .cancel")).click();

            tablet.tap("btn-finish");
            tablet.waitForMode("idle");
            tablet.resize(800, 1280);
            tablet.screenshot("counter-idle-portrait");
            checkLayout(tablet, 800, 1280);

            tablet.tap("btn-pause");
            tablet.screenshot("counter-pause-dialog-portrait");
            tablet.driver.findElement(By.id("pause-confirm")).click();
            tablet.waitForMode("paused");
            tablet.screenshot("counter-paused-portrait");

            tablet.resize(1280, 800);
            tablet.tap("lang-toggle");
            tablet.tap("btn-resume");
            tablet.waitForMode("idle");
            tablet.screenshot("counter-idle-landscape-en");
        }
    }

    /** Nothing wider than the screen, and every button and field a finger can hit (44 px or more). */
    private static void checkLayout(Tablet tablet, int width, int height) {
        Object overflow = tablet.script("return document.documentElement.scrollWidth");
        assertThat(((Number) overflow).intValue()).as("page width").isLessThanOrEqualTo(width);
        @SuppressWarnings("unchecked")
        java.util.List<String> tooSmall = (java.util.List<String>) tablet.script("""
                const targets = 'button, input:not([type=radio]), select, textarea, label.option, summary';
                return [...document.querySelectorAll(targets)]
                    .filter(el => el.offsetParent !== null)
                    .filter(el => { const r = el.getBoundingClientRect(); return r.height < 44 || r.width < 44; })
                    .map(el => { const r = el.getBoundingClientRect();
                                 return `${el.id || el.className || el.tagName} ${r.width}x${r.height}`; });
                """);
        assertThat(tooSmall).as("touch targets under 44 px at " + width + "x" + height).isEmpty();
    }

    private static int[] size(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        return new int[]{image.getWidth(), image.getHeight()};
    }
}
