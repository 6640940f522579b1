package org.markguard.index.elasticsearch;

import java.net.URI;
import java.util.Locale;

/**
 * Where and how to reach Elasticsearch. Empty strings mean "not set". {@link #toString()} never
 * shows the password or the API key, so a settings object may be logged.
 *
 * @param url base URL, e.g. {@code http://127.0.0.1:9200}
 * @param username basic-auth user, empty for none
 * @param password basic-auth password
 * @param apiKey encoded API key, empty for none; used instead of user/password when set
 * @param indexPrefix prefix of the index names, lower case (ES index names must be)
 */
public record ConnectionSettings(String url, String username, String password, String apiKey,
                                 String indexPrefix) {
    public static final String DEFAULT_URL = "http://127.0.0.1:9200";
    public static final String DEFAULT_INDEX_PREFIX = "markguard";

    public ConnectionSettings {
        url = blankToDefault(url, DEFAULT_URL);
        username = trimToEmpty(username);
        password = password == null ? "" : password;
        apiKey = trimToEmpty(apiKey);
        indexPrefix = blankToDefault(indexPrefix, DEFAULT_INDEX_PREFIX);
        if (!indexPrefix.equals(indexPrefix.toLowerCase(Locale.ROOT)) || !indexPrefix.matches("[a-z0-9][a-z0-9._-]*")) {
            throw new IllegalArgumentException("indexPrefix must be a lower-case Elasticsearch index name: " + indexPrefix);
        }
        URI uri = URI.create(url);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("url must be http(s)://host[:port]: " + url);
        }
    }

    /** Defaults everywhere: a local, unsecured Elasticsearch on port 9200. */
    public static ConnectionSettings local(String url) {
        return new ConnectionSettings(url, "", "", "", DEFAULT_INDEX_PREFIX);
    }

    static ConnectionSettings from(ElasticsearchStoreConfig config) {
        return new ConnectionSettings(config.url(), config.username(),
                firstSet(config._password(), config.password()), firstSet(config._apiKey(), config.apiKey()),
                config.indexPrefix());
    }

    public ConnectionSettings withIndexPrefix(String prefix) {
        return new ConnectionSettings(url, username, password, apiKey, prefix);
    }

    /** How requests authenticate, for logs: never the secret itself. */
    String authDescription() {
        if (!apiKey.isEmpty()) {
            return "api key";
        }
        return username.isEmpty() ? "none" : "basic (user " + username + ")";
    }

    @Override
    public String toString() {
        return "ConnectionSettings[url=" + url + ", auth=" + authDescription() + ", indexPrefix=" + indexPrefix + "]";
    }

    private static String firstSet(String preferred, String fallback) {
        return preferred != null && !preferred.isEmpty() ? preferred : fallback;
    }

    private static String trimToEmpty(String s) {
        return s == null ? "" : s.strip();
    }

    private static String blankToDefault(String s, String fallback) {
        return s == null || s.isBlank() ? fallback : s.strip();
    }
}
