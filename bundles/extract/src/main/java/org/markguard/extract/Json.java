package org.markguard.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Lenient JSON reading and the small accessors the JSON-based sources share. */
final class Json {
    /**
     * Real pages put comments, trailing commas, raw line breaks in strings and single quotes in
     * their JSON-LD and state blobs; browsers forgive them, so do we. Floats are read as
     * BigDecimal so that prices stay exact.
     */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_YAML_COMMENTS,
                    JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_TRAILING_COMMA,
                    JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES,
                    JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER,
                    JsonReadFeature.ALLOW_LEADING_DECIMAL_POINT_FOR_NUMBERS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private static final Pattern WRAPPER_START = Pattern.compile(
            "^(?:<!--|/\\*\\s*<!\\[CDATA\\[\\s*\\*/|//\\s*<!\\[CDATA\\[|<!\\[CDATA\\[)");
    private static final Pattern WRAPPER_END = Pattern.compile("(?:-->|/\\*\\s*]]>\\s*\\*/|//\\s*]]>|]]>)$");

    /** Nesting deeper than this is not product data; the walkers stop there. */
    static final int MAX_DEPTH = 64;

    private Json() {
    }

    /** Parses a JSON text; blank text gives null. */
    static JsonNode parse(String text) throws JsonProcessingException {
        String trimmed = stripHtmlWrappers(text);
        return trimmed.isEmpty() ? null : MAPPER.readTree(trimmed);
    }

    /** Removes the HTML comment and CDATA wrappers that old pages put around or before script content. */
    static String stripHtmlWrappers(String text) {
        String s = text == null ? "" : text.strip();
        // a comment before the JSON ("<!-- John joined the festival. --> {…}"): dropped whole
        while (s.startsWith("<!--")) {
            int end = s.indexOf("-->");
            String rest = end < 0 ? "" : s.substring(end + 3).strip();
            if (!rest.startsWith("{") && !rest.startsWith("[")) {
                break; // the comment wraps the JSON: its ends are removed below
            }
            s = rest;
        }
        // the regexes only where a wrapper can be: an end-anchored one would scan the whole blob
        if (s.startsWith("<") || s.startsWith("/")) {
            s = WRAPPER_START.matcher(s).replaceFirst("").strip();
        }
        if (s.endsWith(">") || s.endsWith("/")) {
            int tail = Math.max(0, s.length() - 256);
            s = s.substring(0, tail) + WRAPPER_END.matcher(s.substring(tail)).replaceFirst("");
            s = s.strip();
        }
        return s;
    }

    /** The first of the named fields that is present and not null. */
    static JsonNode field(JsonNode object, String... names) {
        if (object == null || !object.isObject()) {
            return null;
        }
        for (String name : names) {
            JsonNode value = object.get(name);
            if (value != null && !value.isNull() && !value.isMissingNode()) {
                return value;
            }
        }
        return null;
    }

    /**
     * A node as text: strings as they are, numbers in plain notation, a JSON-LD value object by
     * its {@code @value}, an array by its first textual element.
     */
    static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isNumber()) {
            return node.decimalValue().toPlainString();
        }
        if (node.isBoolean()) {
            return node.asText();
        }
        if (node.isObject()) {
            return text(node.get("@value"));
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                String text = text(element);
                if (text != null && !text.isBlank()) {
                    return text;
                }
            }
        }
        return null;
    }

    /** The text of the first named field. */
    static String text(JsonNode object, String... names) {
        return text(field(object, names));
    }

    /** A node as a list: arrays by their elements, a single value as itself, null as nothing. */
    static List<JsonNode> list(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node == null || node.isNull() || node.isMissingNode()) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(out::add);
        } else {
            out.add(node);
        }
        return out;
    }

    /** A price node: a JSON number as it is, a string through the price rules. */
    static Optional<PriceParser.Price> price(JsonNode node, String currency) {
        if (node == null) {
            return Optional.empty();
        }
        if (node.isNumber()) {
            return PriceParser.of(node.decimalValue(), currency);
        }
        return PriceParser.parse(text(node), currency);
    }
}
