package org.guichet.server.sms;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmsSettingsTest {

    private static final String BREVO = "https://api.brevo.com/v3/transactionalSMS/send";

    @TempDir
    Path directory;

    private static JsonObject section(JsonObject sms) {
        return new JsonObject().put("sms", sms);
    }

    @Test
    void off_by_default_and_without_both_an_address_and_a_key() {
        assertThat(SmsSettings.fromConfig(new JsonObject()).enabled()).isFalse();
        assertThat(SmsSettings.fromConfig(section(new JsonObject().put("url", BREVO))).enabled()).isFalse();
        assertThat(SmsSettings.fromConfig(section(new JsonObject().put("apiKey", "k"))).enabled()).isFalse();
        assertThat(SmsSettings.fromConfig(new JsonObject().put("GUICHET_SMS_URL", " ")).enabled()).isFalse();
        SmsSettings off = SmsSettings.off();
        assertThat(off.enabled()).isFalse();
        assertThat(off.sender()).isEqualTo("Guichet");
        assertThat(off.attempts()).isEqualTo(4);
        assertThat(off.firstRetry()).isEqualTo(Duration.ofSeconds(2));
        assertThat(off.timeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void reads_the_section() {
        SmsSettings settings = SmsSettings.fromConfig(section(new JsonObject().put("url", BREVO).put("apiKey", " k1 ")
                .put("sender", "MairieLyon").put("attempts", 3).put("firstRetrySeconds", 0.5)
                .put("timeoutSeconds", 4)));
        assertThat(settings).isEqualTo(new SmsSettings(BREVO, "k1", "MairieLyon", 3, Duration.ofMillis(500),
                Duration.ofSeconds(4)));
        assertThat(settings.enabled()).isTrue();
    }

    @Test
    void environment_variables_win_over_the_section() {
        JsonObject config = section(new JsonObject().put("url", BREVO).put("apiKey", "from-section"))
                .put("GUICHET_SMS_URL", "http://sms.internal:8080/send").put("GUICHET_SMS_API_KEY", "from-env");
        SmsSettings settings = SmsSettings.fromConfig(config);
        assertThat(settings.url()).isEqualTo("http://sms.internal:8080/send");
        assertThat(settings.apiKey()).isEqualTo("from-env");
        assertThat(settings.attempts()).isEqualTo(4);
    }

    @Test
    void the_key_may_come_from_a_file_read_and_trimmed() throws Exception {
        Path file = Files.writeString(directory.resolve("sms-key"), "  from-file\n");
        Path other = Files.writeString(directory.resolve("other-key"), "from-section-file\n");
        JsonObject sms = new JsonObject().put("url", BREVO).put("apiKey", "from-section")
                .put("apiKeyFile", other.toString());
        assertThat(SmsSettings.fromConfig(section(sms)).apiKey()).isEqualTo("from-section-file");
        assertThat(SmsSettings.fromConfig(section(sms).put("GUICHET_SMS_API_KEY_FILE", file.toString())).apiKey())
                .isEqualTo("from-file");
        assertThat(SmsSettings.fromConfig(section(sms).put("GUICHET_SMS_API_KEY_FILE", file.toString())
                .put("GUICHET_SMS_API_KEY", "from-env")).apiKey()).isEqualTo("from-env");
        assertThatThrownBy(() -> SmsSettings.fromConfig(section(sms.copy()
                .put("apiKeyFile", directory.resolve("missing").toString()))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be read");
        Path empty = Files.writeString(directory.resolve("empty"), "\n");
        assertThatThrownBy(() -> SmsSettings.fromConfig(section(sms.copy().put("apiKeyFile", empty.toString()))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    }

    @Test
    void an_address_that_is_not_http_is_refused_without_being_repeated() {
        for (String bad : List.of("ftp://sms.example/send", "sms.example/send",
                "https:///no-host", "http://exa mple.com")) {
            assertThatThrownBy(() -> SmsSettings.fromConfig(section(new JsonObject().put("url", bad)
                    .put("apiKey", "k")))).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("sms.url").hasMessageContaining("http(s)").hasMessageNotContaining(bad);
        }
    }

    @Test
    void refuses_a_bad_sender_attempts_or_durations() {
        for (Object sender : List.of("GU", "Guichet de la mairie", "Guichet-Lyon", "Guichet!")) {
            assertThatThrownBy(() -> SmsSettings.fromConfig(section(new JsonObject().put("sender", sender))))
                    .as(String.valueOf(sender)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("sms.sender");
        }
        for (Object attempts : List.of(0, 7, 2.5, "4")) {
            assertThatThrownBy(() -> SmsSettings.fromConfig(section(new JsonObject().put("attempts", attempts))))
                    .as(String.valueOf(attempts)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("sms.attempts");
        }
        for (Object seconds : List.of(0, -1, "2", 61)) {
            assertThatThrownBy(() -> SmsSettings.fromConfig(section(new JsonObject().put("timeoutSeconds", seconds))))
                    .as(String.valueOf(seconds)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("sms.timeoutSeconds");
        }
    }

    @Test
    void the_key_is_never_printed() {
        SmsSettings settings = SmsSettings.fromConfig(section(new JsonObject()
                .put("url", "https://user:secret-in-url@sms.example/send?api_key=secret-in-query")
                .put("apiKey", "xkeysib-very-secret")));
        assertThat(settings.toString()).doesNotContain("xkeysib-very-secret").doesNotContain("secret-in-")
                .contains("apiKey=(set)").contains("https://sms.example/send");
        assertThat(SmsSettings.off().toString()).isEqualTo("SmsSettings[off]");
    }
}
