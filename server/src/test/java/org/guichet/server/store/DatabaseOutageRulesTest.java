package org.guichet.server.store;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import org.guichet.server.domain.Failure;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which of the client's failures mean "the database cannot be reached", and what they become. */
class DatabaseOutageRulesTest {

    @Test
    void no_connection_a_lost_one_or_the_pool_timing_out_means_unreachable() {
        assertThat(DatabaseOutage.unreachable(new ConnectException("Connection refused"))).isNotNull();
        assertThat(DatabaseOutage.unreachable(new ConnectTimeoutException("connection timed out"))).isNotNull();
        assertThat(DatabaseOutage.unreachable(new UnknownHostException("db.example"))).isNotNull();
        assertThat(DatabaseOutage.unreachable(ClosedConnectionException.INSTANCE)).isNotNull();
        assertThat(DatabaseOutage.unreachable(new IOException("Connection reset by peer"))).isNotNull();
        assertThat(DatabaseOutage.unreachable(new VertxException("Timeout waiting for connection", true))).isNotNull();
        assertThat(DatabaseOutage.unreachable(new NoStackTraceThrowable("Timeout"))).isNotNull();
        assertThat(DatabaseOutage.unreachable(new VertxException("wrapped", new ConnectException("refused"))))
                .as("found in the causes").isNotNull();
    }

    @Test
    void postgresql_shutting_down_starting_or_read_only_means_unreachable() {
        for (String state : new String[] {"57P01", "57P02", "57P03", "08006", "08001", "08003", "53300", "25006"}) {
            assertThat(DatabaseOutage.unreachable(pg(state))).as(state).isNotNull();
        }
    }

    @Test
    void what_the_database_refused_is_not_an_outage() {
        for (String state : new String[] {"23505", "23503", "22P02", "40001", "42P01", "28P01"}) {
            assertThat(DatabaseOutage.unreachable(pg(state))).as(state).isNull();
        }
        assertThat(DatabaseOutage.unreachable(new IllegalStateException("bug"))).isNull();
        assertThat(DatabaseOutage.unreachable(new VertxException("Pool closed", true))).isNull();
        assertThat(DatabaseOutage.unreachable(Failure.conflict("stale", "changed"))).isNull();
    }

    @Test
    void an_unreachable_database_becomes_the_domains_unavailable_failure_and_the_rest_passes_unchanged() {
        DatabaseOutage outage = new DatabaseOutage();
        Throwable failure = outage.failed(new ConnectException("Connection refused"));
        assertThat(failure).isInstanceOf(Failure.class);
        assertThat(((Failure) failure).kind()).isEqualTo(Failure.Kind.UNAVAILABLE);
        assertThat(((Failure) failure).code()).isEqualTo("database_unavailable");
        assertThat(failure.getMessage()).doesNotContain("refused");
        assertThat(outage.isDown()).isTrue();

        PgException duplicate = pg("23505");
        assertThat(outage.failed(duplicate)).isSameAs(duplicate);
        outage.answered();
        assertThat(outage.isDown()).isFalse();
    }

    private static PgException pg(String sqlState) {
        return new PgException("message", "FATAL", sqlState, null);
    }
}
