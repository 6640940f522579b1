package org.markguard.extract;

import java.io.IOException;
import org.markguard.api.ProductTaxonomy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jsoup.nodes.Document;
import org.markguard.api.Extractor;
import org.markguard.api.FetchedPage;
import org.markguard.api.Listing;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

/**
 * The extractor of the walking skeleton: one HTML page to one listing, from the structured data
 * the page carries (JSON-LD, microdata, OpenGraph, embedded application JSON) with generic HTML
 * heuristics as the last resort. Stateless and thread-safe.
 *
 * <p>Robustness is part of the contract: pages are hostile or broken, and one page must never
 * stop a crawl. Each source runs on its own, a failing source becomes a warning, and nothing
 * thrown by parsing escapes {@link #extract}.
 */
@Component(service = {Extractor.class, ProductTaxonomy.class}, configurationPid = HtmlListingExtractor.PID)
public class HtmlListingExtractor implements Extractor, ProductTaxonomy {
    static final String PID = "org.markguard.extract";
    /** Configuration key: the folder of the per-platform profiles. */
    static final String PROFILES_DIR = "profilesDir";
    /** Configuration key: the product taxonomy file. */
    static final String PRODUCT_GROUPS_FILE = "productGroupsFile";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HtmlListingExtractor.class);

    private volatile SiteProfiles profiles;
    private volatile ProductGroupClassifier taxonomy;

    /** Outside OSGi (tests, benchmarks): profiles from {@code ${karaf.etc}/markguard/profiles} or bundled. */
    public HtmlListingExtractor() {
        this.profiles = new SiteProfiles(defaultProfilesDir());
        this.taxonomy = loadTaxonomy(defaultTaxonomyFile(), null);
    }

    /** For tests: profiles read from this folder. */
    HtmlListingExtractor(Path profilesDir) {
        this.profiles = new SiteProfiles(profilesDir);
        this.taxonomy = loadTaxonomy(null, null);
    }

    @Activate
    @Modified
    void configure(Map<String, Object> properties) {
        Object dir = properties == null ? null : properties.get(PROFILES_DIR);
        String value = dir == null ? null : dir.toString().strip();
        Path folder = value == null || value.isEmpty() ? defaultProfilesDir() : Path.of(expand(value));
        profiles = new SiteProfiles(folder);
        Object groups = properties == null ? null : properties.get(PRODUCT_GROUPS_FILE);
        String file = groups == null ? "" : groups.toString().strip();
        taxonomy = loadTaxonomy(file.isEmpty() ? defaultTaxonomyFile() : Path.of(expand(file)), taxonomy);
        checkTika();
    }

    /**
     * Loads the embedded Tika's language profiles and PDF parser now, not on the first listing, and
     * says in the log whether they work inside the container (a missing package would show here).
     */
    private static void checkTika() {
        long start = System.nanoTime();
        try {
            String language = Languages.byTika("Nước mắm Phú Quốc chính hãng, giao hàng toàn quốc");
            int pdfTypes = TikaDocuments.pdfTypes();
            LOG.info("Apache Tika ready in {} ms: language detector says {} for a Vietnamese sample, PDF parser for {} "
                    + "media types", (System.nanoTime() - start) / 1_000_000, language, pdfTypes);
        } catch (RuntimeException | LinkageError e) {
            LOG.error("Apache Tika not usable: PDF price lists and language detection will fail", e);
        }
    }

    private static Path defaultTaxonomyFile() {
        String etc = System.getProperty("karaf.etc");
        return etc == null ? null : Path.of(etc, "markguard", "registry", "product-groups.json");
    }

    /** A taxonomy file that cannot be used keeps the one in force (or the bundled one), loudly. */
    private static ProductGroupClassifier loadTaxonomy(Path file, ProductGroupClassifier current) {
        try {
            return ProductGroupClassifier.load(file);
        } catch (IOException | RuntimeException e) {
            LOG.error("Product taxonomy {} not used: {}", file, e.getMessage());
            if (current != null) {
                return current;
            }
            try {
                return ProductGroupClassifier.load(null);
            } catch (IOException bundled) {
                throw new java.io.UncheckedIOException(bundled);
            }
        }
    }

    @Override
    public List<org.markguard.api.ProductGroup> groups() {
        return taxonomy.groups();
    }

    @Override
    public Optional<String> classify(String title, String description) {
        return taxonomy.classify(title, description);
    }

    /** The listing in its product group, unless a source named one already. */
    private Listing grouped(Listing listing) {
        if (listing.details().productGroup() != null) {
            return listing;
        }
        return taxonomy.classify(listing.title(), listing.description())
                .map(g -> listing.withDetails(listing.details().withProductGroup(g))).orElse(listing);
    }

    private static Path defaultProfilesDir() {
        String etc = System.getProperty("karaf.etc");
        return etc == null ? null : Path.of(etc, "markguard", "profiles");
    }

    /** ${karaf.etc} and other ${system.property} references, as Karaf writes them in .cfg files. */
    static String expand(String value) {
        Matcher m = Pattern.compile("\\$\\{([^}]+)}").matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = System.getProperty(m.group(1), "");
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** One listing for an HTML page, one per product line for a PDF price list. */
    @Override
    public List<Listing> extractAll(FetchedPage page) {
        try {
            if (page != null && PdfPriceList.isPdf(page)) {
                return PdfPriceList.listings(page).stream().map(this::grouped).toList();
            }
            return extract(page).map(List::of).orElse(List.of());
        } catch (RuntimeException | StackOverflowError | LinkageError e) {
            return List.of();
        }
    }

    @Override
    public Optional<Listing> extract(FetchedPage page) {
        return extractUngrouped(page).map(this::grouped);
    }

    private Optional<Listing> extractUngrouped(FetchedPage page) {
        List<String> warnings = new ArrayList<>();
        List<ProductFields> sources = new ArrayList<>();
        try {
            if (page == null || PageDecoder.isNotHtml(page.contentType())) {
                // a single-product PDF or an image: its first listing, if any
                return page == null ? Optional.empty() : notHtml(page);
            }
            Document doc = PageDecoder.parse(page, warnings);
            PageScan scan = PageScan.of(doc); // one walk for what the sources look for
            sources.add(run(FieldSource.JSON_LD, () -> JsonLdSource.read(scan, warnings), warnings));
            sources.add(run(FieldSource.MICRODATA, () -> MicrodataSource.read(scan), warnings));
            sources.add(run(FieldSource.OPENGRAPH, () -> OpenGraphSource.read(scan), warnings));
            sources.add(run(FieldSource.EMBEDDED_JSON, () -> EmbeddedJsonSource.read(scan, warnings), warnings));
            if (SocialPostSource.appliesTo(page.platform())) {
                // a post: the structured product if there is one, else the offer in its text
                if (!ListingAssembler.offersProduct(sources)) {
                    sources.add(run(FieldSource.TEXT, () -> SocialPostSource.read(doc), warnings));
                }
            } else {
                SiteProfiles current = profiles;
                JsonNode profile = current.forPlatform(page.platform());
                if (profile != null) {
                    sources.add(run(FieldSource.PROFILE, () -> ProfileSource.read(doc, profile, warnings), warnings));
                }
                ProductFields known = ListingAssembler.known(sources);
                sources.add(run(FieldSource.HTML, () -> HtmlFallbackSource.read(scan, known), warnings));
            }
            if (!ListingAssembler.offersProduct(sources)) {
                return Optional.empty();
            }
            return Optional.of(ListingAssembler.assemble(page, sources, warnings, Languages.declared(doc)));
        } catch (RuntimeException | StackOverflowError | LinkageError e) {
            return salvage(page, sources, warnings, e);
        }
    }

    private static Optional<Listing> notHtml(FetchedPage page) {
        if (PdfPriceList.isPdf(page)) {
            return PdfPriceList.listings(page).stream().findFirst();
        }
        return Optional.empty();
    }

    /** Runs one source; its failure costs only its own fields. */
    private static ProductFields run(FieldSource source, Supplier<ProductFields> reader, List<String> warnings) {
        try {
            return reader.get();
        } catch (RuntimeException | StackOverflowError | LinkageError e) {
            warnings.add(source + " extraction failed: " + e.getClass().getSimpleName() + ": " + Text.brief(e));
            return new ProductFields(source);
        }
    }

    /** After an unexpected failure: what was found so far, with a warning, if it is a product at all. */
    private static Optional<Listing> salvage(FetchedPage page, List<ProductFields> sources, List<String> warnings,
                                             Throwable failure) {
        try {
            if (page == null || page.url().isBlank() || !ListingAssembler.offersProduct(sources)
                    || !ListingAssembler.hasAnyField(sources)) {
                return Optional.empty();
            }
            warnings.add("extraction failed: " + failure.getClass().getSimpleName() + ": " + Text.brief(failure));
            return Optional.of(ListingAssembler.assemble(page, sources, warnings, null));
        } catch (RuntimeException | StackOverflowError | LinkageError e) {
            return Optional.empty();
        }
    }
}
