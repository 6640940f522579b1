package org.markguard.api;

import java.util.List;

/**
 * The registries detectors read: {@code brands.json} and {@code gis.json}. Immutable; a change
 * produces a new instance.
 */
public record Registries(List<Brand> brands, List<Indication> indications) {
    public static final Registries EMPTY = new Registries(List.of(), List.of());

    public Registries {
        brands = List.copyOf(brands == null ? List.of() : brands);
        indications = List.copyOf(indications == null ? List.of() : indications);
    }
}
