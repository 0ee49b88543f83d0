package org.guichet.hardware.printer;

import com.github.anastaciocintra.escpos.EscPos.CharacterCodeTable;

import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Optional;

/**
 * Character code tables this module prints with. Each one pairs the ESC t table number the printer
 * understands with the Java charset that encodes text for it, so the two can never disagree.
 * Both cover French, Spanish and Occitan letters (é è ê à â ç ô ò ó í ï ú ü ñ ·) and the euro sign.
 */
public enum PrinterCodePage {
    /** ESC t 19: PC858, i.e. PC850 Multilingual with € in place of the dotless i. Default, widest support. */
    CP858(CharacterCodeTable.CP858_Euro, Charset.forName("IBM00858")),
    /** ESC t 16: Windows-1252 Latin-1, for printers without PC858. */
    WPC1252(CharacterCodeTable.WPC1252, Charset.forName("windows-1252"));

    private final CharacterCodeTable escPosTable;
    private final Charset charset;

    PrinterCodePage(CharacterCodeTable escPosTable, Charset charset) {
        this.escPosTable = escPosTable;
        this.charset = charset;
    }

    /** The value n sent as ESC t n. */
    public int escPosTableNumber() {
        return escPosTable.value;
    }

    public Charset charset() {
        return charset;
    }

    CharacterCodeTable escPosTable() {
        return escPosTable;
    }

    /** The code page a printer uses after ESC t n, if it is one of ours. */
    public static Optional<PrinterCodePage> forTableNumber(int tableNumber) {
        return Arrays.stream(values()).filter(page -> page.escPosTableNumber() == tableNumber).findFirst();
    }
}
