package org.guichet.server;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/** Runs the backup and restore commands as the command line does, keeping what the last run printed. */
final class BackupConsole {

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    int run(String... args) {
        return run(Clock.systemUTC(), args);
    }

    /** A run at the clock's time (retention counts days and months from it). */
    int run(Clock clock, String... args) {
        output.reset();
        return new BackupCommand(new PrintStream(output, true, StandardCharsets.UTF_8), clock).execute(List.of(args));
    }

    String said() {
        return output.toString(StandardCharsets.UTF_8);
    }
}
