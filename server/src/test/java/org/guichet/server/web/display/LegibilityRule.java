package org.guichet.server.web.display;

import java.util.Locale;

/**
 * How tall the call must be drawn on a waiting-room screen to be read from the back of the room. The rule: a
 * character critical to the task subtends at least 20 minutes of arc at the eye (US Federal Aviation Administration,
 * Human Factors, "Visual displays: character and symbol size"; the same 20 arcmin is the preferred floor of ISO 9241-3,
 * whose absolute minimum is 16). The assumptions: a 55-inch 16:9 television, read from 12 m (the depth of a large
 * waiting room), its pixels square, whichever way it is turned.
 *
 * <p>Prints its figures: {@code java -cp server/target/test-classes org.guichet.server.web.display.LegibilityRule}
 * (after a test compile), or read them in {@code RoomScreenLayoutTest}'s output.
 */
record LegibilityRule(double diagonalInches, int aspectLong, int aspectShort, double viewingMetres,
                      double arcMinutes) {

    static final LegibilityRule WAITING_ROOM = new LegibilityRule(55, 16, 9, 12, 20);

    private static final double METRES_PER_INCH = 0.0254;

    /** The smallest character height, in metres, that subtends arcMinutes at viewingMetres. */
    double minimumCharacterMetres() {
        return 2 * viewingMetres * Math.tan(Math.toRadians(arcMinutes / 60) / 2);
    }

    /** The screen's long side in metres. */
    double longSideMetres() {
        return diagonalInches * METRES_PER_INCH * aspectLong / Math.hypot(aspectLong, aspectShort);
    }

    /** The size of one pixel, in metres, on a screen of widthPx x heightPx (either orientation). */
    double pixelMetres(int widthPx, int heightPx) {
        return longSideMetres() / Math.max(widthPx, heightPx);
    }

    /** The smallest cap height in pixels that meets the rule at this resolution (rounded up). */
    int minimumCapHeightPx(int widthPx, int heightPx) {
        return (int) Math.ceil(minimumCharacterMetres() / pixelMetres(widthPx, heightPx));
    }

    String describe(int widthPx, int heightPx) {
        return String.format(Locale.ROOT, "%.0f\" %d:%d screen at %dx%d, read from %.0f m, %.0f arcmin: characters "
                        + "at least %.1f mm tall; one pixel is %.3f mm; minimum cap height %d px",
                diagonalInches, aspectLong, aspectShort, widthPx, heightPx, viewingMetres, arcMinutes,
                minimumCharacterMetres() * 1000, pixelMetres(widthPx, heightPx) * 1000,
                minimumCapHeightPx(widthPx, heightPx));
    }

    public static void main(String[] args) {
        System.out.println(WAITING_ROOM.describe(1920, 1080));
        System.out.println(WAITING_ROOM.describe(1080, 1920));
    }
}
