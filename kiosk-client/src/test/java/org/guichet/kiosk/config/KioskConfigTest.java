package org.guichet.kiosk.config;

import io.vertx.core.json.JsonObject;
import org.guichet.hardware.gpio.ButtonWiring;
import org.guichet.hardware.printer.PrinterCodePage;
import org.guichet.kiosk.core.ScreenButton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KioskConfigTest {

    @TempDir
    Path directory;

    @Test
    void the_shipped_example_config_reads_as_documented() throws Exception {
        KioskConfig config = ConfigFile.load(Path.of("deploy/kiosk.example.yaml"), Map.of());

        assertThat(config.server().urls()).extracting(URI::toString).containsExactly("https://guichet.example.fr");
        assertThat(config.server().publicUrl()).isEqualTo(config.server().urls().get(0));
        assertThat(config.server().token().file()).isEqualTo(Path.of("/var/lib/guichet-kiosk/kiosk.token"));
        assertThat(config.server().issueAttempts()).isEqualTo(3);
        assertThat(config.server().retryDelay()).isEqualTo(Duration.ofMillis(300));
        assertThat(config.server().heartbeatEvery()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.http().host()).isEqualTo("127.0.0.1");
        assertThat(config.http().port()).isEqualTo(8081);
        assertThat(config.printer().connection()).isEqualTo("usb:/dev/usb/lp0");
        assertThat(config.printer().codePage()).isEqualTo(PrinterCodePage.CP858);
        assertThat(config.printer().trustUnknownStatus()).isFalse();
        assertThat(config.screen().idleTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.screen().whereToGo()).containsEntry("fr", "Adressez-vous à l'accueil, au guichet 1.")
                .containsKeys("en", "es", "oc");
        assertThat(config.gpio().provider()).isEqualTo(KioskConfig.GpioProvider.AUTO);
        assertThat(config.gpio().light().greenBcmPin()).isEqualTo(5);
        assertThat(config.gpio().buttons().wiring()).isEqualTo(ButtonWiring.TO_GROUND_WITH_PULL_UP);
        assertThat(config.gpio().buttons().mappings()).extracting(KioskConfig.ButtonMapping::entryId)
                .containsExactly("info", "rsa", "info");
        assertThat(config.gpio().buttons().mappings().get(2).priority()).isEqualTo("PRIORITY");
    }

    @Test
    void only_the_server_url_is_required_and_defaults_suit_a_workstation() {
        KioskConfig config = KioskConfig.fromJson(new JsonObject("{\"server\":{\"url\":\"http://localhost:8080/\"}}"),
                Map.of(), directory);

        assertThat(config.server().urls()).extracting(URI::toString).containsExactly("http://localhost:8080");
        assertThat(config.printer().connection()).isEqualTo("file:./printed");
        assertThat(config.gpio().anyDevice()).isFalse();
        assertThat(config.screen().whereToGo()).isEqualTo(KioskConfig.DEFAULT_WHERE_TO_GO);
        assertThat(config.server().token().read()).isEmpty();
    }

    @Test
    void the_environment_overrides_the_file() {
        JsonObject file = new JsonObject("{\"server\":{\"url\":\"http://a:8080\",\"deviceToken\":\"gd_file\"}}");

        KioskConfig config = KioskConfig.fromJson(file, Map.of("GUICHET_SERVER_URL", "https://b.example.fr",
                "GUICHET_DEVICE_TOKEN", "gd_env", "GUICHET_KIOSK_PORT", "9090"), directory);

        assertThat(config.server().urls()).extracting(URI::toString).containsExactly("https://b.example.fr");
        assertThat(config.server().token().read()).contains("gd_env");
        assertThat(config.http().port()).isEqualTo(9090);
    }

    @Test
    void several_servers_are_listed_in_order_and_the_qr_code_names_the_first_by_default() {
        KioskConfig config = KioskConfig.fromJson(new JsonObject("""
                {"server":{"urls":["http://a:8080/","http://b:8080"]}}"""), Map.of(), directory);

        assertThat(config.server().urls()).extracting(URI::toString).containsExactly("http://a:8080", "http://b:8080");
        assertThat(config.server().publicUrl()).hasToString("http://a:8080");
    }

    @Test
    void the_environment_may_list_several_servers_separated_by_commas() {
        KioskConfig config = KioskConfig.fromJson(new JsonObject("{\"server\":{\"url\":\"http://a:8080\"}}"),
                Map.of("GUICHET_SERVER_URL", "http://b:8080, http://c:8080"), directory);

        assertThat(config.server().urls()).extracting(URI::toString).containsExactly("http://b:8080", "http://c:8080");
    }

    @Test
    void server_addresses_given_twice_or_in_two_keys_are_refused() {
        assertThatThrownBy(() -> KioskConfig.fromJson(new JsonObject("""
                {"server":{"url":"http://a:8080","urls":["http://b:8080"]}}"""), Map.of(), directory))
                .hasMessageContaining("server.url and server.urls");
        assertThatThrownBy(() -> KioskConfig.fromJson(new JsonObject("""
                {"server":{"urls":["http://a:8080","http://a:8080/"]}}"""), Map.of(), directory))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> KioskConfig.fromJson(new JsonObject("""
                {"server":{"urls":[]}}"""), Map.of(), directory)).hasMessageContaining("server.url");
        assertThatThrownBy(() -> KioskConfig.fromJson(new JsonObject("""
                {"server":{"urls":"http://a:8080"}}"""), Map.of(), directory)).hasMessageContaining("list");
    }

    @Test
    void the_token_file_is_read_each_time_so_a_token_installed_later_is_found() throws Exception {
        JsonObject file = new JsonObject("{\"server\":{\"url\":\"http://a:8080\",\"deviceTokenFile\":\"kiosk.token\"}}");
        KioskConfig config = KioskConfig.fromJson(file, Map.of(), directory);

        Optional<String> before = config.server().token().read();
        Files.writeString(directory.resolve("kiosk.token"), "gd_installed\n");

        assertThat(before).isEmpty();
        assertThat(config.server().token().read()).contains("gd_installed");
    }

    @Test
    void mistakes_are_reported_with_where_they_are() {
        assertThatThrownBy(() -> KioskConfig.fromJson(new JsonObject(), Map.of(), directory))
                .hasMessageContaining("server.url");
        assertThatThrownBy(() -> KioskConfig.fromJson(new JsonObject("{\"server\":{\"url\":\"ftp://x\"}}"),
                Map.of(), directory)).hasMessageContaining("http");
        assertThatThrownBy(() -> KioskConfig.fromJson(new JsonObject("""
                {"server":{"url":"http://x"},"screen":{"idleTimeout":"soon"}}"""), Map.of(), directory))
                .hasMessageContaining("screen.idleTimeout");
        assertThatThrownBy(() -> KioskConfig.fromJson(new JsonObject("""
                {"server":{"url":"http://x"},"gpio":{"buttons":{"map":[{"pin":17,"entry":"a"},{"pin":17,"entry":"b"}]}}}"""),
                Map.of(), directory)).hasMessageContaining("pin 17 is used twice");
        assertThatThrownBy(() -> KioskConfig.fromJson(new JsonObject("""
                {"server":{"url":"http://x"},"gpio":{"buttons":{"map":[{"pin":17,"entry":"a","priority":"VIP"}]}}}"""),
                Map.of(), directory)).hasMessageContaining("priority");
        assertThatThrownBy(() -> KioskConfig.fromJson(new JsonObject("""
                {"server":{"url":"http://x"},"gpio":{"provider":"wiringpi"}}"""), Map.of(), directory))
                .hasMessageContaining("gpio.provider");
    }

    @Test
    void a_button_issues_an_entry_or_drives_the_screen_never_both() {
        JsonObject config = new JsonObject("""
                {"server":{"url":"http://localhost:8080"},
                 "gpio":{"provider":"mock","buttons":{"map":[
                   {"pin":17,"entry":"svc-a"},
                   {"pin":22,"action":"accessible"},{"pin":23,"action":"next"},{"pin":24,"action":"select"}]}}}""");

        KioskConfig.Buttons buttons = KioskConfig.fromJson(config, Map.of(), directory).gpio().buttons();

        assertThat(buttons.mappings()).extracting(KioskConfig.ButtonMapping::screenButton).containsExactly(null,
                ScreenButton.ACCESSIBLE, ScreenButton.NEXT, ScreenButton.SELECT);
        assertThat(buttons.mappings()).extracting(KioskConfig.ButtonMapping::buttonId)
                .containsExactly("bcm17-svc-a", "bcm22-accessible", "bcm23-next", "bcm24-select");
        assertThatThrownBy(() -> KioskConfig.fromJson(new JsonObject("""
                {"server":{"url":"http://localhost:8080"},
                 "gpio":{"buttons":{"map":[{"pin":23,"action":"next","entry":"svc-a"}]}}}"""), Map.of(), directory))
                .hasMessageContaining("gpio.buttons.map[0]").hasMessageContaining("not both");
        assertThatThrownBy(() -> KioskConfig.fromJson(new JsonObject("""
                {"server":{"url":"http://localhost:8080"},
                 "gpio":{"buttons":{"map":[{"pin":23,"action":"louder"}]}}}"""), Map.of(), directory))
                .hasMessageContaining("gpio.buttons.map[0]").hasMessageContaining("accessible, next or select");
    }

    @Test
    void durations_read_as_people_write_them() {
        assertThat(Durations.parse("500ms", "x")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("30s", "x")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Durations.parse("5m", "x")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Durations.parse("2h", "x")).isEqualTo(Duration.ofHours(2));
        assertThat(Durations.parse(45, "x")).isEqualTo(Duration.ofSeconds(45));
        assertThat(Durations.parse(0.5, "x")).isEqualTo(Duration.ofMillis(500));
        assertThatThrownBy(() -> Durations.parse("-3s", "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
