package org.guichet.server.service;

import io.vertx.core.json.JsonObject;
import org.guichet.server.domain.PasswordRules;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class AccountsTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    void a_current_password_too_long_to_be_right_is_refused_before_it_is_hashed_as_at_login() {
        String agent = server.agent("accounts.long", "agent", "s1");
        String tooLong = "p".repeat(PasswordRules.MAX_LENGTH + 1);

        var login = server.post("/api/v1/auth/login", null,
                new JsonObject().put("username", "accounts.long").put("password", tooLong));
        var change = server.post("/api/v1/auth/password", agent,
                new JsonObject().put("currentPassword", tooLong).put("newPassword", "a-brand-new-password"));

        assertThat(login.statusCode()).as(login.bodyAsString()).isEqualTo(400);
        assertThat(change.statusCode()).as(change.bodyAsString()).isEqualTo(400);
        assertThat(change.bodyAsJsonObject().getString("message")).contains("too long");
    }
}
