package org.markguard.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PriceParserTest {

    @ParameterizedTest(name = "[{index}] \"{0}\" (declared {1}) = {2} {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        // text                 | declared | amount     | currency
        "350000                 | -        | 350000     | -",
        "350.000                | -        | 350000     | -",
        "₫350.000               | -        | 350000     | VND",
        "350.000đ               | -        | 350000     | VND",
        "350.000 ₫              | -        | 350000     | VND",
        "1.250.000đ             | -        | 1250000    | VND",
        "VND 1,250,000          | -        | 1250000    | VND",
        "350.000 VNĐ            | -        | 350000     | VND",
        "350.000 đồng           | -        | 350000     | VND",
        "350k                   | -        | 350000     | -",
        "350K                   | -        | 350000     | -",
        "199k ₫                 | -        | 199000     | VND",
        "1,5k                   | -        | 1500       | -",
        "350 nghìn              | -        | 350000     | -",
        "1tr2                   | -        | 1200000    | -",
        "1tr                    | -        | 1000000    | -",
        "1tr250                 | -        | 1250000    | -",
        "1.5tr                  | -        | 1500000    | -",
        "2 triệu                | -        | 2000000    | -",
        "12.99                  | USD      | 12.99      | USD",
        "12.99                  | EUR      | 12.99      | EUR",
        "12,99                  | EUR      | 12.99      | EUR",
        "$12.99                 | -        | 12.99      | USD",
        "US$ 19.90              | -        | 19.9       | USD",
        "€12,50                 | -        | 12.5       | EUR",
        "£5.29                  | -        | 5.29       | GBP",
        "119.99                 | -        | 119.99     | -",
        "₫150.000 - ₫220.000    | -        | 150000     | VND",
        "150k - 220k            | -        | 150000     | -",
        "220.000 – 150.000      | VND      | 150000     | VND",
        "1,250,000.50           | USD      | 1250000.5  | USD",
        "1.250.000,50           | EUR      | 1250000.5  | EUR",
        "1,250                  | USD      | 1250       | USD",
        "0.500                  | USD      | 0.5        | USD",
        "350000.00              | VND      | 350000     | VND",
        "12.5                   | vnd      | 12.5       | VND",
        "350.000đ               | VNĐ      | 350000     | VND",
        "1000 JPY               | -        | 1000       | JPY",
        "Giá: 250.000₫          | -        | 250000     | VND",
    })
    void parsesPrices(String text, String declared, String amount, String currency) {
        Optional<PriceParser.Price> price = PriceParser.parse(text, declared);
        assertTrue(price.isPresent(), () -> "no price in " + text);
        assertEquals(0, new BigDecimal(amount).compareTo(price.get().amount()),
                () -> text + " gave " + price.get().amount());
        assertEquals(currency, price.get().currency());
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" has no price")
    @ValueSource(strings = {"inbox giá", "Inbox Giá", "liên hệ", "Liên hệ: 0901 234 567", "lien he", "thỏa thuận",
        "Call for price", "", "   ", "abc", "0", "0đ", "₫0", "đ", "-", "12345678901234567890123456789012345"})
    void refusesNonPrices(String text) {
        assertEquals(Optional.empty(), PriceParser.parse(text, null));
    }

    @Test
    void nullIsNoPrice() {
        assertEquals(Optional.empty(), PriceParser.parse(null));
        assertEquals(Optional.empty(), PriceParser.of(null, "VND"));
        assertEquals(Optional.empty(), PriceParser.of(BigDecimal.ZERO, "VND"));
    }

    @Test
    void decomposedTextIsNormalisedFirst() {
        String nfd = Normalizer.normalize("350.000 đồng", Normalizer.Form.NFD);
        assertEquals("VND", PriceParser.parse(nfd).orElseThrow().currency());
        String contact = Normalizer.normalize("Liên hệ", Normalizer.Form.NFD);
        assertEquals(Optional.empty(), PriceParser.parse(contact));
    }

    @Test
    void numbersAreTakenAsTheyAre() {
        // a JSON number 1.250 is one and a quarter, not a thousand two hundred and fifty
        assertEquals(new BigDecimal("1.25"), PriceParser.of(new BigDecimal("1.250"), "usd").orElseThrow().amount());
        assertEquals("USD", PriceParser.of(new BigDecimal("1.250"), "usd").orElseThrow().currency());
        assertEquals(new BigDecimal("350000"), PriceParser.of(new BigDecimal("3.5E+5"), null).orElseThrow().amount());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "VND | VND", "vnd | VND", "VNĐ | VND", "₫ | VND", "đ | VND", "$ | USD", "€ | EUR", "£ | GBP", "usd | USD",
        "- | -", "'' | -", "dollars of Zimbabwe | -"})
    void normalisesDeclaredCurrencies(String declared, String code) {
        assertEquals(code, PriceParser.currencyCode(declared));
    }
}
