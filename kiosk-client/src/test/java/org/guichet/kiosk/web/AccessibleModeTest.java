package org.guichet.kiosk.web;

import com.pi4j.io.gpio.digital.DigitalState;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.kiosk.testing.KioskExtension;
import org.guichet.kiosk.testing.PrintedSlip;
import org.guichet.server.testing.Eventually;
import org.guichet.server.web.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The accessible mode of the touch UI in real headless Chromium on a portrait 1080×1920 kiosk, served by a real kiosk
 * client talking to a real server: large text, every target in the lower half, spoken guidance, the physical buttons.
 * The screen buttons are on Pi4J's mock GPIO: 22 accessible, 23 next, 24 select, wired to ground (pressed = LOW).
 */
class AccessibleModeTest {

    private static final int WIDTH = 1080;
    private static final int HEIGHT = 1920;
    private static final int ACCESSIBLE_PIN = 22;
    private static final int NEXT_PIN = 23;
    private static final int SELECT_PIN = 24;
    private static final Duration SETTLED = Duration.ofMillis(100);
    /** Set (mvn … -Dkiosk.docs=true) to write docs/kiosk-accessible.png again. */
    private static final boolean WRITE_DOCS = Boolean.getBoolean("kiosk.docs");

    private static KioskPage page;

    @RegisterExtension
    final KioskExtension kiosk = KioskExtension.withMockGpio();

    @BeforeAll
    static void openBrowser() {
        page = new KioskPage(WIDTH, HEIGHT);
    }

    @AfterAll
    static void closeBrowser() {
        if (page != null) {
            page.close();
        }
    }

    private void givenAPortraitKiosk(JsonObject config) {
        page.size(WIDTH, HEIGHT);
        kiosk.start(config);
        page.open(kiosk.url());
        page.waitFor("button[data-entry='svc-a']");
    }

    private void givenAPortraitKioskWithScreenButtons() {
        JsonObject config = kiosk.config();
        config.put("gpio", new JsonObject()
                .put("provider", "mock")
                .put("buttons", new JsonObject()
                        .put("wiring", "to-ground")
                        .put("debounce", "20ms")
                        .put("map", new JsonArray()
                                .add(new JsonObject().put("pin", ACCESSIBLE_PIN).put("action", "accessible"))
                                .add(new JsonObject().put("pin", NEXT_PIN).put("action", "next"))
                                .add(new JsonObject().put("pin", SELECT_PIN).put("action", "select")))));
        kiosk.start(config);
        for (int pin : List.of(ACCESSIBLE_PIN, NEXT_PIN, SELECT_PIN)) {
            kiosk.gpio().button(pin).mockState(DigitalState.HIGH);
        }
        kiosk.gpio().advance(SETTLED);
        page.size(WIDTH, HEIGHT);
        page.open(kiosk.url());
        page.waitFor("button[data-entry='svc-a']");
        Eventually.await("the page listening to the buttons",
                () -> kiosk.core().screenButtons().listenerCount() > 0);
    }

    private void press(int bcmPin) {
        kiosk.gpio().button(bcmPin).mockState(DigitalState.LOW);
        kiosk.gpio().advance(SETTLED);
        kiosk.gpio().button(bcmPin).mockState(DigitalState.HIGH);
        kiosk.gpio().advance(SETTLED);
    }

    private void assertEveryTargetInTheLowerHalf(String screen) {
        List<Map<String, Object>> targets = page.interactiveRects();
        assertThat(targets).as("targets on " + screen).isNotEmpty();
        assertThat(targets).as("targets on " + screen + " within the lower half of 1080x1920").allSatisfy(target -> {
            assertThat(((Number) target.get("top")).doubleValue()).as(target.get("name") + " top")
                    .isGreaterThanOrEqualTo(HEIGHT / 2.0);
            assertThat(((Number) target.get("bottom")).doubleValue()).as(target.get("name") + " bottom")
                    .isLessThanOrEqualTo(HEIGHT);
            assertThat(((Number) target.get("left")).doubleValue()).isGreaterThanOrEqualTo(0);
            assertThat(((Number) target.get("right")).doubleValue()).isLessThanOrEqualTo(WIDTH);
        });
    }

    @Test
    void one_tap_gives_large_text_and_every_target_in_the_lower_half_on_home_sub_menu_and_ticket_screens()
            throws Exception {
        givenAPortraitKiosk(kiosk.config());
        assertThat(page.driver().findElement(By.cssSelector("meta[name='viewport']")).getAttribute("content"))
                .as("the page can be zoomed").doesNotContain("user-scalable");
        double usualEntry = page.fontPixels("button[data-entry='svc-a']");
        double usualPrompt = page.fontPixels("#prompt");
        double usualSmallest = page.smallestTextPixels();
        Map<String, Object> theSwitch = page.interactiveRects().stream()
                .filter(target -> "accessible".equals(target.get("name"))).findFirst().orElseThrow();
        assertThat(((Number) theSwitch.get("top")).doubleValue()).as("the switch is within a seated person's reach")
                .isGreaterThanOrEqualTo(HEIGHT / 2.0);
        assertThat(page.text("#accessible")).contains("Mode accessible");

        page.waitFor("#accessible").click();
        page.awaitAccessibleMode(true);

        assertThat(page.fontPixels("button[data-entry='svc-a']")).isGreaterThanOrEqualTo(usualEntry * 1.15);
        assertThat(page.fontPixels("#prompt")).isGreaterThanOrEqualTo(usualPrompt * 1.25);
        assertThat(page.smallestTextPixels()).isGreaterThanOrEqualTo(usualSmallest * 1.25).isGreaterThanOrEqualTo(40);
        assertThat(page.text("#prompt")).isEqualTo("Pourquoi venez-vous ?");
        System.out.printf("Kiosk text at 1080x1920, usual -> accessible: entry %.1f -> %.1f px, prompt %.1f -> %.1f px,"
                + " smallest %.1f -> %.1f px%n", usualEntry, page.fontPixels("button[data-entry='svc-a']"), usualPrompt,
                page.fontPixels("#prompt"), usualSmallest, page.smallestTextPixels());
        assertEveryTargetInTheLowerHalf("home");
        Path shot = Browser.screenshot(page.driver(), "kiosk-accessible-1080x1920");
        if (WRITE_DOCS) {
            Files.copy(shot, Path.of("..", "docs", "kiosk-accessible.png"), StandardCopyOption.REPLACE_EXISTING);
        }

        page.waitFor("button[data-entry='m1']").click();
        page.waitFor("button[data-entry='svc-c']");
        assertEveryTargetInTheLowerHalf("sub-menu");
        assertThat(page.accessibleMode()).isTrue();

        page.waitFor("button[data-entry='svc-c']").click();
        page.waitFor("#take-ticket");
        assertEveryTargetInTheLowerHalf("ticket");
        assertThat(page.text("#take-ticket")).startsWith("Prenez votre ticket en bas de la borne.");
        Browser.screenshot(page.driver(), "kiosk-accessible-ticket-1080x1920");

        page.waitFor("#done").click();
        page.awaitAccessibleMode(false);
        page.waitFor("button[data-entry='svc-a']");
    }

    @Test
    void on_a_landscape_kiosk_too_the_text_grows_and_every_target_is_in_the_lower_half() {
        kiosk.start(kiosk.config());
        page.size(1280, 800);
        page.open(kiosk.url());
        page.waitFor("button[data-entry='svc-a']");
        double usualSmallest = page.smallestTextPixels();
        double usualEntry = page.fontPixels("button[data-entry='svc-a']");

        page.waitFor("#accessible").click();
        page.awaitAccessibleMode(true);

        assertThat(page.smallestTextPixels()).isGreaterThan(usualSmallest);
        assertThat(page.fontPixels("button[data-entry='svc-a']")).isGreaterThan(usualEntry);
        assertThat(page.interactiveRects()).allSatisfy(target -> {
            assertThat(((Number) target.get("top")).doubleValue()).as(target.get("name") + " top")
                    .isGreaterThanOrEqualTo(400);
            assertThat(((Number) target.get("bottom")).doubleValue()).as(target.get("name") + " bottom")
                    .isLessThanOrEqualTo(800);
        });
    }

    @Test
    void the_screen_is_read_in_the_chosen_language_then_each_choice_as_the_visitor_moves_to_it() {
        givenAPortraitKiosk(kiosk.config());
        page.waitFor("#accessible").click();
        Map<String, Object> prompt = page.awaitSpoken("Pourquoi venez-vous ?");
        assertThat(prompt.get("voice")).isEqualTo("Test fr");
        assertThat((String) prompt.get("text")).startsWith("Bienvenue.").contains("Il y a 4 choix.")
                .doesNotContain("Suivant");

        page.waitFor("button[data-lang='es']").click();

        Map<String, Object> inSpanish = page.awaitSpoken("¿Por qué viene?");
        assertThat(inSpanish.get("voice")).isEqualTo("Test es");
        assertThat(inSpanish.get("lang")).isEqualTo("es-ES");
        page.forgetSpoken();
        // From the screen's prompt, the keyboard goes through the choices in order.
        page.driver().findElement(By.id("prompt")).click();
        new Actions(page.driver()).sendKeys(Keys.TAB).perform();
        new Actions(page.driver()).sendKeys(Keys.TAB).perform();
        assertThat(page.awaitSpoken("Service B").get("voice")).isEqualTo("Test es");
        assertThat(page.spoken()).extracting(utterance -> utterance.get("text"))
                .containsExactly("Service A", "Service B");

        page.waitFor("#accessible").click();
        page.awaitAccessibleMode(false);
        assertThat(page.text("#prompt")).isEqualTo("Toque el motivo de su visita");
    }

    @Test
    void a_visitor_who_turns_large_print_off_gets_an_ordinary_ticket() throws Exception {
        givenAPortraitKiosk(kiosk.config());
        page.waitFor("#accessible").click();
        page.awaitAccessibleMode(true);
        assertThat(page.waitFor("#large-print").getAttribute("aria-pressed")).isEqualTo("true");

        page.waitFor("#large-print").click();
        assertThat(page.awaitSpoken("Ticket en gros caractères").get("text")).isEqualTo(
                "Ticket en gros caractères. Désactivé");
        page.waitFor("button[data-entry='svc-a']").click();
        page.waitFor("#take-ticket");

        List<Path> printouts = Eventually.await("the printout", kiosk::printouts, files -> files.size() == 1);
        PrintedSlip slip = PrintedSlip.read(Files.readAllBytes(printouts.get(0)));
        assertThat(slip.textLines()).filteredOn(line -> line.text().equals("Votre numéro"))
                .singleElement().satisfies(line -> assertThat(line.width()).isEqualTo(1));
    }

    @Test
    void a_whole_ticket_taken_with_the_physical_buttons_only_in_large_print() throws Exception {
        givenAPortraitKioskWithScreenButtons();

        // The accessible button: the mode, and the screen read with how to use the buttons.
        press(ACCESSIBLE_PIN);
        page.awaitAccessibleMode(true);
        assertThat(page.awaitSpoken("Pourquoi venez-vous ?").get("text").toString())
                .contains("Pour entendre le choix suivant, appuyez sur le bouton Suivant.");

        // Next: the first choice, said; next again: the second; select: chosen.
        press(NEXT_PIN);
        page.awaitSpoken("Service A");
        press(NEXT_PIN);
        Eventually.await("Service B said", page::lastSpoken, "Service B"::equals);
        assertThat(page.driver().switchTo().activeElement().getAttribute("data-entry")).isEqualTo("svc-b");
        Browser.screenshot(page.driver(), "kiosk-accessible-buttons-on-service-b-1080x1920");
        press(SELECT_PIN);

        page.waitFor("#take-ticket");
        Map<String, Object> told = page.awaitSpoken("Prenez votre ticket en bas de la borne.");
        assertThat(told.get("text").toString()).contains("B 0 0 1").contains("Personne n’attend avant vous.");
        List<Map<String, String>> tickets = kiosk.database().tickets();
        assertThat(tickets).hasSize(1);
        assertThat(tickets.get(0)).containsEntry("number", "B001").containsEntry("service_id", "svc-b");
        List<Path> printouts = Eventually.await("the printout", kiosk::printouts, files -> files.size() == 1);
        PrintedSlip slip = PrintedSlip.read(Files.readAllBytes(printouts.get(0)));
        assertThat(slip.texts()).contains("B001", "Votre numéro", "Aucune personne avant vous");
        assertThat(slip.textLines()).as("large print: nothing smaller than double width and height")
                .allSatisfy(line -> assertThat(line.width()).isGreaterThanOrEqualTo(2))
                .allSatisfy(line -> assertThat(line.height()).isGreaterThanOrEqualTo(2));

        // "J'ai fini", reached and chosen with the buttons: back to the usual start screen.
        press(NEXT_PIN);
        Eventually.await("J’ai fini said", page::lastSpoken, "J’ai fini"::equals);
        press(SELECT_PIN);
        page.awaitAccessibleMode(false);
        page.waitFor("button[data-entry='svc-a']");
    }

    @Test
    void speech_helpers_choose_a_voice_by_language_and_turn_screen_lines_into_sentences() {
        givenAPortraitKiosk(kiosk.config());

        Object answer = page.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/kiosk/speech.js').then(({ voiceFor, asSentences, spellNumber }) => {
                  const voices = [{ name: 'remote fr', lang: 'fr-FR', localService: false },
                                  { name: 'local fr', lang: 'fr_CA', localService: true },
                                  { name: 'en', lang: 'en-GB', localService: false }];
                  const name = voice => voice ? voice.name : null;
                  done(JSON.stringify({
                    fr: name(voiceFor(voices, 'fr')), en: name(voiceFor(voices, 'en')),
                    oc: name(voiceFor(voices, 'oc')), es: name(voiceFor(voices, 'es')), none: name(voiceFor([], 'fr')),
                    sentences: asSentences(['Bienvenue', '  Pourquoi\\n venez-vous ?', '', null, 'Il y a 4 choix.']),
                    number: spellNumber('A042') }));
                }, error => done(JSON.stringify({ failed: String(error) })));""");

        JsonObject result = new JsonObject((String) answer);
        assertThat(result.getString("failed")).isNull();
        assertThat(result.getString("fr")).as("a voice on the device first").isEqualTo("local fr");
        assertThat(result.getString("en")).isEqualTo("en");
        assertThat(result.getString("oc")).as("Occitan read by a French voice").isEqualTo("local fr");
        assertThat(result.getString("es")).as("no Spanish voice: silence, not a wrong language").isNull();
        assertThat(result.getString("none")).isNull();
        assertThat(result.getString("sentences")).isEqualTo("Bienvenue. Pourquoi venez-vous ? Il y a 4 choix.");
        assertThat(result.getString("number")).isEqualTo("A 0 4 2");
    }

    @Test
    void after_the_idle_time_the_kiosk_leaves_the_accessible_mode() {
        JsonObject config = kiosk.config();
        config.put("screen", new JsonObject().put("idleTimeout", "2s"));
        givenAPortraitKiosk(config);
        page.waitFor("#accessible").click();
        page.awaitAccessibleMode(true);

        page.awaitAccessibleMode(false);

        assertThat(page.text("#prompt")).isEqualTo("Touchez le motif de votre visite");
    }
}
