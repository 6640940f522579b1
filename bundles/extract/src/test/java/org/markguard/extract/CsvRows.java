package org.markguard.extract;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/** A minimal RFC 4180 reader for test data: quoted fields, doubled quotes, line breaks inside quotes. */
final class CsvRows {
    private CsvRows() {
    }

    /** The next row, null at the end. */
    static List<String> next(Reader in, char separator) throws IOException {
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int c;
        while ((c = in.read()) >= 0) {
            any = true;
            if (quoted) {
                if (c == '"') {
                    in.mark(1);
                    int n = in.read();
                    if (n == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (n < 0) {
                            break;
                        }
                        in.reset();
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == separator) {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                row.add(field.toString().replace("\r", ""));
                return row;
            } else {
                field.append((char) c);
            }
        }
        if (!any) {
            return null;
        }
        row.add(field.toString().replace("\r", ""));
        return row;
    }
}
