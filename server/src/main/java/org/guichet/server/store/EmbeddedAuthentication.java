package org.guichet.server.store;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * How the embedded PostgreSQL asks for a password: one generated for it, and a pg_hba.conf in which every rule, the
 * local socket's included, requires that password over SCRAM.
 */
final class EmbeddedAuthentication {

    /** Under the data directory, beside the PostgreSQL data, readable by its owner only. */
    static final String PASSWORD_FILE = "postgres.password";
    static final String METHOD = "scram-sha-256";
    static final String HBA = """
            # Written by Guichet: every connection gives the password kept in ../%s (SCRAM); none is trusted.
            # TYPE  DATABASE  USER  ADDRESS       METHOD
            local   all       all                 scram-sha-256
            host    all       all   127.0.0.1/32  scram-sha-256
            host    all       all   ::1/128       scram-sha-256
            """.formatted(PASSWORD_FILE);

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    /** 32 characters of 62: about 190 bits. Letters and digits only, so no file format or URL needs escaping. */
    static final int PASSWORD_LENGTH = 32;

    private EmbeddedAuthentication() {
    }

    static String newPassword() {
        return newPassword(new SecureRandom());
    }

    static String newPassword(RandomGenerator random) {
        StringBuilder password = new StringBuilder(PASSWORD_LENGTH);
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    /**
     * Whether every rule of a pg_hba.conf requires a SCRAM password: false as soon as one rule lets a client in by
     * another method (initdb's "trust", "peer", "md5"...), or when there is no rule at all.
     */
    static boolean requiresPasswordOfEveryone(String hbaContent) {
        boolean anyRule = false;
        for (String line : hbaContent.split("\n")) {
            String rule = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
            if (rule.isBlank()) {
                continue;
            }
            anyRule = true;
            String[] fields = rule.trim().split("\\s+");
            boolean local = fields[0].equals("local");
            int methodField = local ? 3 : addressTakesTwoFields(fields) ? 5 : 4;
            if (fields.length <= methodField || !fields[methodField].equals(METHOD)) {
                return false;
            }
        }
        return anyRule;
    }

    /** "host all all 127.0.0.1 255.255.255.255 method": an address followed by its mask. */
    private static boolean addressTakesTwoFields(String[] fields) {
        return fields.length > 5 && fields[4].matches("[0-9.]+|[0-9a-fA-F:]+:[0-9a-fA-F:]*");
    }
}
