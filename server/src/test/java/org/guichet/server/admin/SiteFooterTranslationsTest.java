package org.guichet.server.admin;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.ok;

/**
 * A site's ticket footer, written in French, in the visitors' other languages: declared, stored, sent to kiosks with
 * the menu, read back, kept through an edit of the site's form, and refused when malformed.
 */
class SiteFooterTranslationsTest {

    private static final JsonObject TRANSLATIONS = new JsonObject()
            .put("en", new JsonObject().put("footer", "Step-free access to every floor"))
            .put("es", new JsonObject().put("footer", "Acceso sin escalones a todas las plantas"));

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static JsonObject withTranslations(JsonObject translations) {
        JsonObject deployment = TestServer.deployment();
        deployment.getJsonArray("sites").getJsonObject(0).put("translations", translations);
        return deployment;
    }

    @BeforeAll
    static void declare() {
        ok(server.put("/api/v1/admin/deployment", server.adminToken(), withTranslations(TRANSLATIONS)));
    }

    @Test
    void kiosks_receive_the_footer_in_every_language_the_site_wrote_it_in() {
        JsonObject site = ok(server.get("/api/v1/sites/s1/menu", server.tokenOf("kiosk-1"))).getJsonObject("site");

        assertThat(site.getString("footer")).isEqualTo("Accessible");
        assertThat(site.getJsonObject("translations")).isEqualTo(TRANSLATIONS);
        String yaml = server.get("/api/v1/admin/deployment?format=yaml", server.adminToken()).bodyAsString();
        assertThat(yaml).contains("Step-free access to every floor", "Acceso sin escalones a todas las plantas");
    }

    @Test
    void an_edit_of_the_sites_form_keeps_its_translations() {
        JsonObject block = ok(server.get("/api/v1/admin/sites/s1", server.adminToken()));
        assertThat(block.getJsonObject("translations")).isEqualTo(TRANSLATIONS);

        ok(server.put("/api/v1/admin/sites/s1", server.adminToken(), block.put("address", "2 rue Neuve, Albi")));

        JsonObject after = ok(server.get("/api/v1/admin/sites/s1", server.adminToken()));
        assertThat(after.getString("address")).isEqualTo("2 rue Neuve, Albi");
        assertThat(after.getJsonObject("translations")).isEqualTo(TRANSLATIONS);
    }

    @Test
    void another_language_another_field_or_an_overlong_footer_is_refused() {
        HttpResponse<Buffer> german = server.put("/api/v1/admin/deployment", server.adminToken(), withTranslations(
                new JsonObject().put("de", new JsonObject().put("footer", "Barrierefrei"))));
        HttpResponse<Buffer> name = server.put("/api/v1/admin/deployment", server.adminToken(), withTranslations(
                new JsonObject().put("en", new JsonObject().put("name", "Site One"))));
        HttpResponse<Buffer> overlong = server.put("/api/v1/admin/deployment", server.adminToken(), withTranslations(
                new JsonObject().put("oc", new JsonObject().put("footer", "x".repeat(301)))));

        assertThat(german.statusCode()).isEqualTo(400);
        assertThat(german.bodyAsJsonObject().getString("message")).contains("site s1").contains("fr, en, es, oc");
        assertThat(name.statusCode()).isEqualTo(400);
        // openapi.json, which requests are checked against, allows only footer in a site's translation.
        assertThat(name.bodyAsJsonObject().getString("message"))
                .isEqualTo("Field 'sites[0].translations.en.name' is not allowed here.");
        assertThat(overlong.statusCode()).isEqualTo(400);
        assertThat(overlong.bodyAsJsonObject().getString("message"))
                .isEqualTo("Field 'sites[0].translations.oc.footer': String is too long (301 > 300).");
        assertThat(ok(server.get("/api/v1/sites/s1/menu", server.tokenOf("kiosk-1"))).getJsonObject("site")
                .getJsonObject("translations")).as("nothing stored from a refused deployment").isEqualTo(TRANSLATIONS);
    }
}
