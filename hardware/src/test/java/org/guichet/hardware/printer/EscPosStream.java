package org.guichet.hardware.printer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Test helper: splits an ESC/POS byte stream into commands and text runs, so tests can assert on
 * "the GS ! command before the number" rather than on offsets. Unknown commands fail loudly: a test must notice
 * when the printer is sent something unexpected.
 */
final class EscPosStream {

    sealed interface Element permits Command, Text, LineFeed {
    }

    /** A command: its name (e.g. "GS !") and its parameter bytes (unsigned). */
    record Command(String name, int[] parameters) implements Element {
        int parameter(int index) {
            return parameters[index];
        }

        @Override
        public String toString() {
            return name + " " + Arrays.toString(parameters);
        }
    }

    record Text(byte[] bytes) implements Element {
        String decode(Charset charset) {
            return new String(bytes, charset);
        }
    }

    record LineFeed() implements Element {
    }

    private static final int ESC = 0x1B;
    private static final int GS = 0x1D;
    private static final int DLE = 0x10;
    private static final int LF = 0x0A;

    /** ESC commands and how many parameter bytes follow them. */
    private static final Map<Character, Integer> ESC_PARAMETER_COUNTS = Map.of(
            '@', 0, '2', 0, 't', 1, 'M', 1, 'E', 1, '-', 1, 'a', 1, '3', 1, 'd', 1, '!', 1);
    private static final Map<Character, Integer> GS_PARAMETER_COUNTS = Map.of('!', 1, 'B', 1, 'V', 1);

    private final List<Element> elements;

    private EscPosStream(List<Element> elements) {
        this.elements = elements;
    }

    static EscPosStream parse(byte[] stream) {
        List<Element> elements = new ArrayList<>();
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        int position = 0;
        while (position < stream.length) {
            int value = stream[position] & 0xFF;
            if (value == ESC || value == GS || value == DLE || value == LF) {
                if (text.size() > 0) {
                    elements.add(new Text(text.toByteArray()));
                    text.reset();
                }
            }
            if (value == LF) {
                elements.add(new LineFeed());
                position++;
            } else if (value == ESC) {
                char letter = (char) byteAt(stream, position + 1);
                Integer count = ESC_PARAMETER_COUNTS.get(letter);
                if (count == null) {
                    throw new AssertionError("unknown command ESC " + letter + " at offset " + position);
                }
                elements.add(new Command("ESC " + letter, unsigned(stream, position + 2, count)));
                position += 2 + count;
            } else if (value == GS && byteAt(stream, position + 1) == '(') {
                char function = (char) byteAt(stream, position + 2);
                int length = byteAt(stream, position + 3) | byteAt(stream, position + 4) << 8;
                elements.add(new Command("GS ( " + function, unsigned(stream, position + 5, length)));
                position += 5 + length;
            } else if (value == GS) {
                char letter = (char) byteAt(stream, position + 1);
                Integer count = GS_PARAMETER_COUNTS.get(letter);
                if (count == null) {
                    throw new AssertionError("unknown command GS " + letter + " at offset " + position);
                }
                int[] parameters = unsigned(stream, position + 2, count);
                if (letter == 'V' && (parameters[0] == 65 || parameters[0] == 66)) {
                    parameters = unsigned(stream, position + 2, 2);
                }
                elements.add(new Command("GS " + letter, parameters));
                position += 2 + parameters.length;
            } else if (value == DLE) {
                elements.add(new Command("DLE " + byteAt(stream, position + 1), unsigned(stream, position + 2, 1)));
                position += 3;
            } else if (value < 0x20) {
                throw new AssertionError("unexpected control byte " + value + " at offset " + position);
            } else {
                text.write(value);
                position++;
            }
        }
        if (text.size() > 0) {
            elements.add(new Text(text.toByteArray()));
        }
        return new EscPosStream(elements);
    }

    private static int byteAt(byte[] stream, int position) {
        if (position >= stream.length) {
            throw new AssertionError("stream ends inside a command at offset " + position);
        }
        return stream[position] & 0xFF;
    }

    private static int[] unsigned(byte[] stream, int from, int count) {
        return IntStream.range(from, from + count).map(position -> byteAt(stream, position)).toArray();
    }

    List<Element> elements() {
        return elements;
    }

    List<Command> commands() {
        return elements.stream().filter(Command.class::isInstance).map(Command.class::cast).toList();
    }

    List<Command> commandsNamed(String name) {
        return commands().stream().filter(command -> command.name().equals(name)).toList();
    }

    /** All text decoded with the charset, one string per printed line. */
    List<String> lines(Charset charset) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (Element element : elements) {
            if (element instanceof Text text) {
                line.append(text.decode(charset));
            } else if (element instanceof LineFeed) {
                lines.add(line.toString());
                line.setLength(0);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** Index of the first text run that decodes exactly to the given text; fails when absent. */
    int indexOfText(String expected, Charset charset) {
        for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i) instanceof Text text && text.decode(charset).equals(expected)) {
                return i;
            }
        }
        throw new AssertionError("no text run '" + expected + "' in " + lines(charset));
    }

    /** The last command with this name before the element at the index; fails when absent. */
    Command lastCommandBefore(int index, String name) {
        for (int i = index - 1; i >= 0; i--) {
            if (elements.get(i) instanceof Command command && command.name().equals(name)) {
                return command;
            }
        }
        throw new AssertionError("no " + name + " before element " + index);
    }

    /** Index of the first command with this name; -1 when absent. */
    int indexOfCommand(String name) {
        for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i) instanceof Command command && command.name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    int indexOfFirstText() {
        for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i) instanceof Text) {
                return i;
            }
        }
        return -1;
    }
}
