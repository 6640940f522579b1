package org.markguard.benchmarks.search;

/**
 * One workbench search, in its two forms.
 *
 * @param name how the report names it
 * @param restQuery the query string of {@code GET /api/v1/listings}
 * @param esBody the {@code _search} body the REST layer sends for it (see {@link EsSearchBodies})
 */
record WorkbenchQuery(String name, String restQuery, String esBody) {
}
