package org.markguard.api;

/**
 * Holds the registries detectors read and replaces them atomically. Implemented by the
 * detect-runtime bundle.
 */
public interface RegistryService {

    /** The registries in force now. */
    Registries current();

    /**
     * Validates and installs a new {@code brands.json}; on any error the old registry stays.
     *
     * @return the number of brands installed
     */
    int replaceBrands(byte[] json) throws RegistryException;

    /**
     * Validates and installs a new {@code gis.json}; on any error the old registry stays.
     *
     * @return the number of indications installed
     */
    int replaceIndications(byte[] json) throws RegistryException;
}
