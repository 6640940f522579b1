package org.markguard.detect.trademark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Look-alike letters of other scripts mapped to the ASCII letter or digit they imitate (Cyrillic
 * "а" → "a", fullwidth "Ｇ" → "g"). The table is generated at build time from Unicode's UTS #39
 * {@code confusables.txt} (only single code points whose prototype is one ASCII character are kept),
 * so the bundle does not need ICU4J. A few entries are built in, in case the build ran without the
 * data file.
 */
final class Confusables {
    static final String RESOURCE = "confusables-ascii.txt";
    private static final Map<Integer, Character> TABLE = load();

    private Confusables() {
    }

    /** The lowercase ASCII letter or digit {@code codePoint} imitates, or 0 when none. */
    static char prototype(int codePoint) {
        Character c = TABLE.get(codePoint);
        return c == null ? 0 : Character.toLowerCase(c);
    }

    static int size() {
        return TABLE.size();
    }

    private static Map<Integer, Character> load() {
        Map<Integer, Character> table = new HashMap<>();
        // Cyrillic and Greek look-alikes, the usual suspects
        String builtIn = "а=a,е=e,о=o,р=p,с=c,у=y,х=x,і=i,ј=j,ѕ=s,к=k,м=m,н=h,т=t,в=b,ο=o,α=a,ν=v,ι=i,κ=k,τ=t,ρ=p";
        for (String pair : builtIn.split(",")) {
            table.put(pair.codePointAt(0), pair.charAt(pair.length() - 1));
        }
        try (InputStream in = Confusables.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return table;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int eq = line.indexOf('=');
                if (line.startsWith("#") || eq < 0) {
                    continue;
                }
                int source = Integer.parseInt(line.substring(0, eq).strip(), 16);
                char target = Character.toLowerCase((char) Integer.parseInt(line.substring(eq + 1).strip(), 16));
                // ASCII sources ("1" → "l", "0" → "O") are leetspeak, handled apart, so they stay digits
                if (source >= 0x80 && Character.isLetterOrDigit(target)) {
                    table.put(source, target);
                }
            }
        } catch (IOException | RuntimeException e) {
            // a damaged table only weakens look-alike detection; the built-in entries stay
        }
        return table;
    }
}
