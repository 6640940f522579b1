package org.markguard.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jsoup.nodes.Document;
import org.markguard.api.Extractor;
import org.markguard.api.FetchedPage;
import org.markguard.api.Listing;
import org.osgi.service.component.annotations.Component;

/**
 * The extractor of the walking skeleton: one HTML page to one listing, from the structured data
 * the page carries (JSON-LD, microdata, OpenGraph, embedded application JSON) with generic HTML
 * heuristics as the last resort. Stateless and thread-safe.
 *
 * <p>Robustness is part of the contract: pages are hostile or broken, and one page must never
 * stop a crawl. Each source runs on its own, a failing source becomes a warning, and nothing
 * thrown by parsing escapes {@link #extract}.
 */
@Component(service = Extractor.class)
public class HtmlListingExtractor implements Extractor {

    @Override
    public Optional<Listing> extract(FetchedPage page) {
        List<String> warnings = new ArrayList<>();
        List<ProductFields> sources = new ArrayList<>();
        try {
            if (page == null || PageDecoder.isNotHtml(page.contentType())) {
                return Optional.empty();
            }
            Document doc = PageDecoder.parse(page, warnings);
            sources.add(run(FieldSource.JSON_LD, () -> JsonLdSource.read(doc, warnings), warnings));
            sources.add(run(FieldSource.MICRODATA, () -> MicrodataSource.read(doc), warnings));
            sources.add(run(FieldSource.OPENGRAPH, () -> OpenGraphSource.read(doc), warnings));
            sources.add(run(FieldSource.EMBEDDED_JSON, () -> EmbeddedJsonSource.read(doc, warnings), warnings));
            sources.add(run(FieldSource.HTML, () -> HtmlFallbackSource.read(doc), warnings));
            if (!ListingAssembler.offersProduct(sources)) {
                return Optional.empty();
            }
            return Optional.of(ListingAssembler.assemble(page, sources, warnings));
        } catch (RuntimeException | StackOverflowError e) {
            return salvage(page, sources, warnings, e);
        }
    }

    /** Runs one source; its failure costs only its own fields. */
    private static ProductFields run(FieldSource source, Supplier<ProductFields> reader, List<String> warnings) {
        try {
            return reader.get();
        } catch (RuntimeException | StackOverflowError e) {
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
            return Optional.of(ListingAssembler.assemble(page, sources, warnings));
        } catch (RuntimeException | StackOverflowError e) {
            return Optional.empty();
        }
    }
}
