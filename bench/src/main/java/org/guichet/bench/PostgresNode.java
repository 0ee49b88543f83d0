package org.guichet.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One PostgreSQL server of the system's installation (Debian's /usr/lib/postgresql/N/bin), its data directory in a
 * scratch directory, listening on 127.0.0.1 only. PostgreSQL refuses to run as root: as root, every command runs as
 * the {@code postgres} user (or {@code nobody}) through runuser, and the directories are given to that user.
 */
final class PostgresNode {

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(120);

    private final Path bin;
    private final Path data;
    private final Path socketDir;
    private final int port;
    private final String runAs;

    private PostgresNode(Path bin, Path data, Path socketDir, int port, String runAs) {
        this.bin = bin;
        this.data = data;
        this.socketDir = socketDir;
        this.port = port;
        this.runAs = runAs;
    }

    /** The newest installed PostgreSQL's binaries, or the one GUICHET_PG_BIN names. */
    static Path systemBinaries() throws IOException {
        String configured = System.getenv("GUICHET_PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            throw new IOException("No PostgreSQL under /usr/lib/postgresql: install Debian's postgresql package, or "
                                  + "set GUICHET_PG_BIN to a directory holding initdb, pg_ctl and pg_basebackup");
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.filter(dir -> Files.isExecutable(dir.resolve("bin/initdb")))
                    .max((a, b) -> Integer.compare(version(a), version(b)))
                    .map(dir -> dir.resolve("bin"))
                    .orElseThrow(() -> new IOException("No initdb under /usr/lib/postgresql/*/bin"));
        }
    }

    private static int version(Path dir) {
        try {
            return Integer.parseInt(dir.getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The user the servers run as: this one, or as root a user PostgreSQL accepts. */
    static String runAsUser() throws IOException {
        if (!"root".equals(System.getProperty("user.name"))) {
            return null;
        }
        for (String candidate : List.of("postgres", "nobody")) {
            if (run(List.of("id", "-u", candidate), Duration.ofSeconds(10)).exitCode() == 0) {
                return candidate;
            }
        }
        throw new IOException("Running as root, and neither a 'postgres' nor a 'nobody' user to run PostgreSQL as");
    }

    /** A new primary: initdb'd, configured, not yet started. */
    static PostgresNode initPrimary(Path bin, Path dir, int port, String runAs) throws IOException {
        PostgresNode node = prepare(bin, dir, port, runAs);
        node.command(List.of(bin.resolve("initdb").toString(), "-D", node.data.toString(), "-U", "postgres",
                "-E", "UTF8", "--no-locale", "--auth=trust"));
        return node;
    }

    /** A new standby of {@code primary}: a base backup streaming from it, not yet started. */
    static PostgresNode baseBackup(PostgresNode primary, Path dir, int port, String applicationName)
            throws IOException {
        PostgresNode node = prepare(primary.bin, dir, port, primary.runAs);
        node.command(List.of(primary.bin.resolve("pg_basebackup").toString(), "-h", "127.0.0.1",
                "-p", String.valueOf(primary.port), "-U", "postgres", "-D", node.data.toString(),
                "-X", "stream", "-R", "--checkpoint=fast"));
        // -R wrote standby.signal and a primary_conninfo; the later line names this standby for the primary's
        // synchronous_standby_names.
        Files.writeString(node.data.resolve("postgresql.auto.conf"), "primary_conninfo = 'host=127.0.0.1 port="
                + primary.port + " user=postgres application_name=" + applicationName + "'\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        return node;
    }

    private static PostgresNode prepare(Path bin, Path dir, int port, String runAs) throws IOException {
        Files.createDirectories(dir);
        Path socketDir = dir.resolve("socket");
        Files.createDirectories(socketDir);
        Path data = dir.resolve("data");
        if (runAs != null) {
            UserPrincipal owner = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(runAs);
            Files.setOwner(dir, owner);
            Files.setOwner(socketDir, owner);
        }
        return new PostgresNode(bin, data, socketDir, port, runAs);
    }

    /** Starts the server with these settings ("name=value", given on the command line, so a base backup skips them). */
    void start(List<String> settings) throws IOException {
        List<String> options = new ArrayList<>(List.of("-p", String.valueOf(port), "-c", "listen_addresses=127.0.0.1",
                "-c", "unix_socket_directories=" + socketDir));
        settings.forEach(setting -> {
            options.add("-c");
            options.add(setting);
        });
        command(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
                data.getParent().resolve("server.log").toString(), "-o", String.join(" ", options), "-w", "-t", "60",
                "start"));
    }

    /** A crash: the postmaster and every backend killed at once (SIGKILL), nothing flushed or said to anyone. */
    void kill() throws IOException {
        long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow(() -> new IOException("no postmaster " + pid));
        List<ProcessHandle> all = new ArrayList<>();
        all.add(postmaster);
        all.addAll(postmaster.descendants().toList());
        // The postmaster first: killed after a backend, it would reset and accept connections again.
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : all) {
            process.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        }
    }

    /** pg_ctl promote, waiting until the standby accepts writes. */
    void promote() throws IOException {
        command(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60", "promote"));
    }

    /** Stops the server if it runs (immediate: a scratch cluster has nothing worth a checkpoint). */
    void stopQuietly() {
        if (!Files.exists(data.resolve("postmaster.pid"))) {
            return;
        }
        try {
            command(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w",
                    "stop"));
        } catch (IOException ignored) {
            // already stopped, or killed
        }
    }

    int port() {
        return port;
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, "postgres", "");
    }

    /** The first column of the first row of a query on the "postgres" database, or null when there is no row. */
    String queryOne(String sql) throws SQLException {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    void execute(String sql) throws SQLException {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private void command(List<String> command) throws IOException {
        List<String> full = new ArrayList<>();
        if (runAs != null) {
            full.addAll(List.of("runuser", "-u", runAs, "--"));
        }
        full.addAll(command);
        Result result = run(full, COMMAND_TIMEOUT);
        if (result.exitCode() != 0) {
            throw new IOException(String.join(" ", command) + " failed (" + result.exitCode() + "):\n"
                                  + result.output());
        }
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command, Duration timeout) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            // pg_ctl start leaves the postmaster holding no pipe of ours (its output goes to the -l file).
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not end within " + timeout.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.exitValue(), output);
    }
}
