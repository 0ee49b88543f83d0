package org.guichet.bench;

import com.sun.management.HotSpotDiagnosticMXBean;

import java.lang.management.ManagementFactory;
import java.util.Optional;

/**
 * HotSpot leaves a method of more than 8,000 bytes of bytecode to the interpreter for good unless the JVM is started
 * with {@value #OPTION}. The JSON-schema check every API request goes through is one such method
 * ({@code SchemaValidatorImpl.validate} of vertx-json-schema 5.0.7, 9,290 bytes). The option was measured and is not
 * recommended (docs/operations.md, "The JVM's options"); the benchmarks print which way their JVM runs, so that
 * figures taken either way are not compared unawares.
 */
final class HugeMethods {

    static final String OPTION = "-XX:-DontCompileHugeMethods";
    private static final String FLAG = "DontCompileHugeMethods";

    private HugeMethods() {
    }

    /** Whether this JVM leaves huge methods interpreted; empty when it cannot tell (not a HotSpot JVM). */
    static Optional<Boolean> leftInterpreted() {
        try {
            HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return hotSpot == null ? Optional.empty()
                    : Optional.of(Boolean.parseBoolean(hotSpot.getVMOption(FLAG).getValue()));
        } catch (IllegalArgumentException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** A line for a benchmark's header: how this JVM treats huge methods. */
    static String describe() {
        return leftInterpreted()
                .map(interpreted -> interpreted ? "huge methods interpreted (no " + OPTION + ")"
                        : "huge methods compiled (" + OPTION + ")")
                .orElse("huge methods: not a HotSpot JVM");
    }
}
