package org.markguard.demo;

/**
 * HTML text and attribute escaping. Every value that came from the generator (titles,
 * descriptions, seller names, including the hostile ones) goes through {@link #escape} so that
 * injected markup is shown as text and never parsed as elements.
 */
final class Html {
    private Html() {
    }

    /** Escapes a value for element text or a double- or single-quoted attribute. */
    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The start of a page up to and including the opening body tag; {@code head} is raw markup. */
    static StringBuilder open(String title, String canonicalUrl, String head) {
        StringBuilder page = new StringBuilder(4096);
        page.append("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(title)).append("</title>\n");
        if (canonicalUrl != null) {
            page.append("<link rel=\"canonical\" href=\"").append(escape(canonicalUrl)).append("\">\n");
        }
        if (head != null) {
            page.append(head);
        }
        return page.append("</head>\n<body>\n");
    }

    static String close(StringBuilder page) {
        return page.append("</body>\n</html>\n").toString();
    }

    /** An anchor with escaped href and text. */
    static String link(String href, String text) {
        return "<a href=\"" + escape(href) + "\">" + escape(text) + "</a>";
    }

    /** A {@code <meta property=… content=…>} line (OpenGraph style). */
    static String metaProperty(String property, String content) {
        return "<meta property=\"" + escape(property) + "\" content=\"" + escape(content) + "\">\n";
    }
}
