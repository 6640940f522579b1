package org.markguard.extract;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.internal.StringUtil;

/** URL helpers: absolute image URLs, canonical URL choice, seller ids from shop links. */
final class Urls {
    // a shop link such as /shop/12345 or /shopee/shop/12345/ : the id is the last path segment
    private static final Pattern SHOP_PATH = Pattern.compile("(?:^|/)(?:shop|seller)/([^/?#;]+)/?$",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern SCHEME_AND_HOST = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://[^/?#@]+(?=[/?#]|$)");

    private Urls() {
    }

    /**
     * Resolves a URL found in the page against the page's base; only http(s) results are kept
     * (data: URIs and javascript: links are not images anyone can fetch later).
     *
     * @return the absolute URL, or null
     */
    static String absolute(String base, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String stripped = raw.strip();
        if (isPlainAbsolute(stripped)) {
            return stripped; // what resolving gives anyway, without its URL parsing (µs per image)
        }
        String resolved = StringUtil.resolve(base == null ? "" : base, stripped);
        if (resolved == null || resolved.isEmpty()) {
            return null;
        }
        String lower = resolved.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") ? resolved : null;
    }

    /** An http(s) URL that resolving leaves as it is: no whitespace, controls, backslash or user info. */
    private static boolean isPlainAbsolute(String url) {
        int host = url.startsWith("https://") ? 8 : url.startsWith("http://") ? 7 : -1;
        if (host < 0 || host >= url.length() || "/?#".indexOf(url.charAt(host)) >= 0) {
            return false; // no host: left to the resolver, which rejects it
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= ' ' || c == '\\' || c == '@' || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    /**
     * The URL without its fragment and with scheme and host in lower case: the listing id is a
     * hash of this string, so spellings of the same address must agree.
     */
    static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        String noFragment = hash < 0 ? url : url.substring(0, hash);
        Matcher authority = SCHEME_AND_HOST.matcher(noFragment);
        return authority.find()
                ? authority.group().toLowerCase(Locale.ROOT) + noFragment.substring(authority.end())
                : noFragment;
    }

    /** Whether two URLs name the same host (case-insensitively); false if either is unparsable. */
    static boolean sameHost(String a, String b) {
        String hostA = host(a);
        return hostA != null && hostA.equalsIgnoreCase(host(b));
    }

    private static String host(String url) {
        try {
            return url == null ? null : URI.create(url.strip()).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The canonical URL of a page: a declared canonical on the same host as the page (a canonical
     * pointing elsewhere is not trusted: it could make one listing overwrite another site's),
     * else the page URL; the fragment is dropped either way.
     */
    static String canonical(String pageUrl, String... declared) {
        for (String candidate : declared) {
            if (candidate != null && !candidate.isBlank() && sameHost(candidate, pageUrl)) {
                return withoutFragment(candidate.strip());
            }
        }
        return withoutFragment(pageUrl.strip());
    }

    /**
     * The seller id in a shop link (/shop/&lt;id&gt; or /seller/&lt;id&gt;, anywhere in the path).
     *
     * @return the id, or null if the link is not a shop link
     */
    static String sellerIdFromLink(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String path;
        try {
            path = URI.create(url.strip()).getRawPath();
        } catch (IllegalArgumentException e) {
            path = url.strip().replaceFirst("[?#].*$", "");
        }
        if (path == null) {
            return null;
        }
        Matcher m = SHOP_PATH.matcher(path);
        if (!m.find()) {
            return null;
        }
        try {
            return URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return m.group(1); // a stray % in the id: keep it as written
        }
    }
}
