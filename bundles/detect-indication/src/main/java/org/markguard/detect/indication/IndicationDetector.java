package org.markguard.detect.indication;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.markguard.api.DetectionContext;
import org.markguard.api.Detector;
import org.markguard.api.Finding;
import org.markguard.api.Indication;
import org.markguard.api.Listing;
import org.markguard.api.Registries;
import org.markguard.api.Seller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Flags a listing that offers the product of a geographical indication, collective mark or
 * certification mark (its name and its product term both named, qualified or not: "kiểu Phú Quốc"
 * still infringes) when the seller is not an authorised producer and lies outside the registered
 * region; a seller whose location is unknown is flagged (lower score) only if configured so. A title about a
 * hotel, a tour or a ticket names the place, not the goods, and is not flagged. When several entries
 * match the same words ("hoa Đà Lạt": da-lat-flowers and da-lat-produce) one finding is raised, under
 * the most specific entry, and its reasons name the others.
 */
@Component(service = Detector.class, configurationPid = IndicationDetector.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = IndicationConfig.class)
public class IndicationDetector implements Detector {
    static final String PID = "org.markguard.detect.indication";
    static final String ID = "indication";
    static final String VERSION = "2.0.0";
    private static final System.Logger LOG = System.getLogger(IndicationDetector.class.getName());

    private volatile IndicationSettings settings = IndicationSettings.DEFAULTS;
    private volatile IndicationIndex index; // one per Registries instance, which is replaced as a whole

    public IndicationDetector() {
    }

    IndicationDetector(IndicationSettings settings) {
        this.settings = settings;
    }

    @Activate
    @Modified
    void configure(IndicationConfig config) {
        try {
            settings = IndicationSettings.from(config);
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
        return "Geographical indication / collective / certification mark misuse";
    }

    @Override
    public List<Finding> detect(Listing listing, DetectionContext context) {
        IndicationSettings s = settings;
        ListingText text = ListingText.of(listing, context);
        List<Indication> candidates = indexFor(context.registries()).candidates(text);
        if (candidates.isEmpty() || namesSomethingElse(text, s)) {
            return List.of();
        }
        Seller seller = listing.seller();
        List<Suspect> suspects = new ArrayList<>();
        for (Indication indication : candidates) {
            Optional<IndicationMatcher.Match> match = IndicationMatcher.find(indication, text, s);
            if (match.isEmpty() || ProducerCheck.isAuthorised(indication, seller)) {
                continue;
            }
            RegionCheck.Place place = RegionCheck.place(seller, indication.region(), s.locationAliases());
            if (place == RegionCheck.Place.OUTSIDE || (place == RegionCheck.Place.UNKNOWN && s.flagUnknownLocation())) {
                suspects.add(new Suspect(match.get(), place, new ArrayList<>()));
            }
        }
        // most specific first; an entry matching the same words as a kept one of the same kind is merged into it
        suspects.sort(Comparator.comparingInt((Suspect x) -> x.match().specificity()).reversed());
        List<Suspect> kept = new ArrayList<>();
        for (Suspect suspect : suspects) {
            Optional<Suspect> same = kept.stream().filter(k -> k.match().indication().kind()
                    == suspect.match().indication().kind() && k.match().overlaps(suspect.match())).findFirst();
            if (same.isPresent()) {
                same.get().merged().add(suspect.match().indication());
            } else {
                kept.add(suspect);
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (Suspect suspect : kept) {
            findings.add(IndicationFinding.of(suspect, seller, s));
        }
        return findings;
    }

    /** A suspected misuse: the match, where the seller is, and the entries merged into it. */
    record Suspect(IndicationMatcher.Match match, RegionCheck.Place place, List<Indication> merged) {
    }

    private static boolean namesSomethingElse(ListingText text, IndicationSettings s) {
        for (String cue : s.otherUseCues()) {
            if (text.title.containsFoldedWord(cue)) {
                return true;
            }
        }
        return false;
    }

    private IndicationIndex indexFor(Registries registries) {
        IndicationIndex current = index;
        if (current == null || current.registries != registries) {
            current = new IndicationIndex(registries);
            index = current;
        }
        return current;
    }
}
