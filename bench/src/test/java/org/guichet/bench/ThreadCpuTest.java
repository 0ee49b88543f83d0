package org.guichet.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ThreadCpuTest {

    @Test
    void threads_are_grouped_by_their_kernel_names() {
        assertThat(ThreadCpu.group("vert.x-eventloo", true)).isEqualTo(ThreadCpu.LOAD_LOOPS);
        assertThat(ThreadCpu.group("vert.x-eventloo", false)).isEqualTo(ThreadCpu.NODE_LOOPS);
        assertThat(ThreadCpu.group("hz.friendly_bar", false)).isEqualTo(ThreadCpu.HAZELCAST);
        assertThat(ThreadCpu.group("vert.x-worker-t", false)).isEqualTo(ThreadCpu.WORKERS);
        assertThat(ThreadCpu.group("vert.x-internal", false)).isEqualTo(ThreadCpu.WORKERS);
        assertThat(ThreadCpu.group("GC Thread#1", false)).isEqualTo(ThreadCpu.COLLECTOR);
        assertThat(ThreadCpu.group("G1 Conc#0", false)).isEqualTo(ThreadCpu.COLLECTOR);
        assertThat(ThreadCpu.group("C2 CompilerThre", false)).isEqualTo(ThreadCpu.COMPILERS);
        assertThat(ThreadCpu.group("C1 CompilerThre", false)).isEqualTo(ThreadCpu.COMPILERS);
        assertThat(ThreadCpu.group("guichet-passwor", false)).isEqualTo(ThreadCpu.HASHING);
        assertThat(ThreadCpu.group("main", false)).isEqualTo(ThreadCpu.OTHER);
    }

    @Test
    void a_stat_line_gives_its_name_and_user_plus_system_ticks_even_with_spaces_and_parentheses_in_the_name() {
        String line = "4242 (G1 Conc#0 (x)) S 4200 4200 1 0 -1 4194368 12 0 0 0 731 69 0 0 20 0 40 0 1234 0 0";

        ThreadCpu.Reading reading = ThreadCpu.parse(line, false);

        assertThat(reading).isEqualTo(new ThreadCpu.Reading(ThreadCpu.COLLECTOR, 800));
    }

    @Test
    void the_time_spent_counts_a_thread_born_meanwhile_from_zero_and_lists_every_group_in_order() {
        Map<Long, ThreadCpu.Reading> before = Map.of(1L, new ThreadCpu.Reading(ThreadCpu.NODE_LOOPS, 100),
                2L, new ThreadCpu.Reading(ThreadCpu.HAZELCAST, 50));
        Map<Long, ThreadCpu.Reading> after = Map.of(1L, new ThreadCpu.Reading(ThreadCpu.NODE_LOOPS, 400),
                3L, new ThreadCpu.Reading(ThreadCpu.NODE_LOOPS, 25), 4L, new ThreadCpu.Reading(ThreadCpu.COLLECTOR, 7));

        Map<String, Double> spent = ThreadCpu.spent(before, after);

        assertThat(spent.keySet()).containsExactlyElementsOf(ThreadCpu.GROUPS);
        assertThat(spent.get(ThreadCpu.NODE_LOOPS)).isCloseTo(3.25, within(1e-9));
        assertThat(spent.get(ThreadCpu.COLLECTOR)).isCloseTo(0.07, within(1e-9));
        assertThat(spent.get(ThreadCpu.HAZELCAST)).isZero();
        assertThat(ThreadCpu.summary(spent, 4.0)).startsWith("the nodes' event loops 3.3 s, the load's event loops 0.0 s")
                .endsWith("other threads 0.0 s, ended or unplaced 0.7 s");
    }

    @Test
    void work_on_the_loads_event_loop_and_on_a_servers_is_counted_apart() throws Exception {
        // given a load's Vert.x and a server's, both of one event loop, their threads told apart
        Vertx load = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        Vertx server = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        try {
            ThreadCpu threads = ThreadCpu.withLoad(load);
            Map<Long, ThreadCpu.Reading> before = threads.read();

            // when the load's loop burns 300 ms of CPU and the server's 600 ms
            burn(load, 300);
            burn(server, 600);
            Map<Long, ThreadCpu.Reading> after = threads.read();

            // then each group has at least that, to the kernel's 10 ms tick, and the load's loop is not a server's
            Map<String, Double> spent = ThreadCpu.spent(before, after);
            assertThat(spent.get(ThreadCpu.LOAD_LOOPS)).isBetween(0.29, 0.5);
            assertThat(spent.get(ThreadCpu.NODE_LOOPS)).isGreaterThanOrEqualTo(0.59);
        } finally {
            load.close().await(10, TimeUnit.SECONDS);
            server.close().await(10, TimeUnit.SECONDS);
        }
    }

    /** Spins on the Vert.x's event loop until that thread has used {@code millis} of CPU. */
    private static void burn(Vertx vertx, long millis) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        vertx.runOnContext(v -> {
            var threads = ManagementFactory.getThreadMXBean();
            long until = threads.getCurrentThreadCpuTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            while (threads.getCurrentThreadCpuTime() < until) {
                Thread.onSpinWait();
            }
            done.countDown();
        });
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
    }
}
