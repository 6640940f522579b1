package org.markguard.rest;

import org.markguard.api.AuditTrail;
import org.markguard.api.BackfillService;
import org.markguard.api.CaptureStore;
import org.markguard.api.CrawlService;
import org.markguard.api.DetectionService;
import org.markguard.api.ListingStore;
import org.markguard.api.EvidenceService;
import org.markguard.api.ProductTaxonomy;
import org.markguard.api.Reports;
import org.markguard.api.RegistryService;
import org.markguard.api.ReviewService;
import org.markguard.api.SellerDirectory;
import org.markguard.api.SourceService;

/** The markguard services the API fronts, handed to the route classes together. */
record Services(ListingStore store, DetectionService detection, RegistryService registries, SourceService sources,
                CrawlService crawls, BackfillService backfill, ReviewService reviews, SellerDirectory sellers,
                CaptureStore captures, AuditTrail audit, ProductTaxonomy taxonomy, Reports reports, EvidenceService evidence) {
}
