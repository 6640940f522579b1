package org.markguard.extract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The answer for an element must not depend on which elements were asked about before it. */
class ElsewhereTest {
    /** A "related" strip holding a shallow price and one nested deeper than the climb goes. */
    private static Document page() {
        StringBuilder deep = new StringBuilder("<span id='deep'>9.99</span>");
        for (int i = 0; i < 11; i++) {
            deep.insert(0, "<div>").append("</div>");
        }
        return Jsoup.parse("<html><body><div class='related'><div id='row'><span id='shallow'>8.99</span>" + deep
                + "</div></div></body></html>");
    }

    @Test
    void aClimbCutShortDoesNotDecideForAShallowerElement() {
        Document doc = page();
        Elsewhere elsewhere = new Elsewhere(PageScan.of(doc));
        Element deep = doc.getElementById("deep");
        Element shallow = doc.getElementById("shallow");
        assertFalse(elsewhere.holds(deep), "the strip is beyond the levels climbed from the deep price");
        assertTrue(elsewhere.holds(shallow), "the shallow price sits in the related strip");
    }

    @Test
    void theShallowElementAloneGetsTheSameAnswer() {
        Document doc = page();
        assertTrue(new Elsewhere(PageScan.of(doc)).holds(doc.getElementById("shallow")));
    }
}
