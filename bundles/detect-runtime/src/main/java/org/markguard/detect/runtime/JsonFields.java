package org.markguard.detect.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Strict reader of one JSON object of a registry: it knows the object's allowed keys, reports missing
 * and unknown ones, and every accessor reports a wrong value with its path and returns a harmless
 * default, so that validation goes on and collects all problems.
 */
final class JsonFields {
    private static final Pattern ID = Pattern.compile("[a-z0-9-]+");

    private final JsonNode node;
    private final String path;
    private final Problems problems;
    private final boolean valid;

    /**
     * @param required keys that must be present
     * @param optional keys that may be present; any other key is rejected
     */
    JsonFields(JsonNode node, String path, Problems problems, Set<String> required, Set<String> optional) {
        this.node = node;
        this.path = path;
        this.problems = problems;
        this.valid = node != null && node.isObject();
        if (!valid) {
            problems.add(path, "must be an object with " + describe(required, optional));
            return;
        }
        for (String key : required) {
            if (!node.has(key)) {
                problems.add(at(key), "is required");
            }
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!required.contains(key) && !optional.contains(key)) {
                problems.add(at(key), "unknown key (allowed: " + String.join(", ", all(required, optional)) + ")");
            }
        }
    }

    String at(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
        return valid && node.has(key);
    }

    JsonNode get(String key) {
        return valid ? node.get(key) : null;
    }

    /** A stable id of lowercase letters, digits and dashes; null when absent or bad. */
    String id(String key) {
        JsonNode value = get(key);
        if (value == null) {
            return null;
        }
        if (!value.isTextual() || !ID.matcher(value.asText()).matches()) {
            problems.add(at(key), "must be a non-empty string of a-z, 0-9 and '-', got " + shown(value));
            return null;
        }
        return value.asText();
    }

    /** A string; null when absent. {@code nonBlank}: an empty or blank string is a problem too. */
    String string(String key, boolean nonBlank) {
        JsonNode value = get(key);
        if (value == null) {
            return null;
        }
        if (!value.isTextual() || (nonBlank && value.asText().isBlank())) {
            problems.add(at(key), (nonBlank ? "must be a non-blank string" : "must be a string") + ", got "
                    + shown(value));
            return null;
        }
        return value.asText();
    }

    /** A list of non-blank strings; empty when absent or bad. {@code nonEmpty}: an empty list is a problem. */
    List<String> strings(String key, boolean nonEmpty) {
        JsonNode value = get(key);
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        String expected = nonEmpty ? "must be a non-empty list of strings" : "must be a list of strings";
        if (!value.isArray() || (nonEmpty && value.isEmpty())) {
            problems.add(at(key), expected + ", got " + shown(value));
            return out;
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isTextual() || item.asText().isBlank()) {
                problems.add(at(key) + "[" + i + "]", "must be a non-blank string, got " + shown(item));
            } else {
                out.add(item.asText().strip());
            }
        }
        return out;
    }

    /** A list of integers in [min, max]; empty when absent or bad. */
    List<Integer> integers(String key, int min, int max) {
        JsonNode value = get(key);
        List<Integer> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (!value.isArray()) {
            problems.add(at(key), "must be a list of integers from " + min + " to " + max + ", got " + shown(value));
            return out;
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isIntegralNumber() || !item.canConvertToInt() || item.asInt() < min || item.asInt() > max) {
                problems.add(at(key) + "[" + i + "]", "must be an integer from " + min + " to " + max + ", got "
                        + shown(item));
            } else {
                out.add(item.asInt());
            }
        }
        return out;
    }

    /** A number ≥ 0; null when absent or bad. */
    BigDecimal nonNegativeNumber(String key) {
        JsonNode value = get(key);
        if (value == null) {
            return null;
        }
        if (!value.isNumber() || value.decimalValue().signum() < 0) {
            problems.add(at(key), "must be a number ≥ 0, got " + shown(value));
            return null;
        }
        return value.decimalValue();
    }

    /** The nested object at {@code key}, checked against its own keys. */
    JsonFields object(String key, Set<String> required, Set<String> optional) {
        return new JsonFields(get(key), at(key), problems, required, optional);
    }

    /** A short rendering of a bad value for a message: strings quoted and cut, other types named. */
    static String shown(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        if (value.isTextual()) {
            String text = value.asText();
            return "'" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'";
        }
        if (value.isArray()) {
            return value.isEmpty() ? "an empty list" : "a list";
        }
        if (value.isObject()) {
            return "an object";
        }
        return value.toString();
    }

    private static String describe(Set<String> required, Set<String> optional) {
        return required.isEmpty() ? "the keys " + String.join(", ", optional)
                : "the key" + (required.size() == 1 ? " " : "s ") + String.join(", ", required);
    }

    private static List<String> all(Set<String> required, Set<String> optional) {
        Set<String> keys = new LinkedHashSet<>(required);
        keys.addAll(optional);
        return List.copyOf(keys);
    }
}
