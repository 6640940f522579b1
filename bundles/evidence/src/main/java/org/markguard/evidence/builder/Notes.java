package org.markguard.evidence.builder;

import java.util.ArrayList;
import java.util.List;

/**
 * The message of a READY packet: what a requester should know before handing it on, in one line
 * (e.g. "1 of 3 listings without screenshot: screenshot not available: no renderer …"); the details
 * per listing are in packet.json.
 */
final class Notes {
    private static final List<String> FILES = List.of(ListingEntry.CAPTURE, ListingEntry.RECAPTURE, ListingEntry.SCREENSHOT);

    private final List<String> packetNotes = new ArrayList<>();
    private final List<String> listingNotes = new ArrayList<>();

    void add(String note) {
        packetNotes.add(note);
    }

    void summarise(List<ListingEntry> entries) {
        listingNotes.clear();
        for (String file : FILES) {
            List<String> reasons = entries.stream().map(e -> e.missing.get(file)).filter(m -> m != null)
                    .map(ListingEntry.Missing::message).toList();
            if (reasons.isEmpty()) {
                continue;
            }
            List<String> distinct = reasons.stream().distinct().toList();
            listingNotes.add(reasons.size() + " of " + entries.size() + " listings without " + file
                    + (distinct.size() == 1 ? ": " + distinct.get(0) : " (the reasons are in packet.json)"));
        }
    }

    String text() {
        List<String> all = new ArrayList<>(listingNotes);
        all.addAll(packetNotes);
        return String.join("; ", all);
    }
}
