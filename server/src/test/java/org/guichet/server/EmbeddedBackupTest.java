package org.guichet.server;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commands on the embedded PostgreSQL under the data directory: a backup while the server runs on it (the command
 * connects to that PostgreSQL, which goes on serving), a restore refused while the server runs, and a restore onto a
 * machine whose data directory is gone (the command starts the embedded PostgreSQL itself).
 */
class EmbeddedBackupTest {

    @TempDir
    Path work;
    private Path dataDir;
    private Path config;
    private Vertx vertx;
    private TestServer server;
    private final BackupConsole console = new BackupConsole();

    @BeforeEach
    void setUp() throws IOException {
        dataDir = work.resolve("data");
        config = Files.writeString(work.resolve("guichet.yaml"), "dataDirectory: " + dataDir + "\n");
        vertx = Vertx.vertx();
    }

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.close();
        }
        TestServer.await(vertx.close());
    }

    private void startServer() {
        server = TestServer.start(vertx, new ServerOptions(0, null, dataDir, TestServer.deployment(), false, false,
                TestServer.ADMIN_PASSWORD, Clock.systemUTC(), Duration.ofHours(12), 8, false));
    }

    @Test
    void backup_while_the_server_runs_then_restore_on_an_empty_data_directory() throws Exception {
        startServer();
        List<JsonObject> issued = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            issued.add(server.issue(server.tokenOf("kiosk-1"), "svc-a"));
        }
        TestServer.status(server.post("/api/v1/sites/s1/callbacks", server.agent("reception", "agent", "s1"),
                new JsonObject().put("serviceId", "svc-a").put("phone", "06 12 34 56 78").put("subject", "Rappel")),
                201);
        Path dump = work.resolve("embedded.dump");

        assertThat(console.run("backup", "--config", config.toString(), "--to", dump.toString()))
                .as(console.said()).isEqualTo(BackupCommand.OK);
        assertThat(console.said()).contains("the embedded database under").contains("3 tickets");
        assertThat(server.get("/health", null).statusCode()).as("the server's database still runs").isEqualTo(200);

        assertThat(console.run("restore", "--config", config.toString(), "--from", dump.toString(), "--yes"))
                .isEqualTo(BackupCommand.FAILED);
        assertThat(console.said()).contains("a Guichet server is running on the embedded database")
                .contains("systemctl stop guichet");
        assertThat(server.issue(server.tokenOf("kiosk-1"), "svc-b").getString("number"))
                .as("refused, the server goes on").isEqualTo("B001");

        server.close();
        server = null;
        deleteTree(dataDir);

        assertThat(console.run("restore", "--config", config.toString(), "--from", dump.toString()))
                .as(console.said()).isEqualTo(BackupCommand.OK);
        assertThat(console.said()).contains("3 tickets")
                .as("the key went with the data directory: the number it sealed cannot be kept")
                .contains("1 call-back number(s) and 0 SMS reminder(s) are erased");

        startServer();
        assertThat(TestServer.ok(server.get("/api/v1/counters/c1/callbacks", server.agentAtCounter("after", "s1", "c1")))
                .getJsonArray("open")).as("the request ended with its number").isEmpty();
        for (JsonObject ticket : issued) {
            JsonObject found = TestServer.ok(server.get("/api/v1/tickets/" + ticket.getLong("id"),
                    server.adminToken()));
            assertThat(found.getString("number")).isEqualTo(ticket.getString("number"));
        }
        assertThat(server.issue(server.tokenOf("kiosk-1"), "svc-a").getString("number")).isEqualTo("A004");
    }

    @Test
    void no_backup_of_a_data_directory_that_holds_no_database() {
        assertThat(console.run("backup", "--config", config.toString(), "--to", work.resolve("x.dump").toString()))
                .isEqualTo(BackupCommand.FAILED);
        assertThat(console.said()).contains("No database to back up");
        assertThat(work.resolve("x.dump")).doesNotExist();
        assertThat(dataDir).doesNotExist();
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
