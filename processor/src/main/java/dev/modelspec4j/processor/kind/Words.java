package dev.modelspec4j.processor.kind;

import java.util.List;

/** Lists in plain words, for the descriptions of rules. */
final class Words {

    private Words() {
    }

    /** {@code a}, {@code a and b}, {@code a, b and c}. */
    static String join(List<String> items, String conjunction) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " " + conjunction + " "
                + items.get(items.size() - 1);
    }
}
