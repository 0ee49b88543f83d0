package org.guichet.server.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real PostgreSQL started from the zonky binaries, its data directory kept under the given path, so tickets survive a
 * restart. Every connection, the local socket's included, must give a password generated at the first start and kept
 * in {@code postgres.password} (mode 0600) beside the data: another user of the machine cannot connect as superuser.
 * The PostgreSQL does not outlive its server: it is stopped with it, a watchdog stops it when the server is killed with
 * -9, and the next start stops one left running all the same (found through postmaster.pid).
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final String SUPERUSER = "postgres";
    private static final String RELOAD_CONFIGURATION = "SELECT pg_reload_conf()";
    private static final String INVALID_PASSWORD = "28P01";
    private static final Duration RELOAD_WAIT = Duration.ofSeconds(10);
    private static final String OTHER_CLIENTS = """
            SELECT count(*) FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND backend_type = 'client backend'""";
    private static final Duration STARTUP_CLIENTS_WAIT = Duration.ofSeconds(10);
    /**
     * Reads its standard input until the server's end closes it (the kernel does so when the server is killed), then
     * asks the PostgreSQL for a fast shutdown, if postmaster.pid still names it.
     */
    private static final String WATCHDOG_SCRIPT = """
            while read -r ignored; do :; done
            if [ "$(head -n 1 "$2/postmaster.pid" 2>/dev/null)" = "$1" ]; then
              echo "$(date -u +%FT%TZ) the Guichet server is gone: fast shutdown of its PostgreSQL (pid $1)"
              kill -INT "$1"
            fi""";
    /** Keeps every watchdog's pipe reachable: were it collected, its closing would stop a PostgreSQL in use. */
    private static final Set<Process> WATCHDOGS = ConcurrentHashMap.newKeySet();

    private final EmbeddedPostgres postgres;
    private final String password;
    private final Process watchdog;

    private EmbeddedDatabase(EmbeddedPostgres postgres, String password, Process watchdog) {
        this.postgres = postgres;
        this.password = password;
        this.watchdog = watchdog;
    }

    public static EmbeddedDatabase start(Path dataDirectory) throws IOException {
        Path pgData = dataDirectory.resolve("postgres");
        Files.createDirectories(pgData);
        stopOrphan(pgData);
        boolean initialised = Files.exists(pgData.resolve("postgresql.conf"));
        Path passwordFile = passwordFile(dataDirectory);
        String password = initialised ? existingPassword(pgData, passwordFile) : writePasswordFile(passwordFile);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                // zonky runs initdb with "-A trust" and then these as --key=value: the later --auth wins, so the
                // superuser has its password and no rule trusts anyone from the very first start.
                .setLocaleConfig("auth", EmbeddedAuthentication.METHOD)
                .setLocaleConfig("pwfile", passwordFile.toAbsolutePath().toString())
                .setConnectConfig("password", password)
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("password_encryption", EmbeddedAuthentication.METHOD)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "200")
                // A new day's queue starts from an empty ticket table's statistics; without a fresh ANALYZE within
                // seconds the planner can read a long queue through the wrong index (seen: call-next at 2 s).
                .setServerConfig("autovacuum_naptime", "10s")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        try {
            requirePassword(postgres.getPort(), pgData, password);
            awaitStartupClientsGone(postgres.getPort(), password);
        } catch (IOException | RuntimeException e) {
            postgres.close();
            throw e;
        }
        Process watchdog = startWatchdog(dataDirectory, pgData);
        LOG.info("Embedded PostgreSQL running on port {} with data in {}; its password is in {}", postgres.getPort(),
                pgData.toAbsolutePath(), passwordFile.toAbsolutePath());
        return new EmbeddedDatabase(postgres, password, watchdog);
    }

    public int port() {
        return postgres.getPort();
    }

    /** Connection settings for the default "postgres" database and user of the embedded server. */
    public DatabaseSettings settings() {
        return new DatabaseSettings("localhost", port(), SUPERUSER, SUPERUSER, password);
    }

    /**
     * The settings of the embedded PostgreSQL of this data directory listening on the given port (its database and
     * user are "postgres", its password in the password file).
     */
    public static DatabaseSettings settingsOn(Path dataDirectory, int port) throws IOException {
        Path file = passwordFile(dataDirectory);
        // A data directory an earlier version started and never secured since: it trusts, any password does.
        String password = Files.exists(file) ? Files.readString(file).strip() : SUPERUSER;
        return new DatabaseSettings("localhost", port, SUPERUSER, SUPERUSER, password);
    }

    /** Where the embedded PostgreSQL's password is kept. */
    public static Path passwordFile(Path dataDirectory) {
        return dataDirectory.resolve(EmbeddedAuthentication.PASSWORD_FILE);
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
        if (watchdog != null) {
            watchdog.destroy();
            WATCHDOGS.remove(watchdog);
        }
        postgres.close();
    }

    /** A fresh password, written before initdb reads it (--pwfile): created 0600, then moved into place. */
    private static String writePasswordFile(Path file) throws IOException {
        String password = EmbeddedAuthentication.newPassword();
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        try {
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(partial);
        }
        Files.writeString(partial, password + "\n");
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return password;
    }

    /**
     * The password of a data directory started before. One made by an earlier version, which trusted every
     * connection, gets its first password now ({@link #requirePassword} then sets it in the database).
     */
    private static String existingPassword(Path pgData, Path file) throws IOException {
        if (Files.exists(file)) {
            keepPrivate(file);
            return Files.readString(file).strip();
        }
        if (EmbeddedAuthentication.requiresPasswordOfEveryone(Files.readString(pgData.resolve("pg_hba.conf")))) {
            throw new IOException("The embedded PostgreSQL under " + pgData.toAbsolutePath() + " asks for a password, "
                    + "but " + file.toAbsolutePath() + ", which keeps it, is missing: restore that file from a backup "
                    + "of the data directory, or restore a database dump into a new data directory.");
        }
        LOG.warn("The embedded PostgreSQL under {} trusts every local connection (made by an earlier version): "
                 + "giving it a password, kept in {}", pgData.toAbsolutePath(), file.toAbsolutePath());
        return writePasswordFile(file);
    }

    private static void keepPrivate(Path file) throws IOException {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
            if (!permissions.equals(ownerOnly)) {
                LOG.warn("{} was readable by others ({}); now by its owner only",
                        file.toAbsolutePath(), PosixFilePermissions.toString(permissions));
                Files.setPosixFilePermissions(file, ownerOnly);
            }
        } catch (UnsupportedOperationException notPosix) {
            // no POSIX permissions on this file system: the directory's access rules are all there is
        }
    }

    /**
     * Makes sure the running PostgreSQL refuses whoever lacks the password: when a rule of pg_hba.conf lets a client
     * in another way (a data directory of an earlier version), sets the superuser's password (its SCRAM verifier is
     * computed here, so the password itself never reaches the server), rewrites pg_hba.conf, reloads it, and waits
     * until a wrong password is refused.
     */
    private static void requirePassword(int port, Path pgData, String password) throws IOException {
        Path hba = pgData.resolve("pg_hba.conf");
        if (EmbeddedAuthentication.requiresPasswordOfEveryone(Files.readString(hba))) {
            return;
        }
        String url = "jdbc:postgresql://localhost:" + port + "/" + SUPERUSER;
        try (Connection connection = DriverManager.getConnection(url, SUPERUSER, password);
             Statement statement = connection.createStatement()) {
            connection.unwrap(PGConnection.class).alterUserPassword(SUPERUSER, password.toCharArray(),
                    EmbeddedAuthentication.METHOD);
            Path partial = hba.resolveSibling("pg_hba.conf.partial");
            Files.writeString(partial, EmbeddedAuthentication.HBA);
            Files.move(partial, hba, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            statement.execute(RELOAD_CONFIGURATION);
        } catch (SQLException e) {
            throw new IOException("Could not give the embedded PostgreSQL its password: " + e.getMessage(), e);
        }
        awaitRefusal(url);
        LOG.info("The embedded PostgreSQL now asks every connection for its password");
    }

    /** The reload is a signal the postmaster handles on its own time: waits until a wrong password is refused. */
    private static void awaitRefusal(String url) throws IOException {
        String wrong = EmbeddedAuthentication.newPassword();
        long deadline = System.nanoTime() + RELOAD_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection ignored = DriverManager.getConnection(url, SUPERUSER, wrong)) {
                Thread.sleep(50);
            } catch (SQLException e) {
                if (INVALID_PASSWORD.equals(e.getSQLState())) {
                    return;
                }
                throw new IOException("Could not check the embedded PostgreSQL's password: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while securing the embedded PostgreSQL", e);
            }
        }
        throw new IOException("The embedded PostgreSQL still accepts a wrong password " + RELOAD_WAIT.toSeconds()
                              + " s after its pg_hba.conf was rewritten; not starting on it.");
    }

    /**
     * zonky's readiness check has closed its connection, but its backend may still be ending: waits until no other
     * client is connected, so that whoever looks first (a restore refusing to run beside a server) sees a quiet
     * database. Gives up quietly after a while: a client that connected meanwhile is not an error here.
     */
    private static void awaitStartupClientsGone(int port, String password) throws IOException {
        String url = "jdbc:postgresql://localhost:" + port + "/" + SUPERUSER;
        long deadline = System.nanoTime() + STARTUP_CLIENTS_WAIT.toNanos();
        try (Connection connection = DriverManager.getConnection(url, SUPERUSER, password);
             PreparedStatement others = connection.prepareStatement(OTHER_CLIENTS)) {
            while (System.nanoTime() < deadline) {
                try (ResultSet count = others.executeQuery()) {
                    if (count.next() && count.getLong(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        } catch (SQLException e) {
            throw new IOException("Could not connect to the embedded PostgreSQL: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A shell that outlives a server killed with -9 and then stops its PostgreSQL (see {@link #WATCHDOG_SCRIPT}): its
     * standard input is a pipe whose other end only this JVM holds, so it sees the end of it whichever way the JVM
     * ends. Closed first on a normal stop. Without a POSIX shell (Windows), none: the next start stops the orphan.
     */
    private static Process startWatchdog(Path dataDirectory, Path pgData) {
        Path shell = Path.of("/bin/sh");
        Optional<Long> postmaster = readPid(pgData.resolve("postmaster.pid"));
        if (!Files.isExecutable(shell) || postmaster.isEmpty()) {
            LOG.warn("No watchdog for the embedded PostgreSQL: should this server be killed, its next start will stop "
                     + "the PostgreSQL left running");
            return null;
        }
        try {
            Process watchdog = new ProcessBuilder(shell.toString(), "-c", WATCHDOG_SCRIPT, "guichet-postgres-watchdog",
                    String.valueOf(postmaster.get()), pgData.toAbsolutePath().toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dataDirectory.resolve("postgres-watchdog.log").toFile()))
                    .start();
            WATCHDOGS.add(watchdog);
            return watchdog;
        } catch (IOException e) {
            LOG.warn("No watchdog for the embedded PostgreSQL ({}): should this server be killed, its next start will "
                     + "stop the PostgreSQL left running", e.getMessage());
            return null;
        }
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
