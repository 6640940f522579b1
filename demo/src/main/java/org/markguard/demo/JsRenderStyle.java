package org.markguard.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * A listing only a browser sees: {@code /lab/js/product/<id>}. The HTML holds no product data
 * (no JSON-LD, no meta, no JSON object, only a base64 string inside a script); after load the
 * inline script decodes it and inserts title, price, seller and a JSON-LD Product into the DOM.
 * For the render=true crawl test; labelled with platform {@code jsrender}.
 */
final class JsRenderStyle implements PlatformStyle {
    static final String KEY = "jsrender";
    private static final Pattern LISTING = Pattern.compile("^/lab/js/product/(\\d{1,15})$");
    /** ES5 on purpose, so that simple headless renderers run it too. */
    private static final String SCRIPT = """
            (function () {
              var data = '%s';
              function render() {
                var p = JSON.parse(decodeURIComponent(escape(window.atob(data))));
                var app = document.getElementById('app');
                app.innerHTML = '';
                function add(tag, cls, text) {
                  var e = document.createElement(tag);
                  e.className = cls;
                  e.textContent = text;
                  app.appendChild(e);
                  return e;
                }
                add('h1', 'product-title', p.name);
                add('div', 'product-price', p.priceText);
                var seller = add('div', 'product-seller', '');
                var a = document.createElement('a');
                a.href = p.sellerUrl;
                a.className = 'seller-name';
                a.textContent = p.seller.name;
                seller.appendChild(a);
                var loc = document.createElement('span');
                loc.className = 'seller-location';
                loc.textContent = ' ' + p.seller.location;
                seller.appendChild(loc);
                add('div', 'product-description', p.description);
                var ld = document.createElement('script');
                ld.type = 'application/ld+json';
                ld.text = JSON.stringify(p.ld);
                document.head.appendChild(ld);
                document.title = p.name + ' | JS Shop (demo)';
              }
              if (document.readyState === 'complete') {
                setTimeout(render, 30);
              } else {
                window.addEventListener('load', function () { setTimeout(render, 30); });
              }
            })();
            """;

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String displayName() {
        return "JS Shop (demo, cần JavaScript)";
    }

    @Override
    public int share() {
        return 3;
    }

    @Override
    public boolean onRoot() {
        return false;
    }

    @Override
    public String homePath() {
        return "/lab/js/";
    }

    @Override
    public String listingPath(DemoListing l) {
        return "/lab/js/product/" + l.itemId();
    }

    @Override
    public OptionalLong itemIdIn(String path) {
        return PlatformStyle.itemIdMatching(LISTING, path);
    }

    @Override
    public String render(DemoListing l, SiteLinks links) {
        String url = links.absolute(listingPath(l));
        StringBuilder page = Html.open("JS Shop (demo)", url, null);
        page.append(SiteLinks.breadcrumb(this, l.productCategory()))
                .append("<div id=\"app\"><p class=\"loading\">Đang tải sản phẩm…</p></div>\n")
                .append("<noscript>Trang này cần JavaScript.</noscript>\n<script>")
                .append(String.format(SCRIPT, encodedData(l, links, url))).append("</script>\n");
        return Html.close(page);
    }

    /** The product as the script receives it: base64 of UTF-8 JSON, which no HTML extractor reads as a product. */
    static String encodedData(DemoListing l, SiteLinks links, String url) {
        ObjectNode data = SafeJson.MAPPER.createObjectNode();
        data.put("name", l.title());
        data.put("description", l.description());
        data.put("priceText", Money.trailing(l.price()));
        ObjectNode seller = data.putObject("seller");
        seller.put("id", l.seller().id());
        seller.put("name", l.seller().name());
        seller.put("location", l.seller().location());
        data.put("sellerUrl", SiteLinks.shop(new JsRenderStyle(), l.seller().id()));
        data.set("ld", LazadaStyle.jsonLd(l, links, url));
        return Base64.getEncoder().encodeToString(SafeJson.write(data).getBytes(StandardCharsets.UTF_8));
    }
}
