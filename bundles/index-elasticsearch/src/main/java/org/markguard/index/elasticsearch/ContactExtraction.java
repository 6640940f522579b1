package org.markguard.index.elasticsearch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.markguard.api.FoldedText;

/**
 * The traces in a listing's text that tie seller accounts to one operator: Vietnamese mobile
 * numbers (also as Zalo contacts), bank account numbers, and the description itself when it is
 * long enough to be copied rather than coincidental. Normalised, so "+84 912.345.678" and
 * "0912345678" are the same number.
 */
final class ContactExtraction {
    /** Vietnamese mobile numbers: 0 or +84/84, then 3/5/7/8/9 and eight more digits, separators allowed. */
    private static final Pattern MOBILE = Pattern.compile(
            "(?<![\\d])(?:\\+?84|0)[\\s.\\-]?([35789])((?:[\\s.\\-]?\\d){8})(?![\\d])");
    /** A bank account named as one: "STK", "số TK", "số tài khoản", "tài khoản", "account no". */
    private static final Pattern BANK = Pattern.compile(
            "(?:\\bstk|\\bso tk|\\bso tai khoan|\\btai khoan|\\baccount(?: no\\.?| number)?)\\s*[:.#-]?\\s*((?:\\d[\\s.\\-]?){6,19}\\d)");
    /** Shorter descriptions are too often the same by chance ("Hàng mới 100%"). */
    static final int MIN_DESCRIPTION_CHARS = 60;

    private ContactExtraction() {
    }

    static List<String> phones(String... texts) {
        Set<String> out = new TreeSet<>();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            Matcher m = MOBILE.matcher(text);
            while (m.find()) {
                out.add("0" + m.group(1) + m.group(2).replaceAll("\\D", ""));
            }
        }
        return List.copyOf(out);
    }

    static List<String> bankAccounts(String... texts) {
        Set<String> out = new TreeSet<>();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            Matcher m = BANK.matcher(FoldedText.fold(text));
            while (m.find()) {
                String digits = m.group(1).replaceAll("\\D", "");
                // a mobile number written after "tài khoản Momo" is a phone, not an account
                if (!phones(digits).contains(digits)) {
                    out.add(digits);
                }
            }
        }
        return List.copyOf(out);
    }

    /** Hex SHA-256 of the folded description with spaces collapsed; null when it is short. */
    static String descriptionHash(String description) {
        if (description == null) {
            return null;
        }
        String normal = FoldedText.fold(description).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        if (normal.length() < MIN_DESCRIPTION_CHARS) {
            return null;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(normal.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
