package org.guichet.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The temporary data directory a benchmark works in. */
final class ScratchDirectory {

    private ScratchDirectory() {
    }

    /** Deletes the directory and everything in it; a temporary directory left behind is harmless. */
    static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (Exception ignored) {
            // the system cleans its temporary directory eventually
        }
    }
}
