package org.markguard.demo;

import java.util.List;
import java.util.SplittableRandom;
import org.markguard.api.Indication;
import org.markguard.demo.BrandProductLines.ProductLine;

/**
 * Group posts that sell nothing: questions, warnings, reviews, news and admin notices. They name a
 * brand or an indication, some even use counterfeit slang ("hàng rep", "fake"), yet a detector must
 * not flag them and the extractor must find no offer in them (category NOT_OFFER).
 */
final class NonOfferPosts {
    /** Title, text and the group it is posted in. */
    record Post(ProductCategory category, String title, String text) {
    }

    private static final List<String[]> ABOUT_BRAND = List.of(
            new String[] {"Cả nhà cho hỏi mua {term} {brand} chính hãng ở đâu uy tín ạ?",
                    "Em định mua {term} {brand} {model} mà sợ mua phải hàng fake, mọi người có kinh nghiệm chỉ em với. Em cảm ơn!"},
            new String[] {"Cảnh báo: nhiều shop bán {term} {brand} giả giá rẻ",
                    "Mình vừa mua phải {term} {brand} {model} hàng rep, mọi người cẩn thận nhé. Bài viết chỉ để cảnh báo, mình không bán hàng."},
            new String[] {"Tin tức: thu giữ hàng nghìn {term} giả mạo nhãn hiệu {brand}",
                    "Theo báo chí, lực lượng quản lý thị trường vừa tạm giữ một lô {term} giả mạo nhãn hiệu {brand} tại một kho hàng. Chia sẻ để mọi người cùng biết."},
            new String[] {"Review {term} {brand} {model} sau 3 tháng sử dụng",
                    "Mình mua ở cửa hàng chính hãng, dùng 3 tháng thấy ổn, đáng tiền. Không bán lại, chỉ review thôi nha."});
    private static final List<String[]> ABOUT_INDICATION = List.of(
            new String[] {"Review {giterm} {gi} mua ở siêu thị",
                    "Chia sẻ trải nghiệm: {giterm} {gi} thơm ngon, nên mua ở cửa hàng có tem truy xuất nguồn gốc. Mình không bán."},
            new String[] {"Cách phân biệt {giterm} {gi} thật và giả",
                    "Nhiều sản phẩm ghi {gi} nhưng không rõ nguồn gốc. Mọi người nên xem tem chỉ dẫn địa lý trước khi mua."},
            new String[] {"Ai biết chỗ mua {giterm} {gi} chuẩn không ạ?",
                    "Nhà em muốn mua {giterm} {gi} làm quà biếu Tết, nhờ mọi người giới thiệu chỗ uy tín."});
    private static final String[] ADMIN_NOTICE = {"Thông báo của admin: nhóm cấm bán hàng giả, hàng nhái",
            "Admin nhắc lại: bài đăng bán hàng rep, hàng fake, super fake sẽ bị xóa và chặn thành viên. Cảm ơn cả nhà."};

    private NonOfferPosts() {
    }

    static Post write(SplittableRandom rnd, String brand, ProductLine line, Indication ind) {
        int roll = rnd.nextInt(ABOUT_BRAND.size() + ABOUT_INDICATION.size() + 1);
        if (roll < ABOUT_BRAND.size()) {
            String[] t = ABOUT_BRAND.get(roll);
            return new Post(BrandProductLines.categoryOf(line.term()), fill(t[0], brand, line, ind), fill(t[1], brand, line, ind));
        }
        roll -= ABOUT_BRAND.size();
        if (roll < ABOUT_INDICATION.size()) {
            String[] t = ABOUT_INDICATION.get(roll);
            return new Post(ProductCategory.FOOD, fill(t[0], brand, line, ind), fill(t[1], brand, line, ind));
        }
        return new Post(ProductCategory.HOME, ADMIN_NOTICE[0], ADMIN_NOTICE[1]);
    }

    private static String fill(String template, String brand, ProductLine line, Indication ind) {
        return template.replace("{term}", line.term()).replace("{brand}", brand).replace("{model}", line.model())
                .replace("{giterm}", ind.productTerms().get(0)).replace("{gi}", ind.names().get(0))
                .replaceAll(" +", " ").replace(" ?", "?").strip();
    }
}
