package org.guichet.server.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Unguessable bearer tokens. Only their SHA-256 is stored, so a copy of the database does not let anyone log in. */
public final class Tokens {

    public static final String AGENT_PREFIX = "gs_";
    public static final String DEVICE_PREFIX = "gd_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    public static String newToken(String prefix) {
        return prefix + random(32);
    }

    /** 128 bits, URL-safe: for a visitor's status link. */
    public static String newStatusToken() {
        return random(16);
    }

    public static String newPassword() {
        return random(12);
    }

    public static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a token is known by in caches and on the event-bus bridge: the hexadecimal of its SHA-256. */
    public static String key(String token) {
        return hex(hash(token));
    }

    /** The key of a token whose hash is all there is (as stored). */
    public static String hex(byte[] tokenHash) {
        return HexFormat.of().formatHex(tokenHash);
    }

    private static String random(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }
}
