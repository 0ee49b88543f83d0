package org.guichet.server.sso;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.guichet.server.GuichetServer;
import org.guichet.server.domain.SsoSettings;
import org.guichet.server.testing.TestDatabase;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A network that wants single sign-on only: password log-in is refused, even the administrator's right password. */
class LocalPasswordsOffTest {

    private final Vertx vertx = Vertx.vertx();
    private GuichetServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            TestServer.await(server.stop());
        }
        TestServer.await(vertx.close());
    }

    @Test
    void passwordLogInIsRefusedWhenLocalPasswordsAreOff() {
        // The provider is discovered at the first sign-on only: none is needed to check the password side.
        SsoSettings ssoOnly = SsoSettings.fromConfig(new JsonObject().put("issuer", "http://127.0.0.1:9/unused")
                .put("clientId", "guichet").put("redirectBaseUrl", "http://guichet.test")
                .put("localPasswords", false), "client-secret-for-tests");
        server = TestServer.await(GuichetServer.start(vertx,
                TestServer.options(TestDatabase.freshDatabase(), 0).withSso(ssoOnly)));
        WebClient client = WebClient.create(vertx);

        HttpResponse<Buffer> login = TestServer.await(client.post(server.port(), "localhost", "/api/v1/auth/login")
                .sendJsonObject(new JsonObject().put("username", "admin").put("password", TestServer.ADMIN_PASSWORD)));
        assertThat(login.statusCode()).as(login.bodyAsString()).isEqualTo(403);
        assertThat(login.bodyAsJsonObject().getString("error")).isEqualTo("local_passwords_off");
        assertThat(login.bodyAsJsonObject().containsKey("token")).isFalse();

        JsonObject offered = TestServer.await(client.get(server.port(), "localhost", "/api/v1/auth/sso").send())
                .bodyAsJsonObject();
        assertThat(offered.getBoolean("enabled")).isTrue();
        assertThat(offered.getBoolean("localPasswords")).isFalse();
    }
}
