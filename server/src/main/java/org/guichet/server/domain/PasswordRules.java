package org.guichet.server.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What an agent's password must be, after NIST SP 800-63B (memorised secrets): at least {@link #MIN_LENGTH}
 * characters, at most {@link #MAX_LENGTH} (the same bound refuses a password to set and one to try, before hashing), not
 * a common or easily guessed one ({@link CommonPasswords}), not the account's own name; no composition rules (no
 * "one digit, one symbol"). Lengths count characters as people see them (Unicode code points). Checked here only,
 * wherever a password is set: a change, an administrator's reset or creation, an import, the first administrator.
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 12;
    /** Long enough for any passphrase, short enough that hashing an attacker's megabyte costs nothing. */
    public static final int MAX_LENGTH = 200;

    private PasswordRules() {
    }

    /** Fails as invalid, saying why, unless the password may be set for an account of these names. */
    public static void require(String password, String... names) {
        problem(password, names).ifPresent(reason -> {
            throw Failure.invalid(reason);
        });
    }

    /** Why the password may not be set, or empty when it may. */
    public static java.util.Optional<String> problem(String password, String... names) {
        if (password == null || length(password) < MIN_LENGTH) {
            return java.util.Optional.of("A password needs at least " + MIN_LENGTH + " characters.");
        }
        if (length(password) > MAX_LENGTH) {
            return java.util.Optional.of("A password has at most " + MAX_LENGTH + " characters.");
        }
        if (isName(password, names)) {
            return java.util.Optional.of("A password may not be the account's username or name.");
        }
        if (CommonPasswords.isCommon(password)) {
            return java.util.Optional.of("This password is too common or too easy to guess; choose another "
                                         + "(a few unrelated words make a good one).");
        }
        return java.util.Optional.empty();
    }

    /** A password this long can never be right, so it is refused before it is hashed. */
    public static boolean tooLongToTry(String password) {
        return length(password) > MAX_LENGTH;
    }

    private static int length(String password) {
        return password.codePointCount(0, password.length());
    }

    /** The password is one of the names, whatever the case, accents, spaces, symbols or digits added around it. */
    private static boolean isName(String password, String... names) {
        String folded = letters(password);
        return Stream.of(names).filter(Objects::nonNull).map(PasswordRules::letters)
                .anyMatch(name -> !name.isEmpty() && (name.equals(folded) || name.equals(letters(
                        CommonPasswords.trimPadding(password.toLowerCase(Locale.ROOT))))));
    }

    private static String letters(String text) {
        return java.text.Normalizer.normalize(text.toLowerCase(Locale.ROOT), java.text.Normalizer.Form.NFD)
                .replaceAll("[^\\p{L}\\p{N}]", "").replaceAll("\\p{M}", "");
    }
}
