package org.markguard.detect.ocop;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.markguard.api.DetectionContext;
import org.markguard.api.Detector;
import org.markguard.api.EvidenceSpan;
import org.markguard.api.FindingKind;
import org.markguard.api.Finding;
import org.markguard.api.FoldedText;
import org.markguard.api.Listing;
import org.markguard.api.Seller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Flags a listing that claims OCOP stars ("OCOP 4 sao", "đạt chuẩn OCOP") for a product that is not in
 * the configured OCOP list, whose certificate has expired (36 months by default), or that claims more
 * stars than were awarded. The list is read when the configuration is (re)applied, never while
 * detecting; when it cannot be read nothing is flagged, so a missing file cannot make every honest
 * claim suspect. Kind OTHER, subject {@code ocop:<product id>} or {@code ocop:unlisted}.
 */
@Component(service = Detector.class, configurationPid = OcopDetector.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = OcopConfig.class)
public class OcopDetector implements Detector {
    static final String PID = "org.markguard.detect.ocop";
    static final String ID = "ocop";
    static final String VERSION = "1.0.0";
    static final String DEFAULT_LIST = "${karaf.etc}/markguard/registry/ocop.json";
    private static final System.Logger LOG = System.getLogger(OcopDetector.class.getName());

    /** What detect reads, swapped as a whole when the configuration changes. */
    record State(OcopList list, boolean loaded, int validityMonths, double nameMatchShare, double unlistedScore,
                 double expiredScore, double moreStarsScore) {
    }

    private volatile State state = new State(OcopList.EMPTY, false, 36, 0.75, 0.6, 0.7, 0.6);
    private final Clock clock;

    public OcopDetector() {
        this(Clock.systemDefaultZone());
    }

    OcopDetector(Clock clock) {
        this.clock = clock;
    }

    OcopDetector(Clock clock, State state) {
        this.clock = clock;
        this.state = state;
    }

    /** Applies a configuration; public so that harnesses outside OSGi can configure it too. */
    @Activate
    @Modified
    public void configure(OcopConfig config) {
        Path file = Path.of(resolve(config.ocopList()));
        OcopList list = OcopList.EMPTY;
        boolean loaded = false;
        try {
            list = OcopList.read(file);
            loaded = true;
            LOG.log(Level.INFO, "OCOP list " + file + ": " + list.products.size() + " products");
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(Level.ERROR, "OCOP list " + file + " unreadable, OCOP claims are not checked: " + e.getMessage());
        }
        state = new State(list, loaded, Math.max(1, config.validityMonths()), config.nameMatchShare(),
                config.unlistedScore(), config.expiredScore(), config.moreStarsScore());
    }

    /** "${karaf.etc}/…" with the system property put in (ConfigAdmin does it for cfg files, not for defaults). */
    static String resolve(String path) {
        String etc = System.getProperty("karaf.etc", "etc");
        return path.replace("${karaf.etc}", etc);
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
        return "OCOP certification claim";
    }

    @Override
    public List<Finding> detect(Listing listing, DetectionContext context) {
        State s = state;
        if (!s.loaded()) {
            return List.of();
        }
        FoldedText title = context.fold(listing.title());
        List<OcopClaim> claims = new ArrayList<>(OcopClaim.find(title, "title"));
        claims.addAll(OcopClaim.find(context.fold(listing.description()), "description"));
        if (claims.isEmpty()) {
            return List.of();
        }
        OcopClaim claim = claims.stream().filter(c -> c.stars() > 0).findFirst().orElse(claims.get(0));
        List<EvidenceSpan> spans = claims.stream().map(OcopClaim::span).toList();
        List<OcopList.Product> products = s.list().matching(OcopList.words(listing.title()), s.nameMatchShare());
        if (products.isEmpty()) {
            return List.of(new Finding(ID, VERSION, FindingKind.OTHER, "ocop:unlisted", s.unlistedScore(), List.of(
                    "claims '" + claim.span().text() + "' but no product of the OCOP list ("
                            + s.list().products.size() + " products) matches the title",
                    "seller " + label(listing.seller()) + "; OCOP status can be checked with the provincial OCOP"
                            + " council"), spans));
        }
        OcopList.Product product = preferSeller(products, listing.seller());
        LocalDate expiry = product.certifiedOn().plusMonths(s.validityMonths());
        String what = "'" + product.name() + "'" + (product.producer() == null ? "" : " of " + product.producer())
                + " (" + product.stars() + " stars, certified " + product.certifiedOn() + ")";
        LocalDate today = LocalDate.now(clock);
        if (!expiry.isAfter(today)) {
            return List.of(new Finding(ID, VERSION, FindingKind.OTHER, "ocop:" + product.id(), s.expiredScore(),
                    List.of("claims '" + claim.span().text() + "' but the OCOP certificate of " + what
                            + " expired on " + expiry + " (" + s.validityMonths() + " months)",
                            "seller " + label(listing.seller())), spans));
        }
        if (claim.stars() > product.stars()) {
            return List.of(new Finding(ID, VERSION, FindingKind.OTHER, "ocop:" + product.id(), s.moreStarsScore(),
                    List.of("claims " + claim.stars() + " stars ('" + claim.span().text() + "') but " + what
                            + " was awarded " + product.stars(), "seller " + label(listing.seller())), spans));
        }
        return List.of();
    }

    /** Among products with the same name, the one of this seller or its province, else the best match. */
    private static OcopList.Product preferSeller(List<OcopList.Product> products, Seller seller) {
        String name = FoldedText.fold(seller.name() == null ? "" : seller.name()).strip();
        String province = FoldedText.fold(seller.province() == null ? "" : seller.province()).strip();
        for (OcopList.Product p : products) {
            if (p.producer() != null && !name.isEmpty() && FoldedText.fold(p.producer()).strip().equals(name)) {
                return p;
            }
        }
        for (OcopList.Product p : products) {
            if (p.province() != null && !province.isEmpty() && FoldedText.fold(p.province()).strip().equals(province)) {
                return p;
            }
        }
        return products.get(0);
    }

    private static String label(Seller seller) {
        String who = seller.name() != null && !seller.name().isBlank() ? seller.name()
                : seller.id() != null && !seller.id().isBlank() ? seller.id() : null;
        return who == null ? "unknown" : "'" + who.strip() + "'";
    }
}
