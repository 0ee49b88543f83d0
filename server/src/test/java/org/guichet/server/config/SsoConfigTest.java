package org.guichet.server.config;

import io.vertx.core.json.JsonObject;
import org.guichet.server.ServerOptions;
import org.guichet.server.domain.SsoSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SsoConfigTest {

    private static JsonObject section() {
        return new JsonObject().put("issuer", "https://idp.example/realms/guichet").put("clientId", "guichet")
                .put("redirectBaseUrl", "https://guichet.example");
    }

    @Test
    void withoutAnSsoSectionPasswordsAreTheWayIn() {
        ServerOptions options = ConfigLoader.toOptions(new JsonObject(), false, false);
        assertThat(options.sso().enabled()).isFalse();
        assertThat(options.sso().localPasswords()).isTrue();
    }

    @Test
    void theSecretComesFromTheEnvironmentThenAFileThenTheFileOfSettings(@TempDir Path directory) throws IOException {
        Path secretFile = directory.resolve("secret");
        Files.writeString(secretFile, "from-the-file\n");
        JsonObject inFile = new JsonObject().put("sso", section().put("clientSecret", "from-yaml"));
        assertThat(ConfigLoader.sso(inFile).clientSecret()).isEqualTo("from-yaml");
        inFile.getJsonObject("sso").put("clientSecretFile", secretFile.toString());
        assertThat(ConfigLoader.sso(inFile).clientSecret()).isEqualTo("from-the-file");
        inFile.put("GUICHET_SSO_CLIENT_SECRET", "from-the-environment");
        SsoSettings settings = ConfigLoader.sso(inFile);
        assertThat(settings.clientSecret()).isEqualTo("from-the-environment");
        assertThat(settings.toString()).doesNotContain("from-the-environment");
        assertThat(ConfigLoader.toOptions(inFile, false, false).toString()).doesNotContain("from-the-environment");
    }

    @Test
    void environmentVariablesWinOverTheFile() {
        JsonObject config = new JsonObject().put("sso", section().put("clientSecret", "s"))
                .put("GUICHET_SSO_ISSUER", "https://other.example/api/v2")
                .put("GUICHET_SSO_LOCAL_PASSWORDS", "false");
        SsoSettings settings = ConfigLoader.sso(config);
        assertThat(settings.issuer()).isEqualTo("https://other.example/api/v2");
        assertThat(settings.localPasswords()).isFalse();
    }

    @Test
    void anUnreadableSecretFileIsSaidWithoutItsContent(@TempDir Path directory) {
        JsonObject config = new JsonObject().put("sso", section()
                .put("clientSecretFile", directory.resolve("missing").toString()));
        assertThatThrownBy(() -> ConfigLoader.sso(config)).hasMessageContaining("cannot be read");
    }
}
