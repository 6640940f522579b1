package org.markguard.pdf;

import java.io.IOException;
import java.nio.file.Path;

/** A font file of {@link PdfFonts} does not exist, cannot be read, or is not a TrueType font. */
public final class MissingFontException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path path;

    public MissingFontException(Path path, String message, Throwable cause) {
        super(message, cause);
        this.path = path;
    }

    /** The font file that could not be used. */
    public Path path() {
        return path;
    }
}
