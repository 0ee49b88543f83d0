package org.guichet.hardware.printer;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.text.Normalizer;
import java.util.Map;

/**
 * Makes free text safe and legible on a printer limited to one 8-bit code page.
 * <ul>
 *     <li>control characters (ESC, GS, DLE...) become spaces, so text coming from the server can never
 *     inject printer commands;</li>
 *     <li>typographic punctuation missing from the code page gets its plain equivalent (’ → ', — → -);</li>
 *     <li>any other letter the code page lacks is decomposed (ő → o, ŀ → l·) before falling back to '?'.</li>
 * </ul>
 */
final class PrintableText {

    private static final Map<Character, String> PLAIN_EQUIVALENTS = Map.ofEntries(
            Map.entry('\u2018', "'"), Map.entry('\u2019', "'"), Map.entry('\u201A', "'"),
            Map.entry('\u201C', "\""), Map.entry('\u201D', "\""), Map.entry('\u201E', "\""),
            Map.entry('\u2013', "-"), Map.entry('\u2014', "-"), Map.entry('\u2212', "-"),
            Map.entry('\u2026', "..."), Map.entry('\u00A0', " "), Map.entry('\u202F', " "),
            Map.entry('\u2009', " "), Map.entry('\u2022', "-"), Map.entry('\u0152', "OE"),
            Map.entry('\u0153', "oe"));

    private PrintableText() {
    }

    static String forCharset(String text, Charset charset) {
        CharsetEncoder encoder = charset.newEncoder();
        StringBuilder printable = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> printable.append(printableCodePoint(codePoint, encoder)));
        return printable.toString();
    }

    private static String printableCodePoint(int codePoint, CharsetEncoder encoder) {
        if (Character.isISOControl(codePoint) || codePoint == '\u2028' || codePoint == '\u2029') {
            return " ";
        }
        String character = Character.toString(codePoint);
        if (encoder.canEncode(character)) {
            return character;
        }
        if (Character.isBmpCodePoint(codePoint)) {
            String plain = PLAIN_EQUIVALENTS.get((char) codePoint);
            if (plain != null) {
                return plain;
            }
        }
        String withoutAccents = Normalizer.normalize(character, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        if (!withoutAccents.isEmpty() && encoder.canEncode(withoutAccents)) {
            return withoutAccents;
        }
        return "?";
    }
}
