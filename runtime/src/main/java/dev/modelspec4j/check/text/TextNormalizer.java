package dev.modelspec4j.check.text;

import java.text.Normalizer;

/**
 * The first step of every deterministic check: undo the cheap tricks that hide text from a scanner while
 * keeping a map back to the original positions.
 *
 * <ul>
 *   <li>Unicode NFKC, per code point: full-width letters and digits, ligatures, superscripts and other
 *       compatibility forms become their plain equivalents;</li>
 *   <li>invisible format characters are removed: zero-width spaces and joiners, word joiner, soft hyphen,
 *       byte-order mark, the bidirectional embedding, override and isolate controls, and the Unicode tag
 *       characters;</li>
 *   <li>every kind of space (no-break, thin, ideographic, ...) becomes an ASCII space.</li>
 * </ul>
 *
 * ASCII input that needs none of this is returned as it is, without copying. The class is stateless and
 * thread-safe.
 */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    /** Normalises {@code input}; see the class documentation. */
    public static NormalizedText normalize(String input) {
        if (!needsWork(input)) {
            return new NormalizedText(input, input, null);
        }
        StringBuilder out = new StringBuilder(input.length());
        int[] map = new int[input.length() * 2 + 1];
        int i = 0;
        while (i < input.length()) {
            int cp = input.codePointAt(i);
            int width = Character.charCount(cp);
            if (isInvisible(cp)) {
                i += width;
                continue;
            }
            String replacement;
            if (cp < 0x80) {
                replacement = null;
            } else if (Character.isSpaceChar(cp)) {
                replacement = " ";
            } else {
                String single = new String(Character.toChars(cp));
                String folded = Normalizer.normalize(single, Normalizer.Form.NFKC);
                replacement = folded.equals(single) ? null : folded;
            }
            if (replacement == null) {
                map = ensure(map, out.length() + width + 1);
                for (int k = 0; k < width; k++) {
                    map[out.length()] = i + k;
                    out.append(input.charAt(i + k));
                }
            } else {
                map = ensure(map, out.length() + replacement.length() + 1);
                for (int k = 0; k < replacement.length(); k++) {
                    map[out.length()] = i;
                    out.append(replacement.charAt(k));
                }
            }
            i += width;
        }
        map = ensure(map, out.length() + 1);
        map[out.length()] = input.length();
        int[] exact = new int[out.length() + 1];
        System.arraycopy(map, 0, exact, 0, exact.length);
        return new NormalizedText(input, out.toString(), exact);
    }

    /** Whether {@code cp} is an invisible format character that normalisation removes. */
    public static boolean isInvisible(int cp) {
        return switch (cp) {
            case 0x00AD, // soft hyphen
                 0x034F, // combining grapheme joiner
                 0x061C, // Arabic letter mark
                 0x115F, 0x1160, 0x3164, 0xFFA0, // Hangul fillers
                 0x180E, // Mongolian vowel separator
                 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, // zero-width space/non-joiner/joiner, LRM, RLM
                 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, // bidi embeddings and overrides
                 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, // word joiner, invisible operators
                 0x2066, 0x2067, 0x2068, 0x2069, // bidi isolates
                 0xFEFF -> true; // zero-width no-break space / BOM
            default -> (cp >= 0xE0000 && cp <= 0xE007F) // tag characters
                    || (cp >= 0xFE00 && cp <= 0xFE0F); // variation selectors
        };
    }

    private static boolean needsWork(String input) {
        for (int i = 0; i < input.length(); i++) {
            if (input.charAt(i) >= 0x80) {
                return true;
            }
        }
        return false;
    }

    private static int[] ensure(int[] map, int size) {
        if (size <= map.length) {
            return map;
        }
        int[] bigger = new int[Math.max(size, map.length * 2)];
        System.arraycopy(map, 0, bigger, 0, map.length);
        return bigger;
    }
}
