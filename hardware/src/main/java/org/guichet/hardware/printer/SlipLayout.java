package org.guichet.hardware.printer;

import com.github.anastaciocintra.escpos.EscPos;
import com.github.anastaciocintra.escpos.EscPosConst.Justification;
import com.github.anastaciocintra.escpos.Style;
import com.github.anastaciocintra.escpos.Style.FontSize;
import com.github.anastaciocintra.escpos.barcode.QRCode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Lays slips out as complete ESC/POS jobs: reset, code page, content, feed, cut. */
final class SlipLayout {

    static final int LINES_FED_BEFORE_CUT = 4;
    static final int LONGEST_NUMBER_AT_QUADRUPLE_SIZE = 8;
    static final int LONGEST_NUMBER_AT_TRIPLE_SIZE = 10;
    static final int QR_MODULE_SIZE_IN_DOTS = 6;

    // Built from scratch on purpose: escpos-coffee's Style copy constructor turns the default line spacing (ESC 2)
    // into a line spacing of zero (ESC 3 0), which makes lines overlap.
    private final Style centered = centeredStyle(false, FontSize._1, FontSize._1);
    private final Style centeredBold = centeredStyle(true, FontSize._1, FontSize._1);
    private final Style heading = centeredStyle(true, FontSize._1, FontSize._2);
    private final Style bigNumber = centeredStyle(true, FontSize._4, FontSize._4);
    private final Style longNumber = centeredStyle(true, FontSize._2, FontSize._2);
    // Large print: every line at double width and height (24 columns on 80 mm paper), the number as large as it fits.
    private final Style largeCentered = centeredStyle(false, FontSize._2, FontSize._2);
    private final Style largeCenteredBold = centeredStyle(true, FontSize._2, FontSize._2);
    private final Style largeLongNumber = centeredStyle(true, FontSize._3, FontSize._3);

    private final PrinterCodePage codePage;

    SlipLayout(PrinterCodePage codePage) {
        this.codePage = codePage;
    }

    byte[] ticket(TicketSlip slip) {
        TicketMessages messages = TicketMessages.forLanguage(slip.language());
        Style text = slip.largePrint() ? largeCentered : centered;
        Style bold = slip.largePrint() ? largeCenteredBold : centeredBold;
        Style title = slip.largePrint() ? largeCenteredBold : heading;
        return job(escpos -> {
            line(escpos, bold, slip.siteName());
            line(escpos, title, slip.serviceName());
            escpos.feed(1);
            line(escpos, text, messages.yourNumber());
            line(escpos, numberStyle(slip), slip.number());
            if (slip.priority()) {
                line(escpos, bold, messages.priority());
            }
            escpos.feed(1);
            line(escpos, text, messages.issuedAt(slip.issuedAt()));
            line(escpos, bold, messages.peopleAhead(slip.peopleAhead()));
            line(escpos, text, slip.estimatedWaitMinutes() == null ? messages.noCounterOpen()
                    : messages.estimatedWait(slip.estimatedWaitMinutes()));
            if (!slip.whereToWait().isEmpty()) {
                escpos.feed(1);
                line(escpos, text, messages.waitIn());
                for (String where : slip.whereToWait()) {
                    line(escpos, bold, where);
                }
            }
            if (isPresent(slip.statusUrl())) {
                escpos.feed(1);
                qrCode(escpos, slip.statusUrl());
                line(escpos, text, messages.followOnPhone());
            }
            if (isPresent(slip.footer())) {
                escpos.feed(1);
                line(escpos, text, slip.footer());
            }
        });
    }

    /** Quadruple size when the number fits the paper's width at that size, else as large as it fits. */
    private Style numberStyle(TicketSlip slip) {
        int length = slip.number().length();
        if (length <= LONGEST_NUMBER_AT_QUADRUPLE_SIZE) {
            return bigNumber;
        }
        return slip.largePrint() && length <= LONGEST_NUMBER_AT_TRIPLE_SIZE ? largeLongNumber : longNumber;
    }

    byte[] orientation(OrientationSlip slip) {
        TicketMessages messages = TicketMessages.forLanguage(slip.language());
        return job(escpos -> {
            line(escpos, centeredBold, messages.notHandledHere());
            escpos.feed(1);
            line(escpos, heading, slip.matter());
            escpos.feed(1);
            line(escpos, centered, messages.goTo());
            line(escpos, heading, slip.authorityName());
            lines(escpos, slip.addressLines());
            if (!slip.openingHours().isEmpty()) {
                escpos.feed(1);
                line(escpos, centeredBold, messages.openingHours());
                lines(escpos, slip.openingHours());
            }
            if (isPresent(slip.website()) || isPresent(slip.phone())) {
                escpos.feed(1);
                line(escpos, centeredBold, messages.contact());
                if (isPresent(slip.phone())) {
                    line(escpos, centered, slip.phone());
                }
                if (isPresent(slip.website())) {
                    line(escpos, centered, slip.website());
                    qrCode(escpos, slip.website());
                }
            }
        });
    }

    /**
     * QR code data must be ASCII: escpos-coffee counts the data length in chars and writes the platform encoding,
     * so anything else would corrupt the command. Non-ASCII and spaces are percent-encoded as UTF-8, as in URLs.
     */
    static String asciiForQrCode(String data) {
        StringBuilder ascii = new StringBuilder();
        for (byte value : data.strip().getBytes(StandardCharsets.UTF_8)) {
            int unsigned = value & 0xFF;
            if (unsigned > 0x20 && unsigned < 0x7F) {
                ascii.append((char) unsigned);
            } else {
                ascii.append('%').append(String.format("%02X", unsigned));
            }
        }
        return ascii.toString();
    }

    private void qrCode(EscPos escpos, String data) throws IOException {
        QRCode qrCode = new Model2QrCode()
                .setSize(QR_MODULE_SIZE_IN_DOTS)
                .setErrorCorrectionLevel(QRCode.QRErrorCorrectionLevel.QR_ECLEVEL_M_Default)
                .setJustification(Justification.Center);
        escpos.write(qrCode, asciiForQrCode(data));
        escpos.feed(1);
    }

    private void lines(EscPos escpos, List<String> texts) throws IOException {
        for (String text : texts) {
            line(escpos, centered, text);
        }
    }

    private void line(EscPos escpos, Style style, String text) throws IOException {
        escpos.writeLF(style, PrintableText.forCharset(text, codePage.charset()));
    }

    private static Style centeredStyle(boolean bold, FontSize width, FontSize height) {
        return new Style().setJustification(Justification.Center).setBold(bold).setFontSize(width, height);
    }

    private static boolean isPresent(String text) {
        return text != null && !text.isBlank();
    }

    private byte[] job(SlipContent content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        EscPos escpos = new EscPos(bytes);
        try {
            escpos.initializePrinter();
            escpos.setCharacterCodeTable(codePage.escPosTable());
            content.writeTo(escpos);
            escpos.feed(LINES_FED_BEFORE_CUT);
            escpos.cut(EscPos.CutMode.FULL);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /**
     * escpos-coffee 4.1.0 sends 48 or 49 as the model in QR function 165, where ESC/POS defines 49 = model 1 and
     * 50 = model 2 (48 is out of range). This subclass sends 50 so printers use model 2, which every phone reads.
     */
    static final class Model2QrCode extends QRCode {

        static final int ESC_POS_MODEL_2 = 50;
        private static final byte[] SELECT_MODEL_PREFIX = {0x1D, '(', 'k', 4, 0, 49, 65};
        private static final int SELECT_MODEL_OFFSET = 3;

        @Override
        public byte[] getBytes(String data) {
            byte[] bytes = super.getBytes(data);
            byte[] prefix = Arrays.copyOfRange(bytes, SELECT_MODEL_OFFSET, SELECT_MODEL_OFFSET + SELECT_MODEL_PREFIX.length);
            if (!Arrays.equals(prefix, SELECT_MODEL_PREFIX)) {
                throw new IllegalStateException("unexpected QR code command layout from escpos-coffee");
            }
            bytes[SELECT_MODEL_OFFSET + SELECT_MODEL_PREFIX.length] = ESC_POS_MODEL_2;
            return bytes;
        }
    }

    @FunctionalInterface
    private interface SlipContent {
        void writeTo(EscPos escpos) throws IOException;
    }
}
