package org.markguard.detect.trademark;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.markguard.api.Brand;
import org.markguard.api.DetectionContext;
import org.markguard.api.Detector;
import org.markguard.api.Finding;
import org.markguard.api.Listing;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Flags a listing that names a protected brand (any of its names, as whole words, ignoring case and
 * diacritics, in the title or description) when the seller is not one of the brand's official
 * sellers. The base score rises when the price is far below the genuine price and when a product the
 * mark covers is named too. Each finding says which name, where, at what price and by which seller.
 */
@Component(service = Detector.class, configurationPid = TrademarkDetector.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = TrademarkConfig.class)
public class TrademarkDetector implements Detector {
    static final String PID = "org.markguard.detect.trademark";
    static final String ID = "trademark";
    static final String VERSION = "1.0.0";
    private static final System.Logger LOG = System.getLogger(TrademarkDetector.class.getName());

    private volatile TrademarkScoring scoring = TrademarkScoring.DEFAULTS;

    public TrademarkDetector() {
    }

    TrademarkDetector(TrademarkScoring scoring) {
        this.scoring = scoring;
    }

    @Activate
    @Modified
    void configure(TrademarkConfig config) {
        try {
            scoring = TrademarkScoring.from(config);
        } catch (IllegalArgumentException e) {
            // a typo in the cfg file must not switch the detector off: keep the last good settings
            LOG.log(Level.ERROR, "invalid configuration " + PID + ", keeping " + scoring + ": " + e.getMessage());
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
        TrademarkScoring settings = scoring;
        ListingText text = ListingText.of(listing);
        List<Finding> findings = new ArrayList<>();
        for (Brand brand : context.registries().brands()) {
            Optional<Signal> mention = BrandMatcher.mention(brand, text, settings.baseScore());
            if (mention.isEmpty() || SellerCheck.isOfficial(brand, listing.seller())) {
                continue;
            }
            List<Signal> signals = new ArrayList<>();
            signals.add(mention.get());
            PriceCheck.lowPrice(brand, listing, settings.lowPriceRatio(), settings.lowPriceBonus())
                    .ifPresent(signals::add);
            BrandMatcher.productTerm(brand, text, mention.get(), settings.productTermBonus())
                    .ifPresent(signals::add);
            signals.add(SellerCheck.notOfficial(brand, listing.seller()));
            findings.add(settings.finding(ID, VERSION, brand, signals));
        }
        return findings;
    }
}
