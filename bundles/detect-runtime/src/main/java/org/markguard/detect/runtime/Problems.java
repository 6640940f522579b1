package org.markguard.detect.runtime;

import java.util.ArrayList;
import java.util.List;
import org.markguard.api.RegistryException;

/**
 * Collects what is wrong with a registry document, each problem as {@code path: problem}, so that an
 * admin fixes a file in one round instead of one error per upload.
 */
final class Problems {
    static final int LIMIT = 20;

    private final List<String> messages = new ArrayList<>();
    private int total;

    void add(String path, String problem) {
        total++;
        if (messages.size() < LIMIT) {
            messages.add(path + ": " + problem);
        }
    }

    boolean isEmpty() {
        return total == 0;
    }

    List<String> messages() {
        return List.copyOf(messages);
    }

    /** One exception naming the document and listing the first {@value #LIMIT} problems. */
    RegistryException toException(String document) {
        StringBuilder text = new StringBuilder(document).append(" rejected, ")
                .append(total == 1 ? "1 problem" : total + " problems").append(": ");
        text.append(String.join("; ", messages));
        if (total > messages.size()) {
            text.append("; … and ").append(total - messages.size()).append(" more");
        }
        return new RegistryException(text.toString());
    }
}
