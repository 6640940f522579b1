package org.markguard.index.elasticsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.hc.core5.http.Header;
import org.junit.jupiter.api.Test;

class ConnectionSettingsTest {

    @Test
    void emptyValuesFallBackToDefaults() {
        ConnectionSettings s = new ConnectionSettings(" ", null, null, null, "");
        assertEquals("http://127.0.0.1:9200", s.url());
        assertEquals("markguard", s.indexPrefix());
        assertEquals(0, ElasticsearchClients.authHeaders(s).length);
    }

    @Test
    void toStringNeverShowsSecrets() {
        String text = new ConnectionSettings("https://es:9243", "alice", "s3cret", "", "mg").toString();
        assertFalse(text.contains("s3cret"), text);
        String withKey = new ConnectionSettings("https://es:9243", "", "", "KEY123", "mg").toString();
        assertFalse(withKey.contains("KEY123"), withKey);
    }

    @Test
    void apiKeyWinsOverBasicAuth() {
        Header[] headers = ElasticsearchClients.authHeaders(new ConnectionSettings("http://h:1", "u", "p", "K", "m"));
        assertEquals("ApiKey K", headers[0].getValue());
        Header[] basic = ElasticsearchClients.authHeaders(new ConnectionSettings("http://h:1", "u", "p", "", "m"));
        assertEquals("Basic " + Base64.getEncoder().encodeToString("u:p".getBytes(StandardCharsets.UTF_8)),
                basic[0].getValue());
    }

    @Test
    void badValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ConnectionSettings.local("ftp://x"));
        assertThrows(IllegalArgumentException.class, () -> ConnectionSettings.local("not a url"));
        assertThrows(IllegalArgumentException.class, () -> new ConnectionSettings(null, null, null, null, "Upper"));
    }
}
