package org.guichet.server.domain;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RedactionTest {

    @Test
    void fields_named_after_secrets_are_removed_at_any_depth() {
        JsonObject json = new JsonObject().put("username", "marie").put("password", "p").put("passwordHash", "h")
                .put("nested", new JsonObject().put("deviceToken", "t").put("name", "n")
                        .put("list", new JsonArray().add(new JsonObject().put("clientSecret", "s").put("k", 1))));
        JsonObject redacted = Redaction.redact(json);
        assertThat(redacted).isEqualTo(new JsonObject().put("username", "marie")
                .put("nested", new JsonObject().put("name", "n")
                        .put("list", new JsonArray().add(new JsonObject().put("k", 1)))));
        assertThat(json.getString("password")).as("the original is left alone").isEqualTo("p");
    }

    @Test
    void a_bearer_token_under_any_name_is_replaced() {
        JsonObject redacted = Redaction.redact(new JsonObject().put("note", Tokens.newToken(Tokens.DEVICE_PREFIX))
                .put("items", new JsonArray().add(Tokens.newToken(Tokens.AGENT_PREFIX)).add("plain")));
        assertThat(redacted.getString("note")).isEqualTo(Redaction.REDACTED);
        assertThat(redacted.getJsonArray("items")).containsExactly(Redaction.REDACTED, "plain");
    }

    @Test
    void an_audit_entry_keeps_only_redacted_values() {
        AuditEntry entry = AuditEntry.of(Instant.EPOCH, AuditEntry.Actor.system("test"), "agent.create", "agent",
                "1", null, null, new JsonObject().put("username", "marie").put("password", "secret-1"));
        assertThat(entry.after()).isEqualTo(new JsonObject().put("username", "marie"));
        assertThat(entry.before()).isNull();
    }
}
