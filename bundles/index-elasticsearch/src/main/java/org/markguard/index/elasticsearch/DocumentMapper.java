package org.markguard.index.elasticsearch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one Jackson configuration used for documents, cursors and the client's JSON mapper. */
final class DocumentMapper {

    private DocumentMapper() {
    }

    static ObjectMapper create() {
        return JsonMapper.builder()
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .disable(SerializationFeature.INDENT_OUTPUT)
                // the client's own response classes are not Jackson-bound; only our documents are,
                // and those must survive fields added by a later version
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // prices are BigDecimal: keep "99000.50" exactly, also when a value passes through a
                // tree or buffer on its way (trailing zeros are part of the value for BigDecimal.equals)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .build();
    }
}
