package org.example.markguard.slang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.markguard.api.DetectionContext;
import org.markguard.api.Finding;
import org.markguard.api.Listing;
import org.markguard.api.Registries;

class SlangDetectorTest {
    private final DetectionContext context = () -> Registries.EMPTY;

    private static Listing listing(String title, String description) {
        return new Listing(null, "http://shop.example/1", "shopee", title, description, null, null, null, null,
                null, null, "HTML", null, null);
    }

    private SlangDetector detector(String phrases) {
        SlangDetector d = new SlangDetector();
        d.configure(new SlangDetector.Config() {
            @Override
            public String phrases() {
                return phrases;
            }

            @Override
            public double score() {
                return 0.4;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return SlangDetector.Config.class;
            }
        });
        return d;
    }

    @Test
    void flagsSlangWithoutDiacriticsAndPointsAtIt() {
        List<Finding> findings = detector("hàng rep, like auth").detect(
                listing("Túi xách HANG REP cao cấp", "chất lượng like auth"), context);
        assertEquals(1, findings.size());
        assertEquals(2, findings.get(0).spans().size());
        assertEquals("HANG REP", findings.get(0).spans().get(0).text());
        assertTrue(findings.get(0).reasons().get(0).contains("hàng rep"));
    }

    @Test
    void ignoresOrdinaryText() {
        assertTrue(detector("hàng rep").detect(listing("Hàng chính hãng, repair kit", null), context).isEmpty());
    }
}
