package org.guichet.kiosk.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads an ESC/POS job back as the lines a visitor would see on paper, each with the character size it is printed
 * at (GS ! n: width and height multipliers). Commands are skipped by their known lengths; an unknown command fails
 * the test, so that a slip sending something new is noticed.
 */
public final class PrintedSlip {

    /** One printed line: its text and its width and height multipliers (1 = normal, 2 = double…). */
    public record Line(String text, int width, int height) {
    }

    private static final int ESC = 0x1B;
    private static final int GS = 0x1D;
    private static final int LF = 0x0A;
    private static final Charset PC858 = Charset.forName("IBM00858");
    private static final Map<Character, Integer> ESC_PARAMETERS = Map.of(
            '@', 0, '2', 0, 't', 1, 'M', 1, 'E', 1, '-', 1, 'a', 1, '3', 1, 'd', 1, '!', 1);
    private static final Map<Character, Integer> GS_PARAMETERS = Map.of('!', 1, 'B', 1);

    private final List<Line> lines;

    private PrintedSlip(List<Line> lines) {
        this.lines = List.copyOf(lines);
    }

    /** A job printed in code page PC858, the kiosk's default. */
    public static PrintedSlip read(byte[] job) {
        return read(job, PC858);
    }

    public static PrintedSlip read(byte[] job, Charset charset) {
        List<Line> lines = new ArrayList<>();
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        int width = 1;
        int height = 1;
        int lineWidth = 1;
        int lineHeight = 1;
        int at = 0;
        while (at < job.length) {
            int value = job[at] & 0xFF;
            if (value == LF) {
                lines.add(new Line(text.toString(charset), lineWidth, lineHeight));
                text.reset();
                lineWidth = width;
                lineHeight = height;
                at++;
            } else if (value == ESC) {
                char letter = (char) (job[at + 1] & 0xFF);
                Integer count = ESC_PARAMETERS.get(letter);
                if (count == null) {
                    throw new AssertionError("unknown command ESC " + letter + " at offset " + at);
                }
                at += 2 + count;
            } else if (value == GS && job[at + 1] == '(') {
                int length = (job[at + 3] & 0xFF) | (job[at + 4] & 0xFF) << 8;
                at += 5 + length;
            } else if (value == GS && job[at + 1] == 'V') {
                int mode = job[at + 2] & 0xFF;
                at += mode == 65 || mode == 66 ? 4 : 3;
            } else if (value == GS) {
                char letter = (char) (job[at + 1] & 0xFF);
                Integer count = GS_PARAMETERS.get(letter);
                if (count == null) {
                    throw new AssertionError("unknown command GS " + letter + " at offset " + at);
                }
                if (letter == '!') {
                    int size = job[at + 2] & 0xFF;
                    width = (size >> 4) + 1;
                    height = (size & 0x0F) + 1;
                    if (text.size() == 0) {
                        lineWidth = width;
                        lineHeight = height;
                    }
                }
                at += 2 + count;
            } else if (value < 0x20) {
                throw new AssertionError("unexpected control byte " + value + " at offset " + at);
            } else {
                if (text.size() == 0) {
                    lineWidth = width;
                    lineHeight = height;
                }
                text.write(value);
                at++;
            }
        }
        if (text.size() > 0) {
            lines.add(new Line(text.toString(charset), lineWidth, lineHeight));
        }
        return new PrintedSlip(lines);
    }

    public List<Line> lines() {
        return lines;
    }

    /** The texts of the lines that print something, in order. */
    public List<String> texts() {
        return lines.stream().map(Line::text).filter(text -> !text.isBlank()).toList();
    }

    /** The printed lines that carry text, with their sizes. */
    public List<Line> textLines() {
        return lines.stream().filter(line -> !line.text().isBlank()).toList();
    }
}
