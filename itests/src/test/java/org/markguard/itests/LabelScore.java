package org.markguard.itests;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Detector results against the demo marketplace's labels: per kind, expected vs found (kind + subject). */
record LabelScore(Map<String, int[]> counts, List<String> flaggedLawful) {
    // counts[kind] = {truePositive, falsePositive, falseNegative}

    static LabelScore of(Map<String, JsonNode> labels, Map<String, JsonNode> indexed) {
        Map<String, int[]> counts = new TreeMap<>();
        List<String> lawful = new ArrayList<>();
        for (JsonNode label : labels.values()) {
            JsonNode item = indexed.get(label.get("id").asText());
            if (item == null) {
                continue;
            }
            List<String> expected = new ArrayList<>();
            label.get("expected").forEach(e -> expected.add(e.get("kind").asText() + "/" + e.get("subject").asText()));
            List<String> found = new ArrayList<>();
            item.get("findings").forEach(f -> {
                String kind = f.get("kind").asText();
                if (!"OTHER".equals(kind)) {
                    found.add(kind + "/" + f.get("subject").asText());
                }
            });
            String category = label.get("category").asText();
            if ((category.equals("GENUINE") || category.equals("GI_GENUINE")) && !found.isEmpty()) {
                lawful.add(label.get("url").asText() + " " + found);
            }
            for (String e : expected) {
                int[] c = counts.computeIfAbsent(e.split("/")[0], k -> new int[3]);
                c[found.contains(e) ? 0 : 2]++;
            }
            for (String f : found.stream().distinct().toList()) {
                if (!expected.contains(f)) {
                    counts.computeIfAbsent(f.split("/")[0], k -> new int[3])[1]++;
                }
            }
        }
        return new LabelScore(counts, lawful);
    }

    double recall(String kind) {
        int[] c = counts.getOrDefault(kind, new int[3]);
        return c[0] + c[2] == 0 ? 1.0 : (double) c[0] / (c[0] + c[2]);
    }

    double precision(String kind) {
        int[] c = counts.getOrDefault(kind, new int[3]);
        return c[0] + c[1] == 0 ? 1.0 : (double) c[0] / (c[0] + c[1]);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        counts.forEach((kind, c) -> sb.append(String.format("%n  %-24s tp=%d fp=%d fn=%d precision=%.3f recall=%.3f",
                kind, c[0], c[1], c[2], precision(kind), recall(kind))));
        return sb.toString();
    }
}
