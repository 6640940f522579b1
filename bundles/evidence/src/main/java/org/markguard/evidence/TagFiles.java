package org.markguard.evidence;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsing of {@code bagit.txt} and {@code bag-info.txt} (RFC 8493 §2.1.1, §2.2.2). */
final class TagFiles {
    private static final Pattern VERSION = Pattern.compile("BagIt-Version: ([0-9]+\\.[0-9]+)");
    private static final Pattern ENCODING = Pattern.compile("Tag-File-Character-Encoding: (\\S+)");
    private static final Pattern OXUM = Pattern.compile("([0-9]{1,18})\\.([0-9]{1,18})");

    private TagFiles() {
    }

    /** What {@code bagit.txt} declares. */
    record Declaration(String version, Charset encoding) {
    }

    /** One {@code bag-info.txt} field, continuation lines joined with a space. */
    record Field(String label, String value) {
    }

    /** Lines split at LF, CR LF or CR; a final line break does not start an empty line. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r\n|\r|\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /** Exactly two lines in this order, exact spelling, no extra whitespace, no byte-order mark. */
    static Optional<Declaration> declaration(byte[] bytes, ReportBuilder.Recorder check) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            check.problem(PacketLayout.BAGIT, "starts with a byte-order mark, which BagIt forbids");
            return Optional.empty();
        }
        Optional<String> text = decode(bytes, StandardCharsets.UTF_8);
        if (text.isEmpty()) {
            check.problem(PacketLayout.BAGIT, "is not UTF-8 text");
            return Optional.empty();
        }
        List<String> lines = lines(text.get());
        if (lines.size() != 2) {
            check.problem(PacketLayout.BAGIT, "must have exactly two lines, has " + lines.size());
            return Optional.empty();
        }
        Matcher version = VERSION.matcher(lines.get(0));
        Matcher encoding = ENCODING.matcher(lines.get(1));
        if (!version.matches()) {
            check.problem(PacketLayout.BAGIT, "line 1 is not \"BagIt-Version: M.N\": " + quote(lines.get(0)));
            return Optional.empty();
        }
        if (!encoding.matches()) {
            check.problem(PacketLayout.BAGIT, "line 2 is not \"Tag-File-Character-Encoding: ENCODING\": "
                    + quote(lines.get(1)));
            return Optional.empty();
        }
        try {
            return Optional.of(new Declaration(version.group(1), Charset.forName(encoding.group(1))));
        } catch (IllegalArgumentException e) {
            check.problem(PacketLayout.BAGIT, "unknown character encoding " + encoding.group(1));
            return Optional.empty();
        }
    }

    /** The fields of {@code bag-info.txt}; malformed lines are problems. */
    static List<Field> bagInfo(String text, ReportBuilder.Recorder check) {
        List<Field> fields = new ArrayList<>();
        int number = 0;
        for (String line : lines(text)) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                if (fields.isEmpty()) {
                    check.problem(PacketLayout.BAG_INFO, "line 1 is indented (a continuation of nothing)");
                } else {
                    Field last = fields.remove(fields.size() - 1);
                    fields.add(new Field(last.label(), last.value() + " " + line.strip()));
                }
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || line.substring(0, colon).isBlank()) {
                check.problem(PacketLayout.BAG_INFO, "line " + number + " is not \"Label: value\": " + quote(line));
                continue;
            }
            fields.add(new Field(line.substring(0, colon).strip(), line.substring(colon + 1).strip()));
        }
        return fields;
    }

    /**
     * Checks {@code fetch.txt} (RFC 8493 §2.2.3): lines of URL, length or '-', path; every path
     * must lie in the payload directory. Whether the fetched files are present is the manifests'
     * business: a bag is only valid once they are.
     */
    static void fetch(String text, ReportBuilder.Recorder check) {
        int number = 0;
        for (String line : lines(text)) {
            number++;
            String[] parts = line.strip().split("[ \\t]+", 3);
            if (line.isBlank()) {
                continue;
            }
            if (parts.length != 3 || !parts[1].matches("-|[0-9]+")) {
                check.problem("fetch.txt", "line " + number + " is not \"url length path\": " + quote(line));
                continue;
            }
            String path = PayloadPath.decode(parts[2]);
            String unsafe = PayloadPath.problem(path);
            if (unsafe != null || !path.startsWith(PacketLayout.PAYLOAD_DIRECTORY)) {
                check.problem("fetch.txt", "line " + number + ": " + PayloadPath.quote(path)
                        + " is outside the payload directory" + (unsafe == null ? "" : " (" + unsafe + ")"));
            }
        }
    }

    static List<String> values(List<Field> fields, String label) {
        return fields.stream().filter(f -> f.label().equalsIgnoreCase(label)).map(Field::value).toList();
    }

    /** Payload-Oxum as {octets, streams}, empty when malformed. */
    static Optional<long[]> oxum(String value) {
        Matcher m = OXUM.matcher(value);
        return m.matches() ? Optional.of(new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))})
                : Optional.empty();
    }

    /** Strict decoding: malformed input is an error, not a replacement character. */
    static Optional<String> decode(byte[] bytes, Charset charset) {
        try {
            return Optional.of(charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    static String quote(String text) {
        String shown = text.length() > 80 ? text.substring(0, 80) + "..." : text;
        return "\"" + shown.replace("\t", "\\t") + "\"";
    }
}
