package org.markguard.detect.trademark;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.markguard.api.Brand;
import org.markguard.api.DetectionContext;
import org.markguard.api.Detector;
import org.markguard.api.Finding;
import org.markguard.api.Listing;
import org.markguard.api.Registries;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Flags a listing that offers a protected brand's goods from a seller that is not one of the
 * brand's official sellers, when the evidence adds up: the name (found despite case, diacritics,
 * spacing, look-alike letters, digits for letters and one-letter typos, in the title, description,
 * image alt texts or stated brand) plus a price far below the genuine one, counterfeit slang or a
 * disguised name. A plain mention at a normal price stays below {@code minScore}. Compatibility
 * wording, generic words of another class of goods, reviews and news are not flagged.
 */
@Component(service = Detector.class, configurationPid = TrademarkDetector.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = TrademarkConfig.class)
public class TrademarkDetector implements Detector {
    static final String PID = "org.markguard.detect.trademark";
    static final String ID = "trademark";
    static final String VERSION = "2.0.0";
    private static final System.Logger LOG = System.getLogger(TrademarkDetector.class.getName());

    private volatile TrademarkSettings settings = TrademarkSettings.DEFAULTS;
    // the registries are immutable and replaced as a whole: one index per instance, rebuilt on change
    private volatile BrandIndex index;

    public TrademarkDetector() {
    }

    TrademarkDetector(TrademarkSettings settings) {
        this.settings = settings;
    }

    @Activate
    @Modified
    void configure(TrademarkConfig config) {
        try {
            settings = TrademarkSettings.from(config);
        } catch (IllegalArgumentException e) {
            // a typo in the cfg file must not switch the detector off: keep the last good settings
            LOG.log(Level.ERROR, "invalid configuration " + PID + ", keeping the previous one: " + e.getMessage());
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public String name() {
        return "Trademark counterfeit";
    }

    @Override
    public List<Finding> detect(Listing listing, DetectionContext context) {
        TrademarkSettings s = settings;
        BrandIndex brands = indexFor(context.registries());
        List<LooseText> fields = new ArrayList<>(4);
        fields.add(LooseText.of(context.fold(listing.title()), Fields.TITLE));
        fields.add(LooseText.of(context.fold(listing.description()), Fields.DESCRIPTION));
        if (listing.details().brand() != null) {
            fields.add(LooseText.of(listing.details().brand(), Fields.BRAND));
        }
        List<String> alts = listing.details().imageAlts();
        for (int i = 0; i < alts.size(); i++) {
            fields.add(LooseText.of(alts.get(i), Fields.IMAGE_ALT + "[" + i + "]"));
        }
        List<BrandMention> mentions = new ArrayList<>();
        for (LooseText field : fields) {
            brands.findNames(field, mentions);
            brands.findTypos(field, s.lexicon().realWords(), mentions);
        }
        if (mentions.isEmpty()) {
            return List.of();
        }
        ListingCues cues = new ListingCues(listing, fields.get(0).folded, fields.get(1).folded, s.lexicon());
        if (cues.sellsNothing()) {
            return List.of();
        }
        Map<Brand, List<BrandMention>> byBrand = new IdentityHashMap<>();
        for (BrandMention mention : mentions) {
            byBrand.computeIfAbsent(mention.name().brand(), b -> new ArrayList<>()).add(mention);
        }
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<Brand, List<BrandMention>> entry : byBrand.entrySet()) {
            Brand brand = entry.getKey();
            if (SellerCheck.isOfficial(brand, listing.seller())) {
                continue;
            }
            TrademarkEvidence.assess(brand, entry.getValue(), listing, cues, s)
                    .filter(finding -> finding.score() >= s.minScore())
                    .ifPresent(findings::add);
        }
        findings.sort((a, b) -> Double.compare(b.score(), a.score()));
        return findings;
    }

    private BrandIndex indexFor(Registries registries) {
        BrandIndex current = index;
        if (current == null || current.registries != registries) {
            current = new BrandIndex(registries); // two threads may both build it once: harmless
            index = current;
        }
        return current;
    }
}
