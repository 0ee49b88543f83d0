package org.guichet.server.domain;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeploymentRulesTest {

    private static JsonObject deploymentWithKiosk(JsonObject kiosk) {
        JsonObject site = new JsonObject().put("id", "s1").put("name", "Mairie")
                .put("rooms", new JsonArray().add(new JsonObject().put("id", "r1").put("name", "Accueil")))
                .put("devices", new JsonArray().add(kiosk.put("id", "kiosk-1").put("kind", Device.KIOSK)));
        return new JsonObject().put("sites", new JsonArray().add(site));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en", "es", "oc"})
    void a_device_may_speak_any_visitor_language(String language) {
        assertThatCode(() -> DeploymentRules.validate(deploymentWithKiosk(new JsonObject().put("language", language))))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"fre", "FR", "de", ""})
    void a_device_language_that_is_not_a_visitor_language_is_refused(String language) {
        assertThatThrownBy(() -> DeploymentRules.validate(deploymentWithKiosk(new JsonObject()
                .put("language", language))))
                .isInstanceOfSatisfying(Failure.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(Failure.Kind.INVALID);
                    assertThat(failure.getMessage()).contains("kiosk-1").contains("language").contains("fr, en");
                });
    }

    @Test
    void a_device_may_leave_its_language_out() {
        assertThatCode(() -> DeploymentRules.validate(deploymentWithKiosk(new JsonObject())))
                .doesNotThrowAnyException();
    }
}
