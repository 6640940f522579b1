package org.markguard.api;

import java.util.List;
import java.util.Optional;

/** Creates and lists crawl sources. Implemented by the crawl bundle. */
public interface SourceService {

    List<SourceDefinition> list();

    Optional<SourceDefinition> get(String id);

    /**
     * Validates and saves a new source.
     *
     * @throws IllegalArgumentException with a clear message when a value is bad or the name is taken
     */
    SourceDefinition create(SourceDefinition source);
}
