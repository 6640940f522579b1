package org.markguard.capture;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A capture reference, {@code warc:<file name>#<offset>;<response record id>}: the file and the
 * byte offset of the response record's gzip member let a reader seek straight to it, and the record
 * id (a {@code urn:uuid:}) proves it found the right record, also after files were copied elsewhere.
 */
record CaptureRef(String fileName, long offset, String recordId) {
    // file names are ours: no path separators, so a reference can never point outside the directory
    private static final Pattern FORMAT =
            Pattern.compile("warc:([A-Za-z0-9][A-Za-z0-9._-]*\\.warc\\.gz)#(\\d{1,18});(urn:uuid:[0-9a-fA-F-]{36})");

    static Optional<CaptureRef> parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new CaptureRef(m.group(1), Long.parseLong(m.group(2)), m.group(3)));
    }

    @Override
    public String toString() {
        return "warc:" + fileName + "#" + offset + ";" + recordId;
    }
}
