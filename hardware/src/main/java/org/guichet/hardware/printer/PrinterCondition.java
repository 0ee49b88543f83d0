package org.guichet.hardware.printer;

/** One fact about the printer, as read back with DLE EOT. */
public enum PrinterCondition {
    /** The printer answered and is online. */
    ONLINE,
    /** The printer answered that it is offline (cover open, paper out, error, or feeding). */
    OFFLINE,
    COVER_OPEN,
    /** Paper roll near-end sensor: a few metres left. */
    PAPER_NEAR_END,
    /** Paper roll end sensor, or printing stopped for lack of paper. */
    PAPER_OUT,
    /** The printer reports an error (cutter jam, head overheat...). */
    ERROR,
    /** At least one status question got no (valid) answer in time. */
    UNKNOWN
}
