package org.example.markguard.slang;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.markguard.api.DetectionContext;
import org.markguard.api.Detector;
import org.markguard.api.EvidenceSpan;
import org.markguard.api.Finding;
import org.markguard.api.FindingKind;
import org.markguard.api.FoldedText;
import org.markguard.api.Listing;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Flags listings that describe themselves with counterfeit slang ("hàng rep", "like auth", …).
 * Sellers of fakes say so to buyers in words a brand-name match misses; on its own the slang is a
 * weak signal, so the score is modest and an analyst decides.
 */
@Component(service = Detector.class, configurationPid = SlangDetector.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = SlangDetector.Config.class)
public class SlangDetector implements Detector {
    static final String PID = "org.example.markguard.slang";

    @ObjectClassDefinition(name = "Counterfeit slang detector")
    public @interface Config {
        @AttributeDefinition(description = "Comma-separated phrases; matched as whole words, "
                + "ignoring case and diacritics")
        String phrases() default "hàng rep, rep 1:1, like auth, super fake, hàng nhái, replica, fake loại 1";

        @AttributeDefinition(description = "Score of a finding, in [0,1]")
        double score() default 0.4;
    }

    private volatile List<String> phrases = List.of();
    private volatile double score = 0.4;

    @Activate
    @Modified
    void configure(Config config) {
        phrases = Arrays.stream(config.phrases().split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList();
        score = Math.max(0, Math.min(1, config.score()));
    }

    @Override
    public String id() {
        return "slang";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public String name() {
        return "Counterfeit slang (example)";
    }

    @Override
    public List<Finding> detect(Listing listing, DetectionContext context) {
        List<EvidenceSpan> spans = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        FoldedText title = FoldedText.of(listing.title());
        FoldedText description = FoldedText.of(listing.description());
        for (String phrase : phrases) {
            List<EvidenceSpan> found = new ArrayList<>(title.findWord(phrase, "title"));
            found.addAll(description.findWord(phrase, "description"));
            if (!found.isEmpty()) {
                spans.addAll(found);
                reasons.add("counterfeit slang '" + phrase + "' in the " + found.get(0).field()
                        + " (\"" + found.get(0).text() + "\")");
            }
        }
        if (spans.isEmpty()) {
            return List.of();
        }
        return List.of(new Finding(id(), version(), FindingKind.OTHER, "counterfeit-slang", score, reasons, spans));
    }
}
