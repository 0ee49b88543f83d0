package org.guichet.server.web.display;

import io.vertx.core.json.JsonObject;
import org.guichet.server.testing.TestServer;
import org.guichet.server.web.Browser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.ok;

/**
 * The waiting-room screen's layout in real Chromium at the two sizes it is installed at, with a council's long names:
 * the current call fits its card, and the called number and counter are tall enough to be read from the back of the
 * room ({@link LegibilityRule}).
 */
class RoomScreenLayoutTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();
    private static String screen;
    private static List<JsonObject> called;
    /** The repository's docs folder (tests run in server/). */
    private static final Path DOCS = Path.of("..", "docs");

    /**
     * Each part of the current-call panel, how far it sticks out of the card, and how much of its own text it cuts
     * off (wider than its box, or lines clamped away), in CSS pixels: all 0 when it fits.
     */
    static final String OVERFLOW = """
            const unclampedHeight = element => {
              element.style.webkitLineClamp = 'none';
              const height = element.getBoundingClientRect().height;
              element.style.webkitLineClamp = '';
              return height;
            };
            const card = document.getElementById('current').getBoundingClientRect();
            return ['current-label', 'current-number', 'current-counter'].map(id => {
              const element = document.getElementById(id);
              const part = element.getBoundingClientRect();
              return { id, above: Math.max(0, card.top - part.top), below: Math.max(0, part.bottom - card.bottom),
                       left: Math.max(0, card.left - part.left), right: Math.max(0, part.right - card.right),
                       cut: Math.max(0, element.scrollWidth - element.clientWidth, unclampedHeight(element) - part.height) };
            });
            """;

    /** Every element of the page that lies (partly) off the screen, e.g. "li.recent-row right 340". */
    private static final String OFF_SCREEN = """
            const off = [];
            for (const element of document.body.querySelectorAll('*')) {
              const box = element.getBoundingClientRect();
              if (box.width === 0 && box.height === 0) { continue; }
              const name = element.id || `${element.tagName.toLowerCase()}.${element.className}`;
              if (box.left < -0.5) { off.push(`${name} left ${-box.left}`); }
              if (box.top < -0.5) { off.push(`${name} top ${-box.top}`); }
              if (box.right > innerWidth + 0.5) { off.push(`${name} right ${box.right - innerWidth}`); }
              if (box.bottom > innerHeight + 0.5) { off.push(`${name} bottom ${box.bottom - innerHeight}`); }
            }
            return off;
            """;

    /**
     * The last calls as the screen shows them: the numbers of the rows it shows (in order), and each part of a shown
     * row that sticks out of it, above or below (e.g. "recent-number A003"). A row left out has no height.
     */
    private static final String RECENT_ROWS = """
            const shown = [], cut = [];
            for (const row of document.querySelectorAll('#recent-list .recent-row')) {
              const box = row.getBoundingClientRect();
              if (box.height < 1) { continue; }
              shown.push(row.querySelector('.recent-number').textContent);
              for (const part of row.children) {
                const inner = part.getBoundingClientRect();
                if (inner.top < box.top - 0.5 || inner.bottom > box.bottom + 0.5) {
                  cut.push(`${part.className} ${part.textContent}`);
                }
              }
            }
            return { shown, cut };
            """;

    /**
     * The rendered cap height of an element's text: the height above the baseline of a capital H drawn by the browser
     * in the element's computed font (what the legibility rule bounds), and the ascent of its own text.
     */
    private static final String CAP_HEIGHT = """
            const element = document.getElementById(arguments[0]);
            const style = getComputedStyle(element);
            const context = document.createElement('canvas').getContext('2d');
            context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
            return { cap: context.measureText('H').actualBoundingBoxAscent,
                     text: context.measureText(element.textContent).actualBoundingBoxAscent,
                     fontSize: style.fontSize };
            """;

    @BeforeAll
    static void setUp() {
        ok(server.put("/api/v1/admin/deployment", server.adminToken(), RoomScene.longNames()));
        screen = server.tokenOf("screen-1");
        String agentC1 = server.agentAtCounter("layout.agent1", "s1", "c1");
        String agentC2 = server.agentAtCounter("layout.agent2", "s1", "c2");
        called = RoomScene.busyMorning(server, agentC1, agentC2);
    }

    private static void openRoom(ScreenPage page) {
        page.open(server.baseUrl() + "/display/?token=" + screen + "&message="
                + java.net.URLEncoder.encode(RoomScene.MESSAGE, java.nio.charset.StandardCharsets.UTF_8));
        page.awaitRoomReady();
        page.await(Duration.ofSeconds(10), d -> page.text("waiting-list").contains("4 personnes"));
        assertThat(page.text("current-number")).isEqualTo(called.getLast().getString("number"));
        assertThat(page.text("current-counter")).isEqualTo(RoomScene.LONG_COUNTER);
        assertThat(page.text("waiting-list")).contains(RoomScene.LONG_SERVICE);
    }

    @Test
    void the_current_call_fits_its_card_and_the_last_calls_their_rows_in_landscape_and_in_portrait() {
        for (int[] size : new int[][] {{1920, 1080}, {1080, 1920}}) {
            ScreenPage.inBrowser(size[0], size[1], page -> {
                openRoom(page);
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> overflow = (List<Map<String, Object>>) page.script(OVERFLOW);
                assertThat(overflow).as("at %dx%d", size[0], size[1]).allSatisfy(part ->
                        assertThat(List.of(part.get("above"), part.get("below"), part.get("left"), part.get("right"),
                                        part.get("cut")))
                                .as("%s sticks out of the card (above, below, left, right) or cuts its text",
                                        part.get("id"))
                                .allSatisfy(by -> assertThat(((Number) by).doubleValue()).isZero()));
                assertThat(page.script(OFF_SCREEN)).as("parts of the page off the screen at %dx%d", size[0], size[1])
                        .isEqualTo(List.of());
                @SuppressWarnings("unchecked")
                Map<String, List<String>> recent = (Map<String, List<String>>) page.script(RECENT_ROWS);
                assertThat(recent.get("cut")).as("last calls cut by their row at %dx%d", size[0], size[1]).isEmpty();
                List<String> newestFirst = called.subList(0, 6).reversed().stream()
                        .map(ticket -> ticket.getString("number")).toList();
                assertThat(recent.get("shown")).as("last calls shown at %dx%d, newest first", size[0], size[1])
                        .hasSizeGreaterThanOrEqualTo(2)
                        .isEqualTo(newestFirst.subList(0, recent.get("shown").size()));
            });
        }
    }

    @Test
    void the_called_number_and_counter_are_tall_enough_to_read_from_the_back_of_the_room() {
        for (int[] size : new int[][] {{1920, 1080}, {1080, 1920}}) {
            int minimum = LegibilityRule.WAITING_ROOM.minimumCapHeightPx(size[0], size[1]);
            System.out.println(LegibilityRule.WAITING_ROOM.describe(size[0], size[1]));
            ScreenPage.inBrowser(size[0], size[1], page -> {
                openRoom(page);
                for (String part : List.of("current-number", "current-counter")) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> measured = (Map<String, Object>) page.script(CAP_HEIGHT, part);
                    double cap = ((Number) measured.get("cap")).doubleValue();
                    double text = ((Number) measured.get("text")).doubleValue();
                    System.out.printf("%dx%d %s: cap height %.1f px (text ascent %.1f px, font %s), minimum %d px%n",
                            size[0], size[1], part, cap, text, measured.get("fontSize"), minimum);
                    assertThat(cap).as("%s's cap height at %dx%d (%s)", part, size[0], size[1],
                            LegibilityRule.WAITING_ROOM.describe(size[0], size[1])).isGreaterThanOrEqualTo(minimum);
                    assertThat(text).as("%s's own characters at %dx%d", part, size[0], size[1])
                            .isGreaterThanOrEqualTo(minimum);
                }
            });
        }
    }

    /**
     * Screenshots of the room screen with a realistic call and history, at both sizes, written to target/screenshots;
     * with -Dguichet.docs.screenshots=true also to docs/room-screen-WxH.png (how the committed ones are made again).
     */
    @Test
    void screenshots_of_the_room_screen_at_both_sizes() {
        for (int[] size : new int[][] {{1920, 1080}, {1080, 1920}}) {
            ScreenPage.inBrowser(size[0], size[1], page -> {
                openRoom(page);
                assertThat(page.script("return [...document.querySelectorAll('#recent-list .recent-number')]"
                        + ".map(n => n.textContent)")).isEqualTo(called.subList(0, 6).reversed().stream()
                        .map(ticket -> ticket.getString("number")).toList());
                String name = "room-screen-" + size[0] + "x" + size[1];
                Path shot = Browser.screenshot(page.driver(), name);
                if (Boolean.getBoolean("guichet.docs.screenshots")) {
                    try {
                        Files.copy(shot, DOCS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        }
    }
}
