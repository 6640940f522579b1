/**
 * Writes PDF documents for reports: a {@link org.markguard.pdf.PdfDocument} is a list of
 * {@link org.markguard.pdf.Block}s (headings, paragraphs, label/value tables, data tables, images,
 * bar charts, page breaks) that {@link org.markguard.pdf.PdfWriter} lays out on A4 pages with
 * subset-embedded Unicode TrueType fonts. Only plain Java types appear here: the PDF library is
 * embedded in this bundle and never part of the API.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.markguard.pdf;
