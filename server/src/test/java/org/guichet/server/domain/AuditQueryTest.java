package org.guichet.server.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditQueryTest {

    @Test
    void reads_every_filter() {
        AuditQuery query = AuditQuery.parse(Map.of("from", "2026-01-01T00:00:00Z", "to", "2026-02-01T00:00:00Z",
                "actor", "admin", "action", "agent.create", "siteId", "s1", "entity", "device:kiosk-1",
                "before", "42", "limit", "500"));
        assertThat(query.from()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(query.to()).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
        assertThat(query.entityKind()).isEqualTo("device");
        assertThat(query.entityId()).isEqualTo("kiosk-1");
        assertThat(query.before()).isEqualTo(42L);
        assertThat(query.limit()).isEqualTo(500);
        assertThat(query.siteIds()).isNull();
        assertThat(AuditQuery.parse(Map.of()).limit()).isEqualTo(AuditQuery.DEFAULT_LIMIT);
        assertThat(AuditQuery.parse(Map.of("entity", "agent")).entityId()).isNull();
    }

    @Test
    void refuses_what_is_malformed() {
        for (Map<String, String> bad : new Map[]{Map.of("from", "yesterday"), Map.of("to", "2026-01-01"),
                Map.of("limit", "0"), Map.of("limit", "501"), Map.of("limit", "ten"), Map.of("before", "-3"),
                Map.of("from", "2026-02-01T00:00:00Z", "to", "2026-01-01T00:00:00Z")}) {
            assertThatThrownBy(() -> AuditQuery.parse(bad)).as(bad.toString()).isInstanceOf(Failure.class)
                    .extracting(failure -> ((Failure) failure).kind()).isEqualTo(Failure.Kind.INVALID);
        }
    }
}
