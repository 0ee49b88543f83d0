package org.guichet.server.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A real PostgreSQL started from the zonky binaries, its data directory kept under the given path, so tickets survive a
 * restart. A server killed with -9 leaves its postmaster running: it is found through postmaster.pid and stopped first.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedDatabase start(Path dataDirectory) throws IOException {
        Path pgData = dataDirectory.resolve("postgres");
        Files.createDirectories(pgData);
        stopOrphan(pgData);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "200")
                // A new day's queue starts from an empty ticket table's statistics; without a fresh ANALYZE within
                // seconds the planner can read a long queue through the wrong index (seen: call-next at 2 s).
                .setServerConfig("autovacuum_naptime", "10s")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        LOG.info("Embedded PostgreSQL running on port {} with data in {}", postgres.getPort(), pgData.toAbsolutePath());
        return new EmbeddedDatabase(postgres);
    }

    public int port() {
        return postgres.getPort();
    }

    /** Connection settings for the default "postgres" database and user of the embedded server. */
    public DatabaseSettings settings() {
        return settingsOn(port());
    }

    /** The settings of an embedded PostgreSQL listening on the given port (its database and user are "postgres"). */
    public static DatabaseSettings settingsOn(int port) {
        return new DatabaseSettings("localhost", port, "postgres", "postgres", "postgres");
    }

    /** Whether a database was ever created under this data directory. */
    public static boolean exists(Path dataDirectory) {
        return Files.exists(dataDirectory.resolve("postgres").resolve("PG_VERSION"));
    }

    /**
     * The port of the PostgreSQL running on this data directory right now (a server's, or one a killed server left),
     * read from its postmaster.pid; empty when none runs. A command that must not stop it (a backup) connects there
     * rather than calling {@link #start}, which would stop it.
     */
    public static Optional<Integer> runningPort(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postgres").resolve("postmaster.pid");
        if (!Files.exists(pidFile) || runningPostmaster(pidFile).isEmpty()) {
            return Optional.empty();
        }
        return readPortLine(pidFile);
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    static void stopOrphan(Path pgData) {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> process = runningPostmaster(pidFile);
        if (process.isEmpty()) {
            return;
        }
        LOG.warn("A PostgreSQL left running by a previous server (pid {}) holds {}; stopping it",
                process.get().pid(), pgData);
        process.get().destroy();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (process.get().isAlive() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Optional<ProcessHandle> runningPostmaster(Path pidFile) {
        return readPid(pidFile).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info().command().map(command -> command.contains("postgres")).orElse(false));
    }

    /** The fourth line of postmaster.pid is the port the postmaster listens on. */
    private static Optional<Integer> readPortLine(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.size() < 4 ? Optional.empty() : Optional.of(Integer.parseInt(lines.get(3).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
