package org.guichet.server;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.guichet.server.store.DatabaseSettings;
import org.guichet.server.testing.TestDatabase;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backup and restore commands on a real PostgreSQL (the tests' embedded one, dumped and restored by the system's
 * pg_dump, pg_restore and psql): tickets issued through the API, a dump taken while the server runs, the database
 * wiped, the dump restored — every row of every table is back and numbering goes on; and the refusals.
 */
class BackupRestoreTest {

    private static Vertx vertx;

    @TempDir
    Path work;
    private DatabaseSettings database;
    private Path config;
    /** The commands run as the server would: with its key sealing callers' numbers (see ContactKeyTest). */
    private static final String SERVERS_KEY = "contactKeyFile: "
            + TestServer.options(null, 0).contactKey().toAbsolutePath() + "\n";
    private TestServer server;
    private final BackupConsole console = new BackupConsole();

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        TestServer.await(vertx.close());
    }

    @BeforeEach
    void startServer() throws Exception {
        database = TestDatabase.freshDatabase();
        config = work.resolve("guichet.yaml");
        Files.writeString(config, "database:\n  url: postgresql://" + database.host() + ":" + database.port() + "/"
                + database.database() + "\n  user: " + database.user() + "\n  password: " + database.password()
                + "\n" + SERVERS_KEY);
        server = TestServer.start(vertx, TestServer.options(database, 0));
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    /** Five A tickets (one called) on site s1 and two Z tickets on site s2, through the API. */
    private List<JsonObject> issueTickets() {
        List<JsonObject> issued = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            issued.add(server.issue(server.tokenOf("kiosk-1"), "svc-a"));
        }
        issued.add(server.issue(server.tokenOf("kiosk-2"), "svc-z"));
        issued.add(server.issue(server.tokenOf("kiosk-2"), "svc-z"));
        String agent = server.agentAtCounter("agent-1", "s1", "c2");
        TestServer.ok(server.post("/api/v1/counters/c2/call-next", agent, null));
        return issued;
    }

    private void stopTheServer() {
        server.close();
        server = null;
    }

    @Test
    void a_restored_database_has_every_row_back_and_numbering_goes_on() throws Exception {
        List<JsonObject> issued = issueTickets();
        assertThat(issued).extracting(ticket -> ticket.getString("number"))
                .containsExactly("A001", "A002", "A003", "A004", "A005", "Z001", "Z002");
        Path dump = work.resolve("guichet.dump");

        assertThat(console.run("backup", "--config", config.toString(), "--to", dump.toString()))
                .as(console.said()).isEqualTo(BackupCommand.OK);
        assertThat(console.said()).contains("7 tickets");
        Map<String, List<String>> before = contents(database);
        stopTheServer();

        wipe(database);
        assertThat(contents(database)).as("the wiped database").isEmpty();

        assertThat(console.run("restore", "--config", config.toString(), "--from", dump.toString()))
                .as(console.said()).isEqualTo(BackupCommand.OK);
        assertThat(console.said()).contains("7 tickets");
        Map<String, List<String>> after = contents(database);
        assertThat(after.keySet()).as("every table and sequence").isEqualTo(before.keySet());
        assertThat(ticketTables(after)).as("the tickets, row for row").isEqualTo(ticketTables(before));

        server = TestServer.start(vertx, TestServer.options(database, 0));
        JsonObject next = server.issue(server.tokenOf("kiosk-1"), "svc-a");
        assertThat(next.getString("number")).isEqualTo("A006");
        assertThat(next.getLong("id")).isGreaterThan(issued.stream().mapToLong(t -> t.getLong("id")).max()
                .orElseThrow());
        assertThat(server.issue(server.tokenOf("kiosk-2"), "svc-z").getString("number")).isEqualTo("Z003");
        JsonObject first = TestServer.ok(server.get("/api/v1/tickets/" + issued.get(0).getLong("id"),
                server.adminToken()));
        assertThat(first.getString("number")).isEqualTo("A001");
    }

    @Test
    void a_stopped_servers_database_comes_back_row_for_row_in_every_table() throws Exception {
        issueTickets();
        stopTheServer();
        Map<String, List<String>> before = contents(database);
        Path dump = work.resolve("guichet.dump");
        assertThat(console.run("backup", "--config", config.toString(), "--to", dump.toString()))
                .as(console.said()).isEqualTo(BackupCommand.OK);
        wipe(database);

        assertThat(console.run("restore", "--config", config.toString(), "--from", dump.toString()))
                .as(console.said()).isEqualTo(BackupCommand.OK);
        assertThat(contents(database)).isEqualTo(before);
    }

    @Test
    void the_database_owner_restores_without_being_a_superuser() throws Exception {
        // As README sets up production: createuser guichet; createdb -O guichet guichet.
        stopTheServer();
        String owner = database.database() + "_owner";
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(),
                database.password()); Statement statement = connection.createStatement()) {
            statement.execute("CREATE ROLE " + owner + " LOGIN PASSWORD 'owner-password'");
            statement.execute("CREATE DATABASE " + owner + " OWNER " + owner);
        }
        database = new DatabaseSettings(database.host(), database.port(), owner, owner, "owner-password");
        Files.writeString(config, "database:\n  url: postgresql://" + database.host() + ":" + database.port() + "/"
                + owner + "\n  user: " + owner + "\n  password: owner-password\n" + SERVERS_KEY);
        server = TestServer.start(vertx, TestServer.options(database, 0));
        issueTickets();
        Path dump = work.resolve("owner.dump");
        assertThat(console.run("backup", "--config", config.toString(), "--to", dump.toString()))
                .as(console.said()).isEqualTo(BackupCommand.OK);
        stopTheServer();
        Map<String, List<String>> before = contents(database);

        assertThat(console.run("restore", "--config", config.toString(), "--from", dump.toString(), "--yes"))
                .as(console.said()).isEqualTo(BackupCommand.OK);
        assertThat(console.said()).contains("7 tickets");
        assertThat(ticketTables(contents(database))).isEqualTo(ticketTables(before));
    }

    @Test
    void a_database_holding_tickets_is_replaced_only_with_yes() throws Exception {
        issueTickets();
        Path dump = work.resolve("guichet.dump");
        assertThat(console.run("backup", "--config", config.toString(), "--to", dump.toString()))
                .as(console.said()).isEqualTo(BackupCommand.OK);
        Map<String, List<String>> backedUp = ticketTables(contents(database));
        server.issue(server.tokenOf("kiosk-1"), "svc-a");
        stopTheServer();
        Map<String, List<String>> later = contents(database);

        assertThat(console.run("restore", "--config", config.toString(), "--from", dump.toString()))
                .isEqualTo(BackupCommand.FAILED);
        assertThat(console.said()).contains("Refused").contains("holds 8 tickets").contains("--yes");
        assertThat(contents(database)).as("untouched").isEqualTo(later);

        assertThat(console.run("restore", "--config", config.toString(), "--from", dump.toString(), "--yes"))
                .as(console.said()).isEqualTo(BackupCommand.OK);
        assertThat(ticketTables(contents(database))).isEqualTo(backedUp);
    }

    @Test
    void no_restore_while_a_server_is_connected_even_with_yes() throws Exception {
        issueTickets();
        Path dump = work.resolve("guichet.dump");
        assertThat(console.run("backup", "--config", config.toString(), "--to", dump.toString()))
                .as(console.said()).isEqualTo(BackupCommand.OK);
        server.issue(server.tokenOf("kiosk-1"), "svc-a");
        Map<String, List<String>> now = ticketTables(contents(database));

        assertThat(console.run("restore", "--config", config.toString(), "--from", dump.toString(), "--yes"))
                .isEqualTo(BackupCommand.FAILED);
        assertThat(console.said()).contains("Refused").contains("other connections")
                .contains("systemctl stop guichet").contains("Nothing was changed");
        assertThat(ticketTables(contents(database))).isEqualTo(now);
    }

    @Test
    void a_file_that_is_not_a_dump_changes_nothing() throws Exception {
        issueTickets();
        stopTheServer();
        Map<String, List<String>> now = contents(database);
        Path notADump = Files.writeString(work.resolve("notes.dump"), "tickets of Monday\n");

        assertThat(console.run("restore", "--config", config.toString(), "--from", notADump.toString(), "--yes"))
                .isEqualTo(BackupCommand.FAILED);
        assertThat(console.said()).contains("not a dump pg_restore can read").contains("nothing was changed");
        assertThat(contents(database)).isEqualTo(now);
    }

    @Test
    void a_dump_cut_short_is_rolled_back_whole() throws Exception {
        issueTickets();
        // Enough rows that the last table data block, cut short below, comes after the archive's table of contents.
        for (int i = 0; i < 300; i++) {
            server.issue(server.tokenOf("kiosk-1"), "svc-b");
        }
        Path dump = work.resolve("guichet.dump");
        assertThat(console.run("backup", "--config", config.toString(), "--to", dump.toString()))
                .as(console.said()).isEqualTo(BackupCommand.OK);
        byte[] whole = Files.readAllBytes(dump);
        Path cut = Files.write(work.resolve("cut.dump"), java.util.Arrays.copyOf(whole, whole.length - 64));
        server.issue(server.tokenOf("kiosk-1"), "svc-a");
        stopTheServer();
        Map<String, List<String>> now = contents(database);

        assertThat(console.run("restore", "--config", config.toString(), "--from", cut.toString(), "--yes"))
                .isEqualTo(BackupCommand.FAILED);
        assertThat(console.said()).contains("Restore failed, the database is as it was before").contains("pg_restore failed");
        assertThat(contents(database)).as("the wipe and the part restored were rolled back").isEqualTo(now);
    }

    @Test
    void a_backup_into_a_directory_prunes_the_dumps_beyond_the_kept_days_and_months() throws Exception {
        Path dir = Files.createDirectories(work.resolve("backups"));
        for (String old : List.of("2026-11-29T02:30:00Z", "2026-11-28T02:30:00Z", "2026-10-31T02:30:00Z",
                "2026-10-15T02:30:00Z")) {
            Files.writeString(dir.resolve(BackupRetention.fileName(java.time.Instant.parse(old))), "old dump");
        }
        Files.writeString(dir.resolve("notes.txt"), "kept");
        Clock night = Clock.fixed(java.time.Instant.parse("2026-11-30T02:30:00Z"), java.time.ZoneOffset.UTC);

        int exit = console.run(night, "backup", "--config", config.toString(), "--dir", dir.toString(),
                "--keep-daily", "2", "--keep-monthly", "2");

        assertThat(exit).as(console.said()).isEqualTo(BackupCommand.OK);
        try (var files = Files.list(dir)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactlyInAnyOrder(
                    "guichet-2026-11-30T023000Z.dump", "guichet-2026-11-29T023000Z.dump",
                    "guichet-2026-10-31T023000Z.dump", "notes.txt");
        }
        assertThat(Files.size(dir.resolve("guichet-2026-11-30T023000Z.dump"))).isGreaterThan(1000);
        assertThat(console.said()).contains("deleted guichet-2026-11-28T023000Z.dump, guichet-2026-10-15T023000Z.dump");
    }

    @Test
    void a_backup_is_readable_by_its_owner_only() throws Exception {
        Path dump = work.resolve("private.dump");
        assertThat(console.run("backup", "--config", config.toString(), "--to", dump.toString()))
                .as(console.said()).isEqualTo(BackupCommand.OK);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(dump)))
                .isEqualTo("rw-------");
        assertThat(console.said()).doesNotContain(database.password() + "@");
    }

    /** Every table of the public schema, each row as JSON text, sorted; and every sequence's last value. */
    static Map<String, List<String>> contents(DatabaseSettings settings) throws SQLException {
        Map<String, List<String>> contents = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.user(),
                settings.password()); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                List<String> rows = new ArrayList<>();
                try (ResultSet result = statement.executeQuery("SELECT row_to_json(t)::text FROM public.\""
                        + table + "\" t")) {
                    while (result.next()) {
                        rows.add(result.getString(1));
                    }
                }
                rows.sort(null);
                contents.put(table, rows);
            }
            try (ResultSet rows = statement.executeQuery("SELECT sequencename, last_value FROM pg_sequences "
                    + "WHERE schemaname = 'public'")) {
                while (rows.next()) {
                    contents.put("sequence " + rows.getString(1), List.of(String.valueOf(rows.getObject(2))));
                }
            }
        }
        return contents;
    }

    /** The tables a ticket's life writes, which nothing else changes while no request comes. */
    static Map<String, List<String>> ticketTables(Map<String, List<String>> contents) {
        Map<String, List<String>> tickets = new TreeMap<>(contents);
        tickets.keySet().retainAll(List.of("ticket", "ticket_event", "ticket_sequence", "sequence ticket_id_seq"));
        assertThat(tickets).containsKeys("ticket", "ticket_event", "ticket_sequence");
        return tickets;
    }

    private static void wipe(DatabaseSettings settings) throws SQLException {
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.user(),
                settings.password()); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA public CASCADE");
            statement.execute("CREATE SCHEMA public");
        }
    }
}
