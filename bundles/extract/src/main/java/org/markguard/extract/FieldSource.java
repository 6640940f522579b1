package org.markguard.extract;

/**
 * Where a field of a listing came from, most trusted first: the declaration order is the order of
 * trust, so {@link #ordinal()} compares trust. The names are the values written to
 * {@code Listing.fieldSources} and {@code Listing.extractionSource}.
 */
enum FieldSource {
    /** schema.org JSON-LD: the site's own structured declaration, meant for machines. */
    JSON_LD,
    /** schema.org microdata attributes in the visible markup. */
    MICRODATA,
    /** OpenGraph meta tags: written for link previews, titles often carry a site suffix. */
    OPENGRAPH,
    /** Application state embedded in the page (Next.js data, window.__INITIAL_STATE__ …). */
    EMBEDDED_JSON,
    /** A per-platform profile (config/profiles/&lt;platform&gt;.json): CSS selectors and JSON paths. */
    PROFILE,
    /** Generic HTML heuristics (title, h1, meta description, shop-name classes …). */
    HTML,
    /** Free text of the page: social posts (price and offer words in the text), the detected language. */
    TEXT
}
