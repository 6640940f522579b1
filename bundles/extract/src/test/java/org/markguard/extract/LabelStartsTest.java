package org.markguard.extract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The page walk's cheap label test lets through every label the SKU and brand patterns accept. */
class LabelStartsTest {
    @ParameterizedTest
    @ValueSource(strings = {"SKU:", "Item number", "Item #", "Product code:", "Product ID", "Article No.", "Art.-Nr.",
        "Artikelnummer", "Artikelnr.", "Bestellnummer", "Bestell-Nr.", "Best.-Nr.", "Item", "Ref.", "Reference",
        "Referência", "Nr. ref.", "Numer referencyjny", "Cod produs:", "Codice prodotto", "Código do produto",
        "Šifra", "Tootekood:", "Kood", "Код товара", "Артикул", "Mã sản phẩm", "Ma san pham", "Ürün kodu",
        "Varenummer", "Produktnummer", "Tuotenumero:", "Numéro d'article", "N° article", "Model #",
        "Brand:", "Marke", "Marca", "Marque", "Merk", "Marka", "Thương hiệu", "Thuong hieu", "Бренд",
        "Производитель", "Hersteller", "Fabricante", "Manufacturer", "  \n  sku: 12"})
    void everyLabelOfThePatternsPasses(String label) {
        assertTrue(LabelStarts.mayStartALabel(label), label);
    }

    @Test
    void mostTextDoesNot() {
        assertFalse(LabelStarts.mayStartALabel("Free delivery on orders over €50"));
        assertFalse(LabelStarts.mayStartALabel("   "));
        assertFalse(LabelStarts.mayStartALabel("49,90 €"));
    }
}
