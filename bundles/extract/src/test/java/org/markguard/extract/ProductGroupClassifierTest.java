package org.markguard.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProductGroupClassifierTest {
    static ProductGroupClassifier defaults() throws Exception {
        return ProductGroupClassifier.load(null);
    }

    private static Optional<String> group(String title) throws Exception {
        return defaults().classify(title, null);
    }

    @Test
    void longerPhrasesWinOverTheWordsInside() throws Exception {
        assertEquals(Optional.of("cosmetics"), group("Sữa rửa mặt Hada Labo 100ml"));
        assertEquals(Optional.of("food-specialties"), group("Sữa tươi tiệt trùng Vinamilk 1L"));
        assertEquals(Optional.of("agri-inputs"), group("Thuốc bảo vệ thực vật Regent 800WG"));
        assertEquals(Optional.of("pharma-supplements"), group("Thuốc bổ gan Boganic hộp 5 vỉ"));
        assertEquals(Optional.of("electronics"), group("Đồng hồ thông minh Xiaomi Band 8"));
        assertEquals(Optional.of("watches-jewellery"), group("Đồng hồ nam dây da Casio"));
    }

    @Test
    void diacriticsAndCaseDoNotMatterButWholeWordsDo() throws Exception {
        assertEquals(Optional.of("food-specialties"), group("NUOC MAM PHU QUOC 40 DO DAM"));
        assertEquals(Optional.of("fashion-footwear"), group("giày thể thao nam"));
        assertEquals(Optional.empty(), group("Somebody's thing #123"), "'son' inside 'somebody' is not lipstick");
        assertEquals(Optional.empty(), group(null));
    }

    @Test
    void theDescriptionDecidesOnlyWhenTheTitleSaysNothing() throws Exception {
        ProductGroupClassifier c = defaults();
        assertEquals(Optional.of("cosmetics"), c.classify("Hàng mới về Hada Labo", "Kem dưỡng ẩm cho da khô"));
        assertEquals(Optional.of("electronics"), c.classify("Tai nghe bluetooth", "Tặng kèm túi đựng và cáp sạc, bánh kẹo"));
    }

    @Test
    void aBadTaxonomyIsRefusedNamingWhere() {
        ObjectMapper json = new ObjectMapper();
        var e = assertThrows(IllegalArgumentException.class, () -> ProductGroupClassifier.parse(json.readTree(
                "{\"productGroups\":[{\"id\":\"a\",\"names\":{\"vi\":\"A\",\"en\":\"A\"},\"terms\":[\"x\"]},"
                        + "{\"id\":\"a\",\"names\":{\"vi\":\"B\",\"en\":\"B\"},\"terms\":[\"y\"]}]}"), "f.json"));
        assertTrue(e.getMessage().contains("f.json: productGroups[1].id"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ProductGroupClassifier.parse(json.readTree(
                "{\"productGroups\":[{\"id\":\"a\",\"names\":{\"vi\":\"A\"},\"terms\":[\"x\"]}]}"), "f.json"));
        assertThrows(IllegalArgumentException.class, () -> ProductGroupClassifier.parse(json.readTree("{}"), "f.json"));
    }

    @Test
    void theBundledTaxonomyHasNamesInBothLanguages() throws Exception {
        var groups = defaults().groups();
        assertTrue(groups.size() >= 10);
        groups.forEach(g -> assertTrue(!g.name("vi").isBlank() && !g.name("en").isBlank(), g.id()));
        assertEquals(12, groups.stream().map(g -> g.id()).distinct().count());
    }

    static final Path DATA = Path.of("../../../shared/data/02_vietnam_ecommerce");
}
