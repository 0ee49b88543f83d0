package org.guichet.server.domain;

/** What an agent's password must be, checked the same way wherever one is set or used. */
public final class PasswordRules {

    public static final int MIN_LENGTH = 10;
    /** Long enough for any passphrase, short enough that hashing an attacker's megabyte costs nothing. */
    public static final int MAX_LENGTH = 200;

    private PasswordRules() {
    }

    /** Fails as invalid, saying why, unless the password may be set. */
    public static void require(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw Failure.invalid("A password needs at least " + MIN_LENGTH + " characters.");
        }
        if (password.length() > MAX_LENGTH) {
            throw Failure.invalid("A password has at most " + MAX_LENGTH + " characters.");
        }
    }

    /** A password this long can never be right, so it is refused before it is hashed. */
    public static boolean tooLongToTry(String password) {
        return password.length() > MAX_LENGTH;
    }
}
