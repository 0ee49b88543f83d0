package org.guichet.hardware.printer;

import java.util.EnumSet;
import java.util.Set;

/**
 * The printer's state as a set of conditions. A printer that answered every question and has nothing to report
 * is exactly {ONLINE}; one that never answered is exactly {UNKNOWN}.
 */
public record PrinterStatus(Set<PrinterCondition> conditions) {

    private static final Set<PrinterCondition> PREVENTING_PRINT = EnumSet.of(
            PrinterCondition.OFFLINE, PrinterCondition.COVER_OPEN, PrinterCondition.PAPER_OUT,
            PrinterCondition.ERROR, PrinterCondition.UNKNOWN);

    public PrinterStatus {
        if (conditions.isEmpty()) {
            throw new IllegalArgumentException("a printer status has at least one condition");
        }
        conditions = Set.copyOf(EnumSet.copyOf(conditions));
    }

    public static PrinterStatus of(PrinterCondition first, PrinterCondition... others) {
        return new PrinterStatus(EnumSet.of(first, others));
    }

    public static PrinterStatus unknown() {
        return of(PrinterCondition.UNKNOWN);
    }

    public static PrinterStatus online() {
        return of(PrinterCondition.ONLINE);
    }

    public boolean has(PrinterCondition condition) {
        return conditions.contains(condition);
    }

    /** True when the printer answered, is online, and nothing stops a ticket from coming out. */
    public boolean canPrint() {
        return has(PrinterCondition.ONLINE) && conditions.stream().noneMatch(PREVENTING_PRINT::contains);
    }

    /** True when staff should look at the printer: anything beyond plain ONLINE, including paper near end. */
    public boolean needsAttention() {
        return !conditions.equals(Set.of(PrinterCondition.ONLINE));
    }
}
