/**
 * JMH benchmarks and measurement harnesses; each area in its own sub-package (extract, detect,
 * crawl, search). Every benchmark measures a baseline in the same run, so results are ratios.
 */
package org.markguard.benchmarks;
