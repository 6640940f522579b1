package org.markguard.extract;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.pdf.PDFParser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.SecureContentHandler;
import org.xml.sax.SAXException;

/**
 * Text of documents that are not HTML, read by Apache Tika (embedded in this bundle) within
 * limits, so that a hostile or broken file costs a bounded amount and never blocks a crawl thread:
 * at most {@link #MAX_BYTES} in, at most {@link #WRITE_LIMIT} characters out (the text up to the
 * limit is kept), PDFBox's buffers capped at {@link #MAX_MEMORY}, Tika's {@link SecureContentHandler}
 * against decompression bombs (output far larger than the input) and absurd nesting, and a
 * deadline of {@link #DEADLINE_SECONDS} s, after which the caller gets nothing.
 */
final class TikaDocuments {
    static final int MAX_BYTES = 32 * 1024 * 1024;
    /** Characters of text: about 500 pages of a dense price list. */
    static final int WRITE_LIMIT = 1_000_000;
    static final long MAX_MEMORY = 64L * 1024 * 1024;
    static final long DEADLINE_SECONDS = 20;
    /** Output characters per input byte before the text counts as a decompression bomb (Tika's default). */
    static final long MAX_COMPRESSION_RATIO = 100;
    /** Characters out before the ratio is checked: below it, any ratio is fine. */
    static final long BOMB_CHECK_AFTER = 100_000;
    static final int MAX_XML_DEPTH = 100;

    /** Thrown when a document breaks a limit or cannot be read: the caller reports it, nothing else. */
    static final class Unreadable extends Exception {
        Unreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    // daemon threads: a parse that outlives its deadline (PDFBox does not check interrupts) must not
    // keep the container from stopping; it ends by itself within the memory and write limits
    private static final ExecutorService PARSER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "markguard-tika");
        t.setDaemon(true);
        return t;
    });

    private TikaDocuments() {
    }

    /** The text of a PDF, lines as laid out on the page (table rows come out as lines). */
    static String pdfText(byte[] pdf) throws Unreadable {
        return pdfText(pdf, WRITE_LIMIT);
    }

    /** @param writeLimit characters kept; the rest of the text is dropped */
    static String pdfText(byte[] pdf, int writeLimit) throws Unreadable {
        PDFParserConfig config = new PDFParserConfig();
        config.setSortByPosition(true);
        config.setExtractInlineImages(false);
        config.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        config.setMaxMainMemoryBytes(MAX_MEMORY);
        ParseContext context = new ParseContext();
        context.set(PDFParserConfig.class, config);
        return text(new PDFParser(), context, pdf, writeLimit);
    }

    /** How many media types the PDF parser takes: loads its classes, for a check at start. */
    static int pdfTypes() {
        return new PDFParser().getSupportedTypes(new ParseContext()).size();
    }

    private static String text(Parser parser, ParseContext context, byte[] document, int writeLimit)
            throws Unreadable {
        if (document.length > MAX_BYTES) {
            throw new Unreadable("larger than " + MAX_BYTES + " bytes", null);
        }
        Future<String> text = PARSER.submit(() -> parse(parser, context, document, writeLimit));
        try {
            return text.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            text.cancel(true);
            throw new Unreadable("not read within " + DEADLINE_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreadable("interrupted", e);
        } catch (ExecutionException e) {
            throw new Unreadable(String.valueOf(e.getCause()), e.getCause());
        }
    }

    private static String parse(Parser parser, ParseContext context, byte[] document, int writeLimit)
            throws IOException, SAXException, TikaException {
        BodyContentHandler body = new BodyContentHandler(writeLimit);
        try (TikaInputStream in = TikaInputStream.get(document)) {
            SecureContentHandler secure = new SecureContentHandler(body, in);
            secure.setOutputThreshold(BOMB_CHECK_AFTER);
            secure.setMaximumCompressionRatio(MAX_COMPRESSION_RATIO);
            secure.setMaximumDepth(MAX_XML_DEPTH);
            try {
                parser.parse(in, secure, new Metadata(), context);
            } catch (SAXException | TikaException e) {
                if (WriteLimitReachedException.isWriteLimitReached(e)) {
                    return body.toString(); // a long list: its first part is still worth reading
                }
                // parsers wrap what the handler threw: a bomb is told by the SAXException inside
                for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                    if (cause instanceof SAXException sax) {
                        secure.throwIfCauseOf(sax);
                    }
                }
                throw e;
            }
        }
        return body.toString();
    }
}
