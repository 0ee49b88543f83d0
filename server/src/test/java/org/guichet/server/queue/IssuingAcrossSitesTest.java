package org.guichet.server.queue;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import org.guichet.server.store.Database;
import org.guichet.server.testing.Eventually;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A site's issuing batch that waits on the database holds back the later tickets of its own site, which must be
 * numbered after it, and no other site's: their batches are written beside it.
 */
class IssuingAcrossSitesTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    void a_sites_batch_waiting_on_the_database_holds_back_its_own_site_only() throws Exception {
        String kiosk1 = server.deviceToken("kiosk-1");
        String kiosk2 = server.deviceToken("kiosk-2");
        assertThat(server.issue(kiosk1, "svc-a").getString("number")).isEqualTo("A001");
        Pool pool = Database.pool(server.vertx(), server.database(), 1);
        SqlConnection connection = TestServer.await(pool.getConnection());
        Transaction holding = TestServer.await(connection.begin());
        try {
            // Site s1's numbering row, locked as a slow commit would hold it.
            TestServer.await(connection.query(
                    "SELECT last_value FROM ticket_sequence WHERE site_id = 's1' AND prefix = 'A' FOR UPDATE")
                    .execute());
            Future<HttpResponse<Buffer>> heldFirst = issue(kiosk1, "svc-a");
            Eventually.await("s1's batch waits for the locked row", () -> !server.sql("""
                    SELECT 1 FROM pg_stat_activity
                    WHERE pid <> pg_backend_pid() AND wait_event_type = 'Lock'
                      AND query LIKE '%INSERT INTO ticket_sequence%'""").isEmpty());
            Future<HttpResponse<Buffer>> heldSecond = issue(kiosk1, "svc-a");

            HttpResponse<Buffer> otherSite;
            try {
                otherSite = issue(kiosk2, "svc-z").await(20, TimeUnit.SECONDS);
            } catch (TimeoutException waited) {
                throw new AssertionError("s2's ticket waited 20 s behind s1's batch");
            }

            assertThat(otherSite.statusCode()).as(otherSite.bodyAsString()).isEqualTo(201);
            assertThat(otherSite.bodyAsJsonObject().getString("number")).isEqualTo("Z001");
            assertThat(heldFirst.isComplete()).as("s1's ticket waits for its row").isFalse();
            assertThat(heldSecond.isComplete()).as("and s1's next ticket behind it").isFalse();

            TestServer.await(holding.rollback());
            assertThat(numberOf(TestServer.await(heldFirst))).isEqualTo("A002");
            assertThat(numberOf(TestServer.await(heldSecond))).isEqualTo("A003");
        } finally {
            connection.close();
            pool.close();
        }
    }

    private static Future<HttpResponse<Buffer>> issue(String token, String serviceId) {
        return server.request(HttpMethod.POST, "/api/v1/tickets", token, new JsonObject().put("serviceId", serviceId));
    }

    private static String numberOf(HttpResponse<Buffer> response) {
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
        return response.bodyAsJsonObject().getString("number");
    }
}
