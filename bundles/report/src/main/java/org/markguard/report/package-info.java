/**
 * Reports and tables as files: {@link org.markguard.report.Tables} (CSV and XLSX of any table),
 * {@link org.markguard.report.ReportFiles} (the daily, period and hot-spot reports of
 * {@link org.markguard.api.Reports} as CSV, XLSX or PDF, in Vietnamese or English).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.markguard.report;
