package org.guichet.server.domain;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Short codes that pair a device without anyone typing its token: eight characters from an alphabet without the
 * look-alikes 0/O, 1/I/L, valid ten minutes, used once. The first three characters (the selector) find the code a
 * guess aims at, so that wrong guesses can be counted against it: after five the code is burnt. Only the selector and
 * the SHA-256 of the whole code are stored.
 */
public final class PairingCodes {

    public static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public static final int LENGTH = 8;
    public static final int SELECTOR_LENGTH = 3;
    public static final Duration LIFETIME = Duration.ofMinutes(10);
    public static final int MAX_WRONG_GUESSES = 5;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a redemption comes to. */
    public enum Verdict { REDEEM, WRONG, USED, EXPIRED, BURNT, OTHER_KIND }

    /** A device's pending (or spent) code, as stored: never the code itself. */
    public record Pairing(String deviceId, String deviceKind, byte[] codeHash, Instant expiresAt, int failedAttempts,
                          Instant usedAt) {

        /** Whether the code could still be redeemed at this instant by whoever has it. */
        public boolean live(Instant now) {
            return usedAt == null && failedAttempts < MAX_WRONG_GUESSES && now.isBefore(expiresAt);
        }

        /**
         * What a guess with this hash (its selector matched) comes to, from a device that can be one of
         * {@code kinds} (empty: any kind). A right code for another kind of device is not spent: a screen's pairing
         * page given a kiosk's code leaves it for the kiosk.
         */
        public Verdict verdict(byte[] guessHash, Set<String> kinds, Instant now) {
            if (!MessageDigest.isEqual(codeHash, guessHash)) {
                return Verdict.WRONG;
            }
            if (usedAt != null) {
                return Verdict.USED;
            }
            if (failedAttempts >= MAX_WRONG_GUESSES) {
                return Verdict.BURNT;
            }
            if (!now.isBefore(expiresAt)) {
                return Verdict.EXPIRED;
            }
            return kinds.isEmpty() || kinds.contains(deviceKind) ? Verdict.REDEEM : Verdict.OTHER_KIND;
        }
    }

    private PairingCodes() {
    }

    public static String newCode() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /**
     * The code as typed, upper-cased, without spaces and dashes; empty when it cannot be a code (wrong length, a
     * character outside the alphabet).
     */
    public static Optional<String> normalize(String typed) {
        if (typed == null || typed.length() > 4 * LENGTH) {
            return Optional.empty();
        }
        String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (code.length() != LENGTH || !code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(code);
    }

    public static String selector(String code) {
        return code.substring(0, SELECTOR_LENGTH);
    }

    /** As shown to a person: two groups of four, "ABCD-EFGH". */
    public static String display(String code) {
        return code.substring(0, LENGTH / 2) + "-" + code.substring(LENGTH / 2);
    }
}
