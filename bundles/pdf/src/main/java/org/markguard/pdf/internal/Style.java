package org.markguard.pdf.internal;

import org.apache.pdfbox.pdmodel.common.PDRectangle;

/** The page geometry, type sizes and colours: one place to change the look of every report. */
final class Style {
    static final PDRectangle PAGE = PDRectangle.A4;
    static final float MARGIN_LEFT = 48;
    static final float MARGIN_RIGHT = 48;
    static final float MARGIN_TOP = 48;
    /** room below the content for the footer */
    static final float MARGIN_BOTTOM = 56;
    static final float FOOTER_BASELINE = 30;

    static final float TITLE_SIZE = 17;
    static final float BODY_SIZE = 10;
    static final float TABLE_SIZE = 8.5f;
    static final float SMALL_SIZE = 7.5f;
    /** line height as a multiple of the type size: room for Vietnamese stacked diacritics */
    static final float LEADING = 1.38f;
    /** distance from the top of a line box to the baseline, as a multiple of the type size */
    static final float BASELINE_DROP = 1.06f;
    static final float BLOCK_GAP = 7;
    static final float CELL_PADDING = 3;

    static final Rgb TEXT = new Rgb(0.10f, 0.10f, 0.12f);
    static final Rgb HEADING = new Rgb(0.08f, 0.20f, 0.36f);
    static final Rgb MUTED = new Rgb(0.38f, 0.38f, 0.42f);
    static final Rgb RULE = new Rgb(0.72f, 0.72f, 0.76f);
    static final Rgb HEADER_FILL = new Rgb(0.87f, 0.90f, 0.94f);
    static final Rgb LABEL_FILL = new Rgb(0.94f, 0.95f, 0.97f);
    static final Rgb STRIPE_FILL = new Rgb(0.97f, 0.97f, 0.98f);
    static final Rgb GRID = new Rgb(0.88f, 0.88f, 0.90f);
    /** Okabe-Ito: told apart by colour-blind readers and in greyscale print */
    static final Rgb[] SERIES = {
        new Rgb(0.00f, 0.45f, 0.70f), new Rgb(0.90f, 0.62f, 0.00f), new Rgb(0.00f, 0.62f, 0.45f),
        new Rgb(0.80f, 0.47f, 0.65f), new Rgb(0.34f, 0.71f, 0.91f), new Rgb(0.84f, 0.37f, 0.00f),
        new Rgb(0.94f, 0.89f, 0.26f), new Rgb(0.30f, 0.30f, 0.30f),
    };

    private Style() {
    }

    static float headingSize(int level) {
        return switch (level) {
            case 1 -> 14;
            case 2 -> 12;
            default -> 10.5f;
        };
    }

    static float leading(float size) {
        return size * LEADING;
    }

    static float contentWidth() {
        return PAGE.getWidth() - MARGIN_LEFT - MARGIN_RIGHT;
    }

    static float contentHeight() {
        return PAGE.getHeight() - MARGIN_TOP - MARGIN_BOTTOM;
    }

    record Rgb(float red, float green, float blue) {
    }
}
