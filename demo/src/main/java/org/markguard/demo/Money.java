package org.markguard.demo;

/** Vietnamese đồng as shops show it: dots between thousands, no decimals. */
final class Money {
    private Money() {
    }

    /** "350.000" for 350000. */
    static String grouped(long amount) {
        String digits = Long.toString(Math.abs(amount));
        StringBuilder out = new StringBuilder();
        int lead = digits.length() % 3;
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (i - lead) % 3 == 0) {
                out.append('.');
            }
            out.append(digits.charAt(i));
        }
        return (amount < 0 ? "-" : "") + out;
    }

    /** Shopee style: "₫350.000". */
    static String shopee(long amount) {
        return "₫" + grouped(amount);
    }

    /** Lazada / TikTok style: "350.000 ₫". */
    static String trailing(long amount) {
        return grouped(amount) + " ₫";
    }

    /** Rounds to a multiple of {@code step}, never below one step. */
    static long round(double amount, long step) {
        return Math.max(step, Math.round(amount / step) * step);
    }
}
