package org.guichet.server.config;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.guichet.server.ServerOptions;
import org.guichet.server.domain.AccessibilityStatement;
import org.guichet.server.domain.DeploymentRules;
import org.guichet.server.domain.PrivacyNotice;
import org.guichet.server.domain.RetentionPolicy;
import org.guichet.server.domain.IssuingRate;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {

    @Test
    void the_device_issuing_rate_is_read_with_a_default_and_checked() {
        assertThat(ConfigLoader.toOptions(new JsonObject(), false, false).deviceIssuing())
                .isEqualTo(IssuingRate.DEVICE_DEFAULT);
        assertThat(ConfigLoader.toOptions(new JsonObject().put("issuing", new JsonObject().put("deviceBurst", 4)
                .put("deviceRefillSeconds", 7.5)), false, false).deviceIssuing())
                .isEqualTo(new IssuingRate(4, Duration.ofMillis(7500)));
        for (JsonObject bad : new JsonObject[]{new JsonObject().put("deviceBurst", 0),
                new JsonObject().put("deviceBurst", 2.5), new JsonObject().put("deviceBurst", "ten"),
                new JsonObject().put("deviceRefillSeconds", 0), new JsonObject().put("deviceRefillSeconds", -1),
                new JsonObject().put("deviceRefillSeconds", "soon")}) {
            assertThatThrownBy(() -> ConfigLoader.toOptions(new JsonObject().put("issuing", bad), false, false))
                    .as(bad.encode()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("issuing.");
        }
    }

    @Test
    void audit_retention_is_read_in_days_with_a_default_of_400() {
        assertThat(ConfigLoader.toOptions(new JsonObject(), false, false).auditRetention())
                .isEqualTo(Duration.ofDays(400));
        assertThat(ConfigLoader.toOptions(new JsonObject().put("audit", new JsonObject().put("retentionDays", 30)),
                false, false).auditRetention()).isEqualTo(Duration.ofDays(30));
        for (Object bad : new Object[]{0, -5, 1.5, "forever"}) {
            assertThatThrownBy(() -> ConfigLoader.toOptions(new JsonObject()
                    .put("audit", new JsonObject().put("retentionDays", bad)), false, false))
                    .as(String.valueOf(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("audit.retentionDays");
        }
    }

    @Test
    void retention_periods_are_read_from_the_section_and_the_environment_wins() {
        assertThat(ConfigLoader.toOptions(new JsonObject(), false, false).retention())
                .isEqualTo(RetentionPolicy.defaults());
        JsonObject config = new JsonObject().put("retention", new JsonObject().put("notesDays", 7)
                .put("pseudonymiseAfterDays", 60).put("ticketMonths", 24).put("auditDays", 200))
                .put("GUICHET_RETENTION_NOTES_DAYS", "14");
        ServerOptions options = ConfigLoader.toOptions(config, false, false);
        assertThat(options.retention()).isEqualTo(new RetentionPolicy(14, 60, 24));
        assertThat(options.auditRetention()).isEqualTo(Duration.ofDays(200));
        for (Object bad : new Object[]{0, 2.5, "soon"}) {
            assertThatThrownBy(() -> ConfigLoader.toOptions(new JsonObject()
                    .put("retention", new JsonObject().put("ticketMonths", bad)), false, false))
                    .as(String.valueOf(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("retention.ticketMonths");
        }
    }

    @Test
    void the_privacy_section_names_the_controller_and_refuses_what_is_not_an_address() {
        JsonObject section = new JsonObject().put("controller", "Le Département").put("dpoEmail", "dpd@dep.example");
        assertThat(ConfigLoader.toOptions(new JsonObject().put("privacy", section), false, false).privacy())
                .isEqualTo(new PrivacyNotice("Le Département", null, "dpd@dep.example", null, null));
        assertThatThrownBy(() -> PrivacyNotice.fromConfig(new JsonObject().put("dpoEmail", "nobody")))
                .hasMessageContaining("privacy.dpoEmail");
        assertThatThrownBy(() -> PrivacyNotice.fromConfig(new JsonObject().put("contactUrl", "javascript:alert(1)")))
                .hasMessageContaining("privacy.contactUrl");
    }

    @Test
    void the_example_file_reads_with_its_accessibility_statement_and_a_valid_deployment() throws Exception {
        ServerOptions options = ConfigLoader.toOptions(read(Path.of("deploy/guichet.example.yaml")), false, false);

        assertThat(options.accessibility().organisation()).isEqualTo("Le Département");
        assertThat(options.accessibility().statementDate()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(options.accessibility().conformance()).isEqualTo(AccessibilityStatement.Conformance.NONE);
        assertThat(options.retention()).isEqualTo(RetentionPolicy.defaults());
        assertThat(options.privacy().dpoEmail()).isEqualTo("dpd@departement.example");
        DeploymentRules.validate(options.deployment());
        assertThat(options.deployment().getJsonArray("sites").getJsonObject(0).getJsonObject("translations")
                .getJsonObject("es").getString("footer")).startsWith("Recepción accesible");
    }

    @Test
    void the_demo_deployment_is_valid_and_translates_its_footers_into_the_three_other_languages() {
        JsonObject demo = DemoSetup.deployment();

        DeploymentRules.validate(demo);
        demo.getJsonArray("sites").forEach(site -> assertThat(((JsonObject) site).getJsonObject("translations")
                .fieldNames()).containsExactlyInAnyOrder("en", "es", "oc"));
    }

    @Test
    void a_date_written_without_quotes_is_read_as_the_same_day(@org.junit.jupiter.api.io.TempDir Path directory)
            throws Exception {
        Path file = Files.writeString(directory.resolve("guichet.yaml"),
                "accessibility:\n  statementDate: 2026-11-30\n  audit: { date: 2027-03-15, compliantPercent: 100 }\n");

        AccessibilityStatement statement = ConfigLoader.toOptions(read(file), false, false).accessibility();

        assertThat(statement.statementDate()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(statement.auditDate()).isEqualTo(LocalDate.of(2027, 3, 15));
    }

    private static JsonObject read(Path file) throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            return ConfigLoader.read(vertx, file).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } finally {
            vertx.close();
        }
    }
}
