package org.guichet.server;

import org.guichet.server.config.LoopbackPorts;
import org.guichet.server.testing.Eventually;
import org.guichet.server.testing.NodeProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server killed with SIGKILL cannot stop its embedded PostgreSQL: that PostgreSQL must not run on for ever without
 * an owner, and the next server on the same data directory must start all the same.
 */
class EmbeddedOrphanTest {

    private static final Duration STOPPING = Duration.ofSeconds(60);

    @TempDir
    Path dataDirectory;
    private NodeProcess node;
    private final List<Long> postmasters = new ArrayList<>();

    @AfterEach
    void stopNode() {
        if (node != null) {
            node.close();
        }
        // Should the test fail, no PostgreSQL of its own outlives it.
        postmasters.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy));
    }

    @Test
    void the_postgresql_of_a_killed_server_stops_by_itself() {
        node = NodeProcess.startEmbedded("orphan-watchdog", dataDirectory, LoopbackPorts.free());
        long postmaster = postmasterPid();

        node.kill();

        Eventually.await("the killed server's PostgreSQL (pid " + postmaster + ") to stop", STOPPING,
                () -> isRunning(postmaster), running -> !running);
    }

    @Test
    void the_next_start_stops_an_orphan_and_serves() {
        node = NodeProcess.startEmbedded("orphan-first", dataDirectory, LoopbackPorts.free());
        long orphan = postmasterPid();
        // Everything the server started but its PostgreSQL dies with it, as after kill -9 of the whole process tree.
        node.descendants().stream().filter(process -> process.pid() != orphan).forEach(ProcessHandle::destroyForcibly);
        node.kill();
        assertThat(isRunning(orphan)).as("an orphan PostgreSQL is left").isTrue();

        node = NodeProcess.startEmbedded("orphan-next", dataDirectory, LoopbackPorts.free());

        assertThat(isRunning(orphan)).as("the orphan was stopped").isFalse();
        assertThat(postmasterPid()).isNotEqualTo(orphan);
    }

    private long postmasterPid() {
        try {
            long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postgres").resolve("postmaster.pid"))
                    .get(0).strip());
            postmasters.add(pid);
            return pid;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isRunning(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
