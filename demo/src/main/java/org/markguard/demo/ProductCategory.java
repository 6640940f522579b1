package org.markguard.demo;

/** The shop categories every platform is browsed by; the slug is used in category URLs. */
enum ProductCategory {
    FASHION("thoi-trang", "Thời trang"),
    BAGS("tui-vi", "Túi & Ví"),
    SHOES("giay-dep", "Giày dép"),
    ELECTRONICS("dien-tu", "Điện thoại & Phụ kiện"),
    BEAUTY("lam-dep", "Làm đẹp"),
    WATCHES("dong-ho", "Đồng hồ"),
    FOOD("dac-san", "Đặc sản & Thực phẩm"),
    TRAVEL("du-lich", "Du lịch & Dịch vụ"),
    HOME("nha-cua", "Nhà cửa & Đời sống");

    private final String slug;
    private final String title;

    ProductCategory(String slug, String title) {
        this.slug = slug;
        this.title = title;
    }

    String slug() {
        return slug;
    }

    String title() {
        return title;
    }

    static ProductCategory bySlug(String slug) {
        for (ProductCategory c : values()) {
            if (c.slug.equals(slug)) {
                return c;
            }
        }
        return null;
    }
}
