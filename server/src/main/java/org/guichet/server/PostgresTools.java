package org.guichet.server;

import org.guichet.server.store.BackupStore;
import org.guichet.server.store.DatabaseSettings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The PostgreSQL client programs a backup needs (pg_dump, pg_restore, psql: Debian's postgresql-client; the embedded
 * PostgreSQL's binaries do not include them), run with the password in their environment, never on their command line.
 */
public final class PostgresTools {

    static final List<String> PROGRAMS = List.of("pg_dump", "pg_restore", "psql");
    static final Path DEBIAN_VERSIONS = Path.of("/usr/lib/postgresql");
    private static final Pattern MAJOR_VERSION = Pattern.compile("\\d+");

    private final Path bin;

    PostgresTools(Path bin) {
        this.bin = bin;
    }

    /** Thrown when the programs are missing or one of them fails; the message is for the operator. */
    public static final class ToolException extends Exception {
        ToolException(String message) {
            super(message);
        }
    }

    /** The programs of the newest /usr/lib/postgresql/N/bin, else of the first PATH directory holding all three. */
    public static PostgresTools find() throws ToolException {
        String path = System.getenv().getOrDefault("PATH", "");
        List<Path> pathDirectories = Stream.of(path.split(java.io.File.pathSeparator))
                .filter(entry -> !entry.isBlank()).map(Path::of).toList();
        return find(DEBIAN_VERSIONS, pathDirectories).orElseThrow(() -> new ToolException(
                "pg_dump, pg_restore and psql were not found (looked in " + DEBIAN_VERSIONS + "/*/bin, newest first, "
                + "then on PATH). Install the Debian package postgresql-client (apt-get install postgresql-client), "
                + "of the database server's major version or newer."));
    }

    static Optional<PostgresTools> find(Path versionsRoot, List<Path> pathDirectories) {
        return candidates(versionsRoot, pathDirectories).stream().filter(PostgresTools::holdsAll).findFirst()
                .map(PostgresTools::new);
    }

    /** Where to look, in order: versionsRoot/N/bin with the highest N first, then the PATH directories. */
    static List<Path> candidates(Path versionsRoot, List<Path> pathDirectories) {
        List<Path> candidates = new ArrayList<>();
        if (Files.isDirectory(versionsRoot)) {
            try (Stream<Path> versions = Files.list(versionsRoot)) {
                versions.filter(version -> MAJOR_VERSION.matcher(version.getFileName().toString()).matches())
                        .sorted(Comparator.comparingInt((Path version) ->
                                Integer.parseInt(version.getFileName().toString())).reversed())
                        .map(version -> version.resolve("bin"))
                        .forEach(candidates::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        candidates.addAll(pathDirectories);
        return candidates;
    }

    private static boolean holdsAll(Path directory) {
        return PROGRAMS.stream().allMatch(program -> Files.isExecutable(directory.resolve(program)));
    }

    public Path bin() {
        return bin;
    }

    /** pg_dump's custom format: compressed, read back by pg_restore, from one snapshot (so consistent). */
    public void dump(DatabaseSettings database, Path file) throws ToolException, IOException, InterruptedException {
        run(List.of(program("pg_dump"), "--format=custom", "--file=" + file, "--no-password",
                "--host=" + database.host(), "--port=" + database.port(), "--username=" + database.user(),
                "--dbname=" + database.database()), database);
    }

    /** Fails unless the file is an archive pg_restore can read. */
    public void checkArchive(Path file) throws ToolException, IOException, InterruptedException {
        run(List.of(program("pg_restore"), "--list", file.toString()), null);
    }

    /**
     * In one transaction (psql --single-transaction, stopping at the first error): the given statement (the wipe),
     * then the archive's objects and rows as pg_restore writes them (owned by the connecting user, whoever owned them
     * in the dumped database), then ANALYZE so the planner knows the restored tables at once.
     */
    public void restore(DatabaseSettings database, Path file, String firstStatement)
            throws ToolException, IOException, InterruptedException {
        ProcessBuilder script = new ProcessBuilder(program("pg_restore"), "--file=-", "--no-owner",
                "--no-privileges", file.toString());
        ProcessBuilder psql = new ProcessBuilder(program("psql"), "--no-psqlrc", "--quiet", "--no-password",
                "--set=ON_ERROR_STOP=1", "--single-transaction",
                "--host=" + database.host(), "--port=" + database.port(), "--username=" + database.user(),
                "--dbname=" + database.database(),
                "--command=" + firstStatement, "--file=-", "--command=ANALYZE");
        withPassword(psql.environment(), database);
        psql.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process restoring = psql.start();
        CompletableFuture<String> psqlErrors = readAsync(restoring.getErrorStream());
        Process reading;
        try {
            reading = script.start();
        } catch (IOException e) {
            restoring.destroyForcibly().waitFor();
            throw e;
        }
        CompletableFuture<String> readErrors = readAsync(reading.getErrorStream());
        // psql commits once its input ends: it sees that end only when pg_restore wrote the whole archive. Were
        // pg_restore to fail half-way, psql is killed instead, and the server rolls the transaction back.
        boolean psqlKilled = false;
        try (var from = reading.getInputStream(); var to = restoring.getOutputStream()) {
            from.transferTo(to);
            if (reading.waitFor() != 0) {
                restoring.destroyForcibly().waitFor();
                psqlKilled = true;
            }
        } catch (IOException brokenPipe) {
            // psql stopped reading: it met an error and rolled back; its own message says which.
            reading.destroyForcibly().waitFor();
        }
        int psqlExit = restoring.waitFor();
        if (psqlKilled) {
            throw new ToolException("pg_restore failed (exit " + reading.exitValue() + "): "
                    + readErrors.join().strip());
        }
        if (psqlExit != 0) {
            throw new ToolException("psql failed (exit " + psqlExit + "): " + psqlErrors.join().strip());
        }
    }

    private String program(String name) {
        return bin.resolve(name).toString();
    }

    private static void run(List<String> command, DatabaseSettings database)
            throws ToolException, IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        if (database != null) {
            withPassword(builder.environment(), database);
        }
        Process process = builder.start();
        CompletableFuture<String> errors = readAsync(process.getErrorStream());
        int exit = process.waitFor();
        if (exit != 0) {
            throw new ToolException(Path.of(command.get(0)).getFileName() + " failed (exit " + exit + "): "
                    + errors.join().strip());
        }
    }

    /** The password travels in PGPASSWORD, which only the child sees: a command line is readable by every user. */
    static void withPassword(Map<String, String> environment, DatabaseSettings database) {
        if (database.password() != null) {
            environment.put("PGPASSWORD", database.password());
        }
        environment.put("PGAPPNAME", BackupStore.APPLICATION_NAME);
        environment.put("PGCONNECT_TIMEOUT", "10");
        environment.put("PGOPTIONS", "-c client_min_messages=warning");
    }

    private static CompletableFuture<String> readAsync(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }, task -> Thread.ofPlatform().daemon().name("postgres-tool-errors").start(task));
    }
}
