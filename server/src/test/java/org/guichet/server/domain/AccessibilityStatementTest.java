package org.guichet.server.domain;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.server.domain.AccessibilityStatement.Conformance;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessibilityStatementTest {

    private static Conformance audited(int percent) {
        return AccessibilityStatement.fromConfig(new JsonObject().put("audit",
                new JsonObject().put("date", "2027-03-15").put("compliantPercent", percent))).conformance();
    }

    @Test
    void without_an_audit_the_service_is_declared_not_compliant() {
        assertThat(AccessibilityStatement.unconfigured().conformance()).isEqualTo(Conformance.NONE);
        assertThat(AccessibilityStatement.fromConfig(new JsonObject().put("organisation", "Le Département"))
                .conformance()).isEqualTo(Conformance.NONE);
    }

    @Test
    void the_state_follows_the_rgaa_thresholds_all_criteria_then_half_of_them() {
        assertThat(audited(100)).isEqualTo(Conformance.TOTAL);
        assertThat(audited(99)).isEqualTo(Conformance.PARTIAL);
        assertThat(audited(50)).isEqualTo(Conformance.PARTIAL);
        assertThat(audited(49)).isEqualTo(Conformance.NONE);
        assertThat(audited(0)).isEqualTo(Conformance.NONE);
    }

    @Test
    void the_public_form_carries_what_was_configured_and_leaves_out_the_rest() {
        JsonObject json = AccessibilityStatement.fromConfig(new JsonObject()
                .put("organisation", " Le Département ").put("contactEmail", "a11y@departement.example")
                .put("statementDate", "2026-11-30")
                .put("derogations", new JsonArray().add("Plans des salles anciens"))
                .put("audit", new JsonObject().put("date", "2027-03-15").put("auditor", "Cabinet A")
                        .put("compliantPercent", 84).put("nonCompliances", new JsonArray().add("Critère 1.3"))))
                .toJson();

        assertThat(json).isEqualTo(new JsonObject().put("conformance", "PARTIAL")
                .put("organisation", "Le Département").put("contactEmail", "a11y@departement.example")
                .put("statementDate", "2026-11-30")
                .put("audit", new JsonObject().put("date", "2027-03-15").put("compliantPercent", 84)
                        .put("auditor", "Cabinet A").put("nonCompliances", new JsonArray().add("Critère 1.3")))
                .put("derogations", new JsonArray().add("Plans des salles anciens")));
        assertThat(AccessibilityStatement.unconfigured().toJson()).isEqualTo(new JsonObject()
                .put("conformance", "NONE").put("derogations", new JsonArray()));
    }

    @Test
    void a_wrong_value_is_refused_with_what_was_expected() {
        assertThatThrownBy(() -> audited(101)).hasMessageContaining("whole number from 0 to 100");
        assertThatThrownBy(() -> AccessibilityStatement.fromConfig(new JsonObject().put("audit",
                new JsonObject().put("compliantPercent", 80)))).hasMessageContaining("audit.date is required");
        assertThatThrownBy(() -> AccessibilityStatement.fromConfig(new JsonObject().put("statementDate", "30/11")))
                .hasMessageContaining("YYYY-MM-DD");
        assertThatThrownBy(() -> AccessibilityStatement.fromConfig(new JsonObject().put("organisation", "")))
                .hasMessageContaining("organisation");
        assertThatThrownBy(() -> AccessibilityStatement.fromConfig(new JsonObject().put("derogations", "none")))
                .hasMessageContaining("list of texts");
        assertThatThrownBy(() -> AccessibilityStatement.fromConfig(new JsonObject()
                .put("contactUrl", "javascript:alert(1)"))).hasMessageContaining("contactUrl must be a web address");
        assertThat(AccessibilityStatement.fromConfig(new JsonObject()
                .put("multiYearPlanUrl", "https://www.departement.example/schema")).multiYearPlanUrl())
                .isEqualTo("https://www.departement.example/schema");
    }
}
