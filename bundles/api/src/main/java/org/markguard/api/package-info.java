/**
 * The markguard API: the listing model, the {@link org.markguard.api.Detector} SPI, the registries
 * detectors read, and the service interfaces that connect the pipeline stages
 * (crawl, extract, detect, index, review). This is the only package any bundle exports.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.markguard.api;
