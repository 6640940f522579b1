package org.markguard.pdf;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The two TrueType fonts a document is set in. Only the glyphs used are embedded (subset), so a
 * large Unicode font costs little per document. The default, DejaVu Sans, covers Vietnamese
 * (precomposed letters with stacked diacritics) and most European scripts, but not CJK or emoji:
 * those print as a replacement character.
 */
public record PdfFonts(Path regular, Path bold) {
    /** Where Debian's {@code fonts-dejavu-core} puts DejaVu Sans. */
    public static final Path DEJAVU_DIRECTORY = Path.of("/usr/share/fonts/truetype/dejavu");
    /** The Debian package that provides the default fonts, named in the error when they are missing. */
    public static final String DEJAVU_DEBIAN_PACKAGE = "fonts-dejavu-core";

    public PdfFonts {
        Objects.requireNonNull(regular, "regular font path");
        Objects.requireNonNull(bold, "bold font path");
    }

    /** DejaVu Sans and DejaVu Sans Bold from {@link #DEJAVU_DIRECTORY}. */
    public static PdfFonts dejaVuSans() {
        return new PdfFonts(DEJAVU_DIRECTORY.resolve("DejaVuSans.ttf"), DEJAVU_DIRECTORY.resolve("DejaVuSans-Bold.ttf"));
    }
}
