package org.guichet.hardware.printer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Renders an ESC/POS job as plain text, for the file printer's preview: commands are dropped, text is decoded with
 * the code page selected by ESC t, centred lines are centred on a 48-column roll (wide characters count for their
 * width), QR codes appear as "[QR: data]" and cuts as a dashed line.
 */
final class EscPosTextPreview {

    static final int COLUMNS = 48;

    private static final int LF = 0x0A;
    private static final int ESC = 0x1B;
    private static final int GS = 0x1D;
    private static final int DLE = 0x10;
    private static final Charset PRINTER_DEFAULT_CHARSET = Charset.forName("IBM437");

    private final byte[] job;
    private final StringBuilder preview = new StringBuilder();
    private final ByteArrayOutputStream pendingText = new ByteArrayOutputStream();
    private final StringBuilder line = new StringBuilder();
    private int lineWidthInColumns;
    private Charset charset = PRINTER_DEFAULT_CHARSET;
    private int justification;
    private int characterWidth = 1;
    private String storedQrData = "";
    private int position;

    private EscPosTextPreview(byte[] job) {
        this.job = job;
    }

    static String render(byte[] job) {
        EscPosTextPreview renderer = new EscPosTextPreview(job);
        renderer.run();
        return renderer.preview.toString();
    }

    private void run() {
        while (position < job.length) {
            int value = job[position++] & 0xFF;
            switch (value) {
                case LF -> endLine();
                case ESC -> escCommand(next());
                case GS -> gsCommand(next());
                case DLE -> position += 2;
                default -> {
                    if (value >= 0x20) {
                        pendingText.write(value);
                    }
                }
            }
        }
        if (!line.isEmpty() || pendingText.size() > 0) {
            endLine();
        }
    }

    private void escCommand(int command) {
        switch (command) {
            case '@' -> {
                flushText();
                charset = PRINTER_DEFAULT_CHARSET;
                justification = 0;
                characterWidth = 1;
            }
            case 't' -> {
                flushText();
                int table = next();
                charset = PrinterCodePage.forTableNumber(table).map(PrinterCodePage::charset).orElse(PRINTER_DEFAULT_CHARSET);
            }
            case 'a' -> justification = next() % 48;
            case '!' -> {
                flushText();
                characterWidth = (next() & 0x20) != 0 ? 2 : 1;
            }
            case 'd' -> {
                int lines = next();
                endLine();
                for (int i = 1; i < lines; i++) {
                    endLine();
                }
            }
            case 'p' -> position += 3;
            case '2' -> {
            }
            default -> position += 1;
        }
    }

    private void gsCommand(int command) {
        switch (command) {
            case '!' -> {
                flushText();
                characterWidth = ((next() >> 4) & 0x07) + 1;
            }
            case 'V' -> {
                int mode = next();
                if (mode == 65 || mode == 66) {
                    position += 1;
                }
                if (!line.isEmpty() || pendingText.size() > 0) {
                    endLine();
                }
                preview.append(centred("- - - - - - - - cut - - - - - - - -", 35)).append('\n');
            }
            case '(' -> functionCommand();
            default -> position += 1;
        }
    }

    private void functionCommand() {
        int function = next();
        int length = next() | (next() << 8);
        int start = position;
        position = Math.min(job.length, position + length);
        boolean qrCode = function == 'k' && length >= 3 && (job[start] & 0xFF) == 49;
        if (!qrCode) {
            return;
        }
        int qrFunction = job[start + 1] & 0xFF;
        if (qrFunction == 80) {
            storedQrData = new String(job, start + 3, length - 3, StandardCharsets.US_ASCII);
        } else if (qrFunction == 81) {
            if (!line.isEmpty() || pendingText.size() > 0) {
                endLine();
            }
            String qrLine = "[QR: " + storedQrData + "]";
            preview.append(centred(qrLine, qrLine.length())).append('\n');
        }
    }

    private int next() {
        return position < job.length ? job[position++] & 0xFF : 0;
    }

    private void flushText() {
        if (pendingText.size() > 0) {
            String text = pendingText.toString(charset);
            line.append(text);
            lineWidthInColumns += text.length() * characterWidth;
            pendingText.reset();
        }
    }

    private void endLine() {
        flushText();
        String text = line.toString();
        preview.append(justification == 1 ? centred(text, lineWidthInColumns) : text).append('\n');
        line.setLength(0);
        lineWidthInColumns = 0;
    }

    private static String centred(String text, int widthInColumns) {
        int padding = Math.max(0, (COLUMNS - widthInColumns) / 2);
        return " ".repeat(padding) + text;
    }
}
