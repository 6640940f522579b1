package org.markguard.pdf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Null-tolerant copies for the model records: report input comes from crawls and is never trusted. */
final class Nulls {
    private Nulls() {
    }

    static String text(String s) {
        return s == null ? "" : s;
    }

    static <T> List<T> listWithoutNulls(List<T> list) {
        if (list == null) {
            return List.of();
        }
        return list.stream().filter(Objects::nonNull).toList();
    }

    /** A copy of {@code list} with each element mapped; null elements become {@code mapper.apply(null)}. */
    static <T, R> List<R> mapped(List<T> list, Function<T, R> mapper) {
        if (list == null) {
            return List.of();
        }
        List<R> copy = new ArrayList<>(list.size());
        for (T element : list) {
            copy.add(mapper.apply(element));
        }
        return Collections.unmodifiableList(copy);
    }

    static List<String> texts(List<String> list) {
        return mapped(list, Nulls::text);
    }
}
