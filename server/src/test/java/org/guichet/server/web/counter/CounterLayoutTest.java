package org.guichet.server.web.counter;

import io.vertx.core.json.JsonObject;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.ok;
import static org.guichet.server.web.counter.CounterFixture.newAgent;

/**
 * The tablet's layout measured in the browser at 10-inch (1280×800, 800×1280) and smaller (1024×768, 768×1024) tablet
 * sizes, with real service names: the waiting list shows them whole, the outcome comes before the button that sends it,
 * and the command buttons keep their words on one line (two at most on the smallest screen).
 */
class CounterLayoutTest {

    private static final String LONG_A = "Allocation personnalisée d’autonomie (APA) à domicile";
    private static final String LONG_B = "Revenu de solidarité active et accompagnement";

    /** Width, height, and how many lines a command button's words may take there. */
    private static final List<int[]> SIZES = List.of(new int[]{1280, 800, 1}, new int[]{800, 1280, 1},
            new int[]{1024, 768, 1}, new int[]{768, 1024, 2});

    @RegisterExtension
    static final TestServer server = TestServer.perClass();
    private static Tablet tablet;

    @BeforeAll
    static void realNamesAndAQueue() {
        rename("svc-a", LONG_A);
        rename("svc-b", LONG_B);
        for (int i = 0; i < 3; i++) {
            server.issue(server.tokenOf("kiosk-1"), "svc-a");
            server.issue(server.tokenOf("kiosk-1"), "svc-b");
        }
        tablet = Tablet.open(server);
        tablet.startAt(newAgent(server, "layout"), "c1");
        tablet.waitFor("the waiting list", () -> tablet.waitingNumbers().size() == 6);
    }

    @AfterAll
    static void closeAndRestore() {
        if (tablet != null) {
            tablet.close();
        }
        CounterFixture.resetSite(server);
        ok(server.put("/api/v1/admin/deployment", server.adminToken(), TestServer.deployment()));
    }

    private static void rename(String serviceId, String name) {
        JsonObject site = ok(server.get("/api/v1/admin/sites/s1", server.adminToken()));
        JsonObject service = site.getJsonArray("services").stream().map(JsonObject.class::cast)
                .filter(s -> s.getString("id").equals(serviceId)).findFirst().orElseThrow().copy();
        service.remove("id");
        ok(server.put("/api/v1/admin/sites/s1/services/" + serviceId, server.adminToken(),
                service.put("name", name).put("revision", site.getInteger("revision"))));
    }

    private static void at(int[] size) {
        tablet.resize(size[0], size[1]);
        tablet.waitFor("the viewport at " + size[0] + "x" + size[1],
                () -> ((Number) tablet.script("return innerWidth")).intValue() == size[0]);
    }

    /** Elements (by id or class) whose text is cut: wider content than box, or the names not all shown. */
    @SuppressWarnings("unchecked")
    private static List<String> cutServiceNames() {
        return (List<String>) tablet.script("""
                return [...document.querySelectorAll('#waiting-list .service')]
                    .filter(cell => cell.scrollWidth > cell.clientWidth || cell.scrollHeight > cell.clientHeight + 1)
                    .map(cell => `${cell.textContent} ${cell.scrollWidth}>${cell.clientWidth}`);
                """);
    }

    /** How many line boxes each shown command button's words take, by id. */
    @SuppressWarnings("unchecked")
    private static Map<String, Long> buttonLines() {
        return (Map<String, Long>) tablet.script("""
                const lines = {};
                document.querySelectorAll('#actions button.act .label').forEach(label => {
                    const range = document.createRange();
                    range.selectNodeContents(label);
                    const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
                    lines[label.closest('button').id] = tops.size;
                });
                return lines;
                """);
    }

    @Test
    void the_waiting_list_shows_whole_service_names_at_every_tablet_size() {
        tablet.waitForMode("idle");
        for (int[] size : SIZES) {
            at(size);
            assertThat(tablet.text("waiting-list")).contains(LONG_A).contains(LONG_B);
            assertThat(cutServiceNames()).as("service names cut at " + size[0] + "x" + size[1]).isEmpty();
            tablet.screenshot("counter-long-names-" + size[0] + "x" + size[1]);
        }
    }

    @Test
    void called_buttons_keep_their_words_on_one_line_and_the_outcome_comes_before_finish() {
        tablet.tap("call-next");
        tablet.waitForMode("called");
        for (int[] size : SIZES) {
            at(size);
            Map<String, Long> lines = buttonLines();
            assertThat(lines).as("buttons when called").containsKey("btn-requeue");
            assertThat(lines).as("lines of each button's words at " + size[0] + "x" + size[1])
                    .allSatisfy((id, count) -> assertThat(count).as(id).isLessThanOrEqualTo(size[2]));
        }
        tablet.tap("btn-start");
        tablet.waitForMode("serving");
        for (int[] size : SIZES) {
            at(size);
            String where = " at " + size[0] + "x" + size[1];
            assertThat(tablet.script("return !!(document.getElementById('outcome').compareDocumentPosition("
                    + "document.getElementById('btn-finish')) & Node.DOCUMENT_POSITION_FOLLOWING)"))
                    .as("the outcome field comes before Terminer in the document" + where).isEqualTo(true);
            assertThat(tablet.script("""
                    const field = document.getElementById('outcome').getBoundingClientRect();
                    const finish = document.getElementById('btn-finish').getBoundingClientRect();
                    const above = field.bottom <= finish.top;
                    const leftOnSameRow = field.right <= finish.left && field.top < finish.bottom
                        && finish.top < field.bottom;
                    return above || leftOnSameRow;
                    """)).as("the outcome field is above or left of Terminer" + where).isEqualTo(true);
            assertThat(buttonLines()).as("lines of each button's words" + where)
                    .allSatisfy((id, count) -> assertThat(count).as(id).isLessThanOrEqualTo(size[2]));
        }
        tablet.tap("btn-finish");
        tablet.waitForMode("idle");
    }
}
