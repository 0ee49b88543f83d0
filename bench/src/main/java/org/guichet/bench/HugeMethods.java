package org.guichet.server;

import com.sun.management.HotSpotDiagnosticMXBean;

import java.lang.management.ManagementFactory;
import java.util.Optional;

/**
 * HotSpot leaves a method of more than 8,000 bytes of bytecode to the interpreter for good unless the JVM is started
 * with {@value #OPTION}. The JSON-schema check every API request goes through is one such method
 * ({@code SchemaValidatorImpl.validate} of vertx-json-schema 5.0.7, 9,290 bytes): without the option it never runs
 * compiled (docs/operations.md, "The JVM's options").
 */
public final class HugeMethods {

    public static final String OPTION = "-XX:-DontCompileHugeMethods";
    private static final String FLAG = "DontCompileHugeMethods";

    private HugeMethods() {
    }

    /** Whether this JVM leaves huge methods interpreted; empty when it cannot tell (not a HotSpot JVM). */
    public static Optional<Boolean> leftInterpreted() {
        try {
            HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return hotSpot == null ? Optional.empty()
                    : Optional.of(Boolean.parseBoolean(hotSpot.getVMOption(FLAG).getValue()));
        } catch (IllegalArgumentException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** A line for a benchmark's header: how this JVM treats huge methods. */
    public static String describe() {
        return leftInterpreted()
                .map(interpreted -> interpreted ? "huge methods interpreted (no " + OPTION + ")"
                        : "huge methods compiled (" + OPTION + ")")
                .orElse("huge methods: not a HotSpot JVM");
    }
}
