package org.guichet.server.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Passwords an attacker tries first, as NIST SP 800-63B asks a verifier to refuse: those made of common words and names
 * (French and English, this application's own, its users' institutions), keyboard walks (AZERTY and QWERTY), digit
 * runs and repeated characters, padded with digits, years or symbols, doubled, with the usual letter-for-digit swaps.
 *
 * <p>Written for this project from the patterns below, not copied from any published list (the repository's licence
 * rule): instead of storing every variant, a candidate is folded (lower case, swaps undone, leading and trailing digits
 * and symbols dropped) and compared with the generated words and walks, alone or up to three end to end.
 */
public final class CommonPasswords {

    /** Common words, names and this application's own vocabulary, lower case, no accents. */
    private static final List<String> WORDS = List.of(
            "password", "passw", "passwd", "pass", "motdepasse", "mdp", "secret", "changeme", "changemoi",
            "bonjour", "bonsoir", "salut", "coucou", "soleil", "bienvenue", "welcome", "hello", "letmein", "iloveyou",
            "jetaime", "amour", "loveyou", "love", "doudou", "chouchou", "loulou", "nounours", "chocolat", "princesse",
            "princess", "sunshine", "dragon", "monkey", "football", "baseball", "superman", "batman", "starwars",
            "master", "shadow", "freedom", "trustno", "whatever", "qwerty", "azerty", "admin", "administrateur",
            "administrator", "root", "user", "utilisateur", "login", "default", "test", "demo", "guest", "invite",
            "guichet", "departement", "conseil", "conseildepartemental", "departemental", "accueil", "agent",
            "superviseur", "supervisor", "mairie", "prefecture", "region", "france", "paris", "marseille", "lyon",
            "toulouse", "occitanie", "service", "public", "servicepublic", "ticket", "bureau", "travail", "janvier",
            "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre",
            "decembre", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "printemps", "ete",
            "automne", "hiver", "summer", "winter", "spring", "autumn", "abc", "abcdef", "azertyuiop", "qwertyuiop");

    /** Keyboard rows, AZERTY and QWERTY, letters only (digit rows are handled by {@link #isDigitRun}). */
    private static final List<String> ROWS = List.of("azertyuiop", "qsdfghjklm", "wxcvbn", "qwertyuiop", "asdfghjkl",
            "zxcvbnm", "abcdefghijklmnopqrstuvwxyz");

    /** The pieces a common password is made of: the words, and every run of 3 or more keys of a row, both ways. */
    private static final Set<String> PIECES = pieces();
    private static final int MOST_PIECES = 3;

    private CommonPasswords() {
    }

    public static boolean isCommon(String password) {
        String lower = password.toLowerCase(Locale.ROOT);
        if (isRepetition(lower) || isDigitRun(lower.replaceAll("[^0-9]", ""), lower)) {
            return true;
        }
        String core = fold(trimPadding(lower));
        return core.isEmpty() || isRepetition(core) || composedOfPieces(core, MOST_PIECES);
    }

    /** Leading and trailing digits and symbols (a year, "123", "!") dropped. */
    static String trimPadding(String lower) {
        return lower.replaceAll("^[^\\p{L}]+", "").replaceAll("[^\\p{L}]+$", "");
    }

    /** The usual swaps undone (p4ssw0rd → password), accents and what is not a letter dropped. */
    static String fold(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        String plain = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD);
        for (char c : plain.toCharArray()) {
            char letter = switch (c) {
                case '0' -> 'o';
                case '1', '!' -> 'i';
                case '3' -> 'e';
                case '4', '@' -> 'a';
                case '5', '$' -> 's';
                case '7' -> 't';
                default -> c;
            };
            if (letter >= 'a' && letter <= 'z') {
                folded.append(letter);
            }
        }
        return folded.toString();
    }

    /** The same short unit over and over: aaaaaaaaaaaa, abcabcabcabc, 121212121212, azertyazerty. */
    static boolean isRepetition(String text) {
        int length = text.length();
        for (int unit = 1; unit <= Math.min(6, length / 2); unit++) {
            if (length % unit == 0 && text.equals(text.substring(0, unit).repeat(length / unit))) {
                return true;
            }
        }
        return false;
    }

    /** Only digits (and symbols), ascending or descending one by one, wrapping: 123456789012, 987654321098. */
    static boolean isDigitRun(String digits, String whole) {
        if (digits.length() < 4 || whole.chars().anyMatch(Character::isLetter)) {
            return false;
        }
        boolean up = true;
        boolean down = true;
        for (int i = 1; i < digits.length(); i++) {
            int step = Math.floorMod(digits.charAt(i) - digits.charAt(i - 1), 10);
            up &= step == 1;
            down &= step == 9;
        }
        return up || down;
    }

    private static boolean composedOfPieces(String text, int most) {
        if (text.isEmpty()) {
            return true;
        }
        if (most == 0) {
            return false;
        }
        for (int end = text.length(); end >= 3; end--) {
            if (PIECES.contains(text.substring(0, end)) && composedOfPieces(text.substring(end), most - 1)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> pieces() {
        Set<String> pieces = new HashSet<>(WORDS);
        for (String row : ROWS) {
            for (String way : List.of(row, new StringBuilder(row).reverse().toString())) {
                for (int from = 0; from < way.length(); from++) {
                    for (int to = from + 3; to <= way.length(); to++) {
                        pieces.add(way.substring(from, to));
                    }
                }
            }
        }
        return Set.copyOf(pieces);
    }
}
