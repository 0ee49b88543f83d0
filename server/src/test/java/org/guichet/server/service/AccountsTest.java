package org.guichet.server.service;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import org.guichet.server.domain.PasswordRules;
import org.guichet.server.domain.Principal;
import org.guichet.server.domain.Tokens;
import org.guichet.server.store.Database;
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
    @Test
    void a_token_lookup_that_ends_after_the_token_was_forgotten_is_not_remembered() {
        String agent = server.agent("accounts.race", "agent", "s1");
        Authentication authentication = server.services().authentication();
        Pool locker = Database.pool(server.vertx(), server.database(), 1);
        try {
            SqlConnection connection = TestServer.await(locker.getConnection());
            Transaction holding = TestServer.await(connection.begin());
            // Session lookups wait behind this lock: the one started below cannot end before it is released.
            TestServer.await(connection.query("LOCK TABLE agent_session IN ACCESS EXCLUSIVE MODE").execute());
            Future<Principal> lookup = authentication.authenticate(agent);
            authentication.forget(Tokens.key(agent)); // as a revocation would, while the lookup waits
            TestServer.await(holding.commit());
            TestServer.await(connection.close());
            assertThat(TestServer.await(lookup).username()).as("the lookup itself, begun before").isEqualTo(
                    "accounts.race");

            server.sql("DELETE FROM agent_session WHERE token_hash = $1",
                    Buffer.buffer(Tokens.hash(agent)));
            Future<Principal> again = authentication.authenticate(agent);
            assertThat(TestServer.await(again.map(found -> "accepted").recover(failure ->
                    Future.succeededFuture("refused")))).as("the token, looked up again once gone").isEqualTo(
                    "refused");
        } finally {
            TestServer.await(locker.close());
        }
    }
}
