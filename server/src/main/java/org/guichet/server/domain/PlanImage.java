package org.guichet.server.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * A waiting room's plan as an administrator sends it: a PNG or JPEG image of at most {@value #MAX_BYTES} bytes, its
 * type told by its first bytes (never by what the sender claims), so that nothing else is ever served as a plan.
 */
public record PlanImage(String mediaType, byte[] bytes) {

    public static final int MAX_BYTES = 2 * 1024 * 1024;
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    public static PlanImage of(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw Failure.invalid("Send the plan as a PNG or JPEG image.");
        }
        if (bytes.length > MAX_BYTES) {
            throw Failure.invalid("A plan is at most " + MAX_BYTES / 1024 / 1024 + " MB.");
        }
        return new PlanImage(mediaTypeOf(bytes).orElseThrow(() -> Failure.invalid(
                "A plan must be a PNG or JPEG image.")), bytes);
    }

    static Optional<String> mediaTypeOf(byte[] bytes) {
        if (startsWith(bytes, PNG)) {
            return Optional.of("image/png");
        }
        if (startsWith(bytes, JPEG)) {
            return Optional.of("image/jpeg");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
