package org.guichet.server;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.guichet.server.config.ConfigLoader;
import org.guichet.server.service.ContactCipher;
import org.guichet.server.store.BackupStore;
import org.guichet.server.store.DatabaseSettings;
import org.guichet.server.store.EmbeddedDatabase;
import org.guichet.server.store.Migrations;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code backup} and {@code restore}: a pg_dump of the configured database (external, or the embedded one under the
 * data directory, started for the occasion when no server runs it) and its restore into an emptied database.
 */
public final class BackupCommand {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    static final String USAGE_TEXT = """
            Usage: java -jar guichet-server.jar backup [--config FILE] [--to FILE | --dir DIR [--keep-daily N --keep-monthly M]]
                   java -jar guichet-server.jar restore --from FILE [--config FILE] [--yes]
              backup   dumps the configured database (pg_dump, custom format; consistent while servers run) to FILE,
                       or to DIR/guichet-<UTC time>.dump; with --keep-daily/--keep-monthly, then deletes the dumps of
                       DIR beyond the newest of each of the last N days and of the last M months
              restore  replaces the configured database's content with the dump's, in one transaction; refuses while
                       a server is connected to it, and, without --yes, when it holds tickets
            Needs pg_dump, pg_restore and psql (Debian package postgresql-client).""";

    /** The command line of a backup or a restore. */
    record Arguments(String command, Path config, Path to, Path dir, Integer keepDaily, Integer keepMonthly,
                     Path from, boolean yes) {
    }

    private final PrintStream out;
    private final Clock clock;

    BackupCommand(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    /** Whether the command line asks for a backup or a restore rather than a server. */
    public static boolean handles(List<String> args) {
        return !args.isEmpty() && (args.get(0).equals("backup") || args.get(0).equals("restore"));
    }

    /** Runs the command; returns the process exit code (0 done, 1 failed or refused, 2 wrong command line). */
    public static int run(List<String> args) {
        return new BackupCommand(System.out, Clock.systemUTC()).execute(args);
    }

    int execute(List<String> args) {
        Arguments arguments;
        try {
            arguments = parse(args);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            out.println(USAGE_TEXT);
            return USAGE;
        }
        try {
            ServerOptions options = readOptions(arguments.config());
            return arguments.command().equals("backup") ? backup(arguments, options) : restore(arguments, options);
        } catch (Failure e) {
            out.println(e.getMessage());
            return FAILED;
        }
    }

    /** What stops the command, said to the operator. */
    static final class Failure extends Exception {
        Failure(String message) {
            super(message);
        }
    }

    static Arguments parse(List<String> args) {
        if (!handles(args)) {
            throw new IllegalArgumentException("Expected backup or restore.");
        }
        String command = args.get(0);
        Path config = Path.of("guichet.yaml");
        Path to = null;
        Path dir = null;
        Integer keepDaily = null;
        Integer keepMonthly = null;
        Path from = null;
        boolean yes = false;
        for (int i = 1; i < args.size(); i++) {
            String option = args.get(i);
            if (option.equals("--yes") && command.equals("restore")) {
                yes = true;
                continue;
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException("Unknown option or missing value: " + option);
            }
            String value = args.get(++i);
            switch (command + " " + option) {
                case "backup --config", "restore --config" -> config = Path.of(value);
                case "backup --to" -> to = Path.of(value);
                case "backup --dir" -> dir = Path.of(value);
                case "backup --keep-daily" -> keepDaily = count(option, value, 1);
                case "backup --keep-monthly" -> keepMonthly = count(option, value, 0);
                case "restore --from" -> from = Path.of(value);
                default -> throw new IllegalArgumentException("Unknown option for " + command + ": " + option);
            }
        }
        if (to != null && dir != null) {
            throw new IllegalArgumentException("Give either --to FILE or --dir DIR, not both.");
        }
        if ((keepDaily != null || keepMonthly != null) && (dir == null || keepDaily == null)) {
            throw new IllegalArgumentException("Pruning needs --dir DIR and --keep-daily N (--keep-monthly M is "
                                               + "optional, 0 by default).");
        }
        if (command.equals("restore") && from == null) {
            throw new IllegalArgumentException("restore needs --from FILE.");
        }
        return new Arguments(command, config, to, dir, keepDaily, keepMonthly == null ? 0 : keepMonthly, from, yes);
    }

    private static int count(String option, String value, int minimum) {
        try {
            int count = Integer.parseInt(value);
            if (count >= minimum) {
                return count;
            }
        } catch (NumberFormatException ignored) {
            // said below
        }
        throw new IllegalArgumentException(option + " must be a whole number, at least " + minimum + " (got "
                                           + value + ").");
    }

    private static ServerOptions readOptions(Path configFile) throws Failure {
        Vertx vertx = Vertx.vertx();
        try {
            JsonObject config = ConfigLoader.read(vertx, configFile).await(30, TimeUnit.SECONDS);
            return ConfigLoader.toOptions(config, false, false);
        } catch (Exception e) {
            throw new Failure("Could not read the configuration: " + e.getMessage());
        } finally {
            vertx.close();
        }
    }

    private int backup(Arguments arguments, ServerOptions options) throws Failure {
        PostgresTools tools = tools();
        Path file = arguments.to() != null ? arguments.to()
                : (arguments.dir() != null ? arguments.dir() : Path.of("."))
                        .resolve(BackupRetention.fileName(clock.instant()));
        if (options.database() == null && EmbeddedDatabase.runningPort(options.dataDirectory()).isEmpty()
            && !EmbeddedDatabase.exists(options.dataDirectory())) {
            throw new Failure("No database to back up: no external database is configured (GUICHET_DB_URL) and "
                              + options.dataDirectory().toAbsolutePath() + " holds no embedded one.");
        }
        try (Target target = Target.open(options)) {
            BackupStore.Tickets tickets = BackupStore.tickets(target.settings());
            Path partial = createPrivateFile(file);
            try {
                tools.dump(target.settings(), partial);
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
            out.println("Backed up " + target.description() + " (" + describe(tickets) + ") to " + file + " ("
                        + Files.size(file) + " bytes).");
        } catch (PostgresTools.ToolException e) {
            throw new Failure("Backup failed: " + e.getMessage());
        } catch (IOException | SQLException e) {
            throw new Failure("Backup failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("Backup interrupted.");
        }
        if (arguments.keepDaily() != null) {
            prune(arguments.dir(), arguments.keepDaily(), arguments.keepMonthly());
        }
        return OK;
    }

    /** The dump is written beside its final name, readable by its owner only (it holds password hashes). */
    private static Path createPrivateFile(Path file) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path partial = directory.resolve("." + file.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        try {
            return Files.createFile(partial, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            return Files.createFile(partial);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("another backup is writing " + partial);
        }
    }

    private void prune(Path dir, int daily, int monthly) throws Failure {
        List<String> names;
        try (Stream<Path> files = Files.list(dir)) {
            names = files.map(path -> path.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new Failure("Could not list " + dir + " to prune it: " + e.getMessage());
        }
        List<String> deleted = new ArrayList<>();
        for (String name : BackupRetention.toDelete(names, daily, monthly)) {
            try {
                Files.delete(dir.resolve(name));
                deleted.add(name);
            } catch (IOException e) {
                throw new Failure("Could not delete the old dump " + dir.resolve(name) + ": " + e.getMessage());
            }
        }
        out.println("Kept the newest dump of each of the last " + daily + " days and " + monthly + " months in "
                    + dir + "; deleted " + (deleted.isEmpty() ? "none" : String.join(", ", deleted)) + ".");
    }

    private int restore(Arguments arguments, ServerOptions options) throws Failure {
        Path file = arguments.from();
        if (!Files.isReadable(file)) {
            throw new Failure("Cannot read " + file + ".");
        }
        PostgresTools tools = tools();
        try {
            tools.checkArchive(file);
        } catch (PostgresTools.ToolException e) {
            throw new Failure(file + " is not a dump pg_restore can read; nothing was changed. " + e.getMessage());
        } catch (IOException e) {
            throw new Failure("Restore failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("Restore interrupted.");
        }
        try (Target target = Target.open(options)) {
            List<BackupStore.Session> sessions = BackupStore.otherSessions(target.settings());
            if (!sessions.isEmpty()) {
                throw new Failure(refusalForSessions(target, sessions));
            }
            BackupStore.Tickets before = BackupStore.tickets(target.settings());
            if (before.count() > 0 && !arguments.yes()) {
                throw new Failure("Refused: " + target.description() + " holds " + describe(before) + ", which the "
                                  + "restore would replace with the dump's. Nothing was changed. Run the restore "
                                  + "again with --yes to overwrite it.");
            }
            tools.restore(target.settings(), file, BackupStore.wipeStatement());
            int migrated = migrate(target.settings());
            BackupStore.Tickets after = BackupStore.tickets(target.settings());
            out.println("Restored " + file + " into " + target.description() + ": " + describe(after)
                        + (migrated > 0 ? "; " + migrated + " migrations of this version applied" : "") + ".");
            Path keyFile = options.contactKey();
            BackupStore.eraseContactsSealedWithAnotherKey(target.settings(), Files.exists(keyFile)
                    ? ContactCipher.fromKeyFile(keyFile).fingerprint() : null)
                    .filter(erased -> erased.callbacks() + erased.reminders() > 0).ifPresent(erased -> out.println(
                    "The dump's callers' numbers were sealed with another key than " + keyFile + " (a backup never "
                    + "holds the key): " + erased.callbacks() + " call-back number(s) and " + erased.reminders()
                    + " SMS reminder(s) are erased; the requests stay, without numbers. Restore that key file "
                    + "first to keep them."));
            return OK;
        } catch (PostgresTools.ToolException e) {
            throw new Failure("Restore failed, the database is as it was before: " + e.getMessage());
        } catch (IOException | SQLException e) {
            throw new Failure("Restore failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("Restore interrupted.");
        }
    }

    /** The restored schema must be one this version's server accepts (an older dump is brought up to date here). */
    private static int migrate(DatabaseSettings settings) throws Failure {
        try {
            return Migrations.migrate(settings);
        } catch (RuntimeException e) {
            throw new Failure("The dump was restored, but this version of Guichet does not accept its schema: "
                              + e.getMessage());
        }
    }

    static String refusalForSessions(Target target, List<BackupStore.Session> sessions) {
        String who = sessions.stream().map(session -> "user " + session.user() + " from " + session.from()
                + (session.application().isBlank() ? "" : " (" + session.application() + ")"))
                .distinct().collect(Collectors.joining(", "));
        if (target.runningEmbedded()) {
            return "Refused: a Guichet server is running on " + target.description() + " (" + sessions.size()
                   + " connections). Stop it (systemctl stop guichet) and run the restore again: the command then "
                   + "starts the embedded PostgreSQL itself. Nothing was changed.";
        }
        return "Refused: " + sessions.size() + " other connections to " + target.description() + " (" + who
               + "). Stop every Guichet server using this database (systemctl stop guichet on each node) and close "
               + "other clients, then run the restore again. Nothing was changed.";
    }

    private static String describe(BackupStore.Tickets tickets) {
        return tickets.count() + " tickets" + tickets.lastDay().map(day -> ", the last issued on " + day).orElse("");
    }

    private static PostgresTools tools() throws Failure {
        try {
            return PostgresTools.find();
        } catch (PostgresTools.ToolException e) {
            throw new Failure(e.getMessage());
        }
    }

    /** The database a command works on, and the embedded PostgreSQL it started for that, if it did. */
    record Target(DatabaseSettings settings, String description, boolean runningEmbedded,
                  Optional<EmbeddedDatabase> started) implements AutoCloseable {

        static Target open(ServerOptions options) throws IOException {
            if (options.database() != null) {
                DatabaseSettings db = options.database();
                return new Target(db, "database " + db.database() + " on " + db.host() + ":" + db.port(), false,
                        Optional.empty());
            }
            Path data = options.dataDirectory().toAbsolutePath();
            Optional<Integer> running = EmbeddedDatabase.runningPort(options.dataDirectory());
            if (running.isPresent()) {
                return new Target(EmbeddedDatabase.settingsOn(options.dataDirectory(), running.get()),
                        "the embedded database under " + data, true, Optional.empty());
            }
            EmbeddedDatabase embedded = EmbeddedDatabase.start(options.dataDirectory());
            return new Target(embedded.settings(), "the embedded database under " + data, false,
                    Optional.of(embedded));
        }

        @Override
        public void close() throws IOException {
            if (started.isPresent()) {
                started.get().close();
            }
        }
    }
}
