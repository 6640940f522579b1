package org.markguard.api;

import java.util.List;
import java.util.Optional;

/** The configured product groups, and the group a listing falls in. Implemented by the extract bundle. */
public interface ProductTaxonomy {

    /** The groups in force, in file order. */
    List<ProductGroup> groups();

    /** The group of a listing with this title and description; empty when no term matches. */
    Optional<String> classify(String title, String description);
}
