package dev.modelspec4j.check.injection;

import java.util.ArrayList;
import java.util.List;

/**
 * Text that reaches a model but not a reader's eye or a plain scan: Unicode tag characters (U+E0020 to U+E007E, an
 * invisible copy of ASCII), Morse code, ROT13 and text written backwards. Each finder is one linear pass and
 * returns the decoded text with the span it came from, for the rules to read. Stateless and thread-safe.
 */
final class HiddenCarriers {

    /** A decoded stretch of text: where it was in the scanned string, and what it says. */
    record Decoded(int start, int end, String text) {
    }

    private static final int MIN_TAG_CHARS = 4;
    private static final int MIN_MORSE_LETTERS = 8;
    private static final int MAX_DECODED = 65_536;
    private static final String[] MORSE = {".-", "-...", "-.-.", "-..", ".", "..-.", "--.", "....", "..", ".---",
        "-.-", ".-..", "--", "-.", "---", ".--.", "--.-", ".-.", "...", "-", "..-", "...-", ".--", "-..-", "-.--",
        "--.."};
    private static final String[] MORSE_DIGITS = {"-----", ".----", "..---", "...--", "....-", ".....", "-....",
        "--...", "---..", "----."};

    private HiddenCarriers() {
    }

    /** Whether {@code s} has any Unicode tag character (all are encoded with the high surrogate U+DB40). */
    static boolean hasTagCharacters(String s) {
        return s.indexOf('\uDB40') >= 0;
    }

    /** Runs of tag characters in {@code s}, decoded to the ASCII they stand for. */
    static List<Decoded> tagRuns(String s) {
        List<Decoded> runs = new ArrayList<>();
        int i = s.indexOf('\uDB40');
        int total = 0;
        while (i >= 0 && i + 1 < s.length() && total < MAX_DECODED) {
            StringBuilder run = new StringBuilder();
            int start = i;
            int k = i;
            while (k + 1 < s.length() && s.charAt(k) == '\uDB40') {
                int cp = Character.toCodePoint(s.charAt(k), s.charAt(k + 1)) - 0xE0000;
                if (cp >= 0x20 && cp < 0x7F) {
                    run.append((char) cp);
                } else if (cp != 0x01 && cp != 0x7F) {
                    break;
                }
                k += 2;
            }
            if (run.length() >= MIN_TAG_CHARS) {
                runs.add(new Decoded(start, k, run.toString()));
                total += run.length();
            }
            i = s.indexOf('\uDB40', Math.max(k, i + 1));
        }
        return runs;
    }

    private static boolean isMorseChar(char c) {
        return c == '.' || c == '-' || c == '/' || c == ' ' || c == '|' || c == '\u00B7' || c == '\u2022'
                || c == '\u2013' || c == '\u2014' || c == '_';
    }

    /** Runs of Morse code (dots, dashes, spaces and slashes between words) of at least a few letters, decoded. */
    static List<Decoded> morse(String s) {
        if (s.indexOf(".-") < 0 && s.indexOf("-.") < 0 && s.indexOf('\u00B7') < 0) {
            return List.of(); // every Morse text has a dot next to a dash somewhere ("a" is .-, "n" is -.)
        }
        List<Decoded> runs = new ArrayList<>();
        int n = s.length();
        int i = 0;
        int total = 0;
        while (i < n && total < MAX_DECODED) {
            char c = s.charAt(i);
            if (c != '.' && c != '-' && (c < '_' || c != '_' && c != '\u00B7' && c != '\u2022')) {
                i++;
                continue;
            }
            if (i + 1 < n && !isMorseChar(s.charAt(i + 1))) {
                i += 2; // a lone dot or dash: the end of a sentence, a hyphen
                continue;
            }
            int end = i;
            int dots = 0;
            int dashes = 0;
            int gaps = 0;
            while (end < n && isMorseChar(s.charAt(end))) {
                char m = s.charAt(end);
                dots += (m == '.' || m == '\u00B7' || m == '\u2022') ? 1 : 0;
                dashes += (m == '-' || m == '_' || m == '\u2013' || m == '\u2014') ? 1 : 0;
                gaps += m == ' ' ? 1 : 0;
                end++;
            }
            if (dots > 0 && dashes > 0 && gaps >= MIN_MORSE_LETTERS - 1) {
                String decoded = decodeMorse(s, i, end);
                if (decoded != null) {
                    runs.add(new Decoded(i, end, decoded));
                    total += decoded.length();
                }
            }
            i = Math.max(end, i + 1);
        }
        return runs;
    }

    private static String decodeMorse(String s, int from, int to) {
        StringBuilder out = new StringBuilder();
        StringBuilder letter = new StringBuilder();
        int letters = 0;
        int unknown = 0;
        for (int k = from; k <= to; k++) {
            char c = k < to ? s.charAt(k) : ' ';
            if (c == '.' || c == '\u00B7' || c == '\u2022') {
                letter.append('.');
            } else if (c == '-' || c == '_' || c == '\u2013' || c == '\u2014') {
                letter.append('-');
            } else {
                if (letter.length() > 0) {
                    char decoded = morseLetter(letter.toString());
                    if (decoded == 0) {
                        unknown++;
                    } else {
                        out.append(decoded);
                        letters++;
                    }
                    letter.setLength(0);
                }
                if ((c == '/' || c == '|') && out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
            }
        }
        return letters >= MIN_MORSE_LETTERS && unknown * 10 <= letters ? out.toString().strip() : null;
    }

    private static char morseLetter(String code) {
        for (int k = 0; k < MORSE.length; k++) {
            if (MORSE[k].equals(code)) {
                return (char) ('a' + k);
            }
        }
        for (int k = 0; k < MORSE_DIGITS.length; k++) {
            if (MORSE_DIGITS[k].equals(code)) {
                return (char) ('0' + k);
            }
        }
        return 0;
    }

    /** ROT13 of the ASCII letters of {@code text}, one character for one, so positions are kept. */
    static char[] rot13(char[] text, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            char c = text[i];
            if (c >= 'a' && c <= 'z') {
                out[i] = (char) ('a' + (c - 'a' + 13) % 26);
            } else if (c >= 'A' && c <= 'Z') {
                out[i] = (char) ('A' + (c - 'A' + 13) % 26);
            } else {
                out[i] = c;
            }
        }
        return out;
    }

    /** {@code text} backwards: position p of the result is position length - 1 - p of the input. */
    static char[] reversed(char[] text, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = text[length - 1 - i];
        }
        return out;
    }
}
