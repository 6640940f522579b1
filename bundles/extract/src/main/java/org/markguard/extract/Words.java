package org.markguard.extract;

/**
 * A list of lower-case words looked for inside class names, ids and the like. {@code indexOf}
 * per word is an order of magnitude faster than the equivalent regex alternation, which tries
 * every word at every position; the visible-price and seller heuristics ask this for every
 * candidate and every ancestor.
 */
final class Words {
    private final String[] words;

    private Words(String[] words) {
        this.words = words;
    }

    /** @param alternation the words, separated by "|" */
    static Words of(String alternation) {
        return new Words(alternation.split("\\|"));
    }

    /** The first listed word contained in the (lower-case) text, or null. */
    String find(String lowerCase) {
        for (String word : words) {
            if (lowerCase.contains(word)) {
                return word;
            }
        }
        return null;
    }

    boolean in(String lowerCase) {
        return find(lowerCase) != null;
    }

    /** Whether one of the words starts a name in the text: "product-sku", not "msku-select". */
    boolean startsAName(String lowerCase) {
        for (String word : words) {
            for (int at = lowerCase.indexOf(word); at >= 0; at = lowerCase.indexOf(word, at + 1)) {
                if (at == 0 || !Character.isLetterOrDigit(lowerCase.charAt(at - 1))) {
                    return true;
                }
            }
        }
        return false;
    }
}
