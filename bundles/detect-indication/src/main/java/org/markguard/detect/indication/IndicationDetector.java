package org.markguard.detect.indication;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.markguard.api.DetectionContext;
import org.markguard.api.Detector;
import org.markguard.api.EvidenceSpan;
import org.markguard.api.Finding;
import org.markguard.api.Indication;
import org.markguard.api.Listing;
import org.markguard.api.Seller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Flags a listing that offers the product of a geographical indication, collective mark or
 * certification mark (its name and its product term both named) when the seller is not an authorised
 * producer and is located outside the registered region; a seller whose location is unknown is still
 * flagged, with a lower score and a reason saying the location could not be checked.
 */
@Component(service = Detector.class, configurationPid = IndicationDetector.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = IndicationConfig.class)
public class IndicationDetector implements Detector {
    static final String PID = "org.markguard.detect.indication";
    static final String ID = "indication";
    static final String VERSION = "1.0.0";
    private static final System.Logger LOG = System.getLogger(IndicationDetector.class.getName());

    private volatile IndicationScoring scoring = IndicationScoring.DEFAULTS;

    public IndicationDetector() {
    }

    IndicationDetector(IndicationScoring scoring) {
        this.scoring = scoring;
    }

    @Activate
    @Modified
    void configure(IndicationConfig config) {
        try {
            scoring = IndicationScoring.from(config);
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
        return "Geographical indication / collective / certification mark misuse";
    }

    @Override
    public List<Finding> detect(Listing listing, DetectionContext context) {
        IndicationScoring settings = scoring;
        ListingText text = ListingText.of(listing);
        Seller seller = listing.seller();
        List<Finding> findings = new ArrayList<>();
        for (Indication indication : context.registries().indications()) {
            if (indication.kind() == null) {
                continue;
            }
            Optional<IndicationMatcher.Match> match = IndicationMatcher.find(indication, text);
            if (match.isEmpty() || ProducerCheck.isAuthorised(indication, seller)) {
                continue;
            }
            RegionCheck.Place place = RegionCheck.place(seller.location(), indication.region());
            if (place == RegionCheck.Place.INSIDE) {
                continue;
            }
            findings.add(finding(indication, match.get(), seller, place, settings));
        }
        return findings;
    }

    private static Finding finding(Indication indication, IndicationMatcher.Match match, Seller seller,
                                   RegionCheck.Place place, IndicationScoring settings) {
        String region = RegionCheck.describe(indication.region());
        List<String> reasons = new ArrayList<>();
        reasons.add(match.reason());
        List<EvidenceSpan> spans = new ArrayList<>(match.nameSpans());
        spans.addAll(match.termSpans());
        double score;
        if (place == RegionCheck.Place.OUTSIDE) {
            String location = seller.location().strip();
            reasons.add("seller located in '" + location + "', outside the registered region " + region);
            spans.add(new EvidenceSpan("seller.location", 0, seller.location().length(), seller.location()));
            score = settings.score();
        } else {
            reasons.add("seller location unknown, so it cannot be checked against the registered region " + region);
            score = settings.unknownLocationScore();
        }
        reasons.add(ProducerCheck.reason(indication, seller));
        return new Finding(ID, VERSION, indication.kind(), indication.id(), score, reasons, spans);
    }
}
