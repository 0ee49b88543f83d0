package org.guichet.hardware.printer;

import java.util.EnumSet;
import java.util.Set;

/**
 * Decodes the one-byte answers to the real-time status request DLE EOT n (0x10 0x04 n).
 * <p>
 * Every answer byte has bit 1 and bit 4 set and bits 0 and 7 clear; a byte that does not fit that frame is not an
 * answer to our question (stray data, automatic status back) and reads as {@link PrinterCondition#UNKNOWN}.
 * <ul>
 *     <li>n = 1, printer status: bit 3 set = offline.</li>
 *     <li>n = 2, offline cause: bit 2 = cover open, bit 5 = printing stopped at paper end, bit 6 = error.</li>
 *     <li>n = 4, roll paper sensor: bits 2-3 = paper near end, bits 5-6 = paper end.</li>
 * </ul>
 * Pure functions only: no I/O here.
 */
public final class DleEotStatusParser {

    public static final int DLE = 0x10;
    public static final int EOT = 0x04;
    public static final int PRINTER_STATUS = 1;
    public static final int OFFLINE_CAUSE = 2;
    public static final int PAPER_SENSOR = 4;

    private static final int FIXED_BITS_MASK = 0b1001_0011;
    private static final int FIXED_BITS_VALUE = 0b0001_0010;

    private static final int OFFLINE_BIT = 1 << 3;
    private static final int COVER_OPEN_BIT = 1 << 2;
    private static final int STOPPED_AT_PAPER_END_BIT = 1 << 5;
    private static final int ERROR_BIT = 1 << 6;
    private static final int PAPER_NEAR_END_BITS = (1 << 2) | (1 << 3);
    private static final int PAPER_END_BITS = (1 << 5) | (1 << 6);

    private DleEotStatusParser() {
    }

    /** True when the byte has the fixed bits every DLE EOT answer has. */
    public static boolean isStatusAnswer(int answer) {
        return (answer & ~0xFF) == 0 && (answer & FIXED_BITS_MASK) == FIXED_BITS_VALUE;
    }

    /** Answer to DLE EOT 1: {ONLINE} or {OFFLINE}. */
    public static Set<PrinterCondition> parsePrinterStatus(int answer) {
        if (!isStatusAnswer(answer)) {
            return EnumSet.of(PrinterCondition.UNKNOWN);
        }
        return EnumSet.of((answer & OFFLINE_BIT) != 0 ? PrinterCondition.OFFLINE : PrinterCondition.ONLINE);
    }

    /** Answer to DLE EOT 2: any of COVER_OPEN, PAPER_OUT, ERROR; empty when there is no cause to report. */
    public static Set<PrinterCondition> parseOfflineCause(int answer) {
        if (!isStatusAnswer(answer)) {
            return EnumSet.of(PrinterCondition.UNKNOWN);
        }
        Set<PrinterCondition> conditions = EnumSet.noneOf(PrinterCondition.class);
        if ((answer & COVER_OPEN_BIT) != 0) {
            conditions.add(PrinterCondition.COVER_OPEN);
        }
        if ((answer & STOPPED_AT_PAPER_END_BIT) != 0) {
            conditions.add(PrinterCondition.PAPER_OUT);
        }
        if ((answer & ERROR_BIT) != 0) {
            conditions.add(PrinterCondition.ERROR);
        }
        return conditions;
    }

    /** Answer to DLE EOT 4: any of PAPER_NEAR_END, PAPER_OUT; empty when the roll is fine. */
    public static Set<PrinterCondition> parsePaperSensor(int answer) {
        if (!isStatusAnswer(answer)) {
            return EnumSet.of(PrinterCondition.UNKNOWN);
        }
        Set<PrinterCondition> conditions = EnumSet.noneOf(PrinterCondition.class);
        if ((answer & PAPER_NEAR_END_BITS) != 0) {
            conditions.add(PrinterCondition.PAPER_NEAR_END);
        }
        if ((answer & PAPER_END_BITS) != 0) {
            conditions.add(PrinterCondition.PAPER_OUT);
        }
        return conditions;
    }

    /**
     * Combines the three answers; a null answer means the printer did not answer that question in time.
     * Without an answer to the first question nothing is known.
     */
    public static PrinterStatus combine(Integer printerStatus, Integer offlineCause, Integer paperSensor) {
        if (printerStatus == null || !isStatusAnswer(printerStatus)) {
            return PrinterStatus.unknown();
        }
        Set<PrinterCondition> conditions = parsePrinterStatus(printerStatus);
        conditions.addAll(offlineCause == null ? EnumSet.of(PrinterCondition.UNKNOWN) : parseOfflineCause(offlineCause));
        conditions.addAll(paperSensor == null ? EnumSet.of(PrinterCondition.UNKNOWN) : parsePaperSensor(paperSensor));
        return new PrinterStatus(conditions);
    }
}
