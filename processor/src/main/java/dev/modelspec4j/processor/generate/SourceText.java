package dev.modelspec4j.processor.generate;

import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes user text into generated Java source so that javac reads back exactly the same characters, whatever
 * they are: string literals that escape every character a reader or a tool could take for something else
 * (line and paragraph separators, bidirectional controls, lone surrogates, NUL), split where one literal would
 * exceed what a class file can hold; and Javadoc text in which no character can end the comment or start a tag.
 */
public final class SourceText {

    /**
     * The most bytes of one literal's value, in the class file's modified UTF-8 (the format allows 65,535). Text
     * longer than this is written as several literals joined at run time, which javac does not fold back into one
     * constant.
     */
    static final int MAX_LITERAL_BYTES = 16_000;
    /**
     * Above this many characters of source, a literal is cut into lines joined with {@code +}, which javac folds
     * back into one constant, so that generated lines stay readable.
     */
    static final int LINE_LITERAL_CHARS = 60;

    private SourceText() {
    }

    /**
     * An expression of type {@code String} whose value is {@code text}: one literal, or, for long text,
     * {@code "...".concat("...")} pieces of at most {@link #MAX_LITERAL_BYTES} each. A literal longer than a
     * line is written as lines joined with {@code +}.
     */
    public static CodeBlock string(String text) {
        List<String> pieces = pieces(text);
        if (pieces.size() == 1) {
            return lines(text);
        }
        CodeBlock.Builder code = CodeBlock.builder().add("$L", lines(pieces.get(0))).indent().indent();
        for (String piece : pieces.subList(1, pieces.size())) {
            code.add("\n.concat($L)", lines(piece));
        }
        return code.unindent().unindent().build();
    }

    /** {@code "..." + "..."}: the text as literals of about a line each, cut after a space or line break. */
    private static CodeBlock lines(String text) {
        if (literal(text).length() <= LINE_LITERAL_CHARS + 8) {
            return CodeBlock.of("$L", literal(text));
        }
        List<String> lines = new ArrayList<>();
        int start = 0;
        int cut = -1;
        int length = 0; // of the current line's literal, without quotes; close enough to cut lines
        for (int i = 0; i < text.length(); ) {
            int size = Character.charCount(text.codePointAt(i));
            char previous = i > 0 ? text.charAt(i - 1) : 'x';
            if (i > start && (previous == ' ' || previous == '\n')) {
                cut = i;
            }
            int next = literal(text.substring(i, i + size)).length() - 2;
            if (i > start && length + next > LINE_LITERAL_CHARS) {
                int end = cut > start ? cut : i;
                lines.add(text.substring(start, end));
                start = end;
                cut = -1;
                length = literal(text.substring(start, i)).length() - 2;
            }
            length += next;
            i += size;
        }
        lines.add(text.substring(start));
        CodeBlock.Builder code = CodeBlock.builder().add("$L", literal(lines.get(0))).indent().indent();
        for (String line : lines.subList(1, lines.size())) {
            code.add("\n+ $L", literal(line));
        }
        return code.unindent().unindent().build();
    }

    /** The text cut into pieces of at most {@link #MAX_LITERAL_BYTES}, never between the halves of a pair. */
    static List<String> pieces(String text) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int size = c != 0 && c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            boolean splitsPair = i > start && Character.isLowSurrogate(c) && Character.isHighSurrogate(text.charAt(i - 1));
            if (bytes + size > MAX_LITERAL_BYTES && !splitsPair) {
                pieces.add(text.substring(start, i));
                start = i;
                bytes = 0;
            }
            bytes += size;
        }
        pieces.add(text.substring(start));
        return pieces;
    }

    /**
     * One string literal of {@code text}, quotes included. Printable ASCII, and letters, marks, digits,
     * punctuation and symbols beyond it, are written as they are; everything else as a Java escape.
     */
    public static String literal(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int length = Character.charCount(cp);
            switch (cp) {
                case '"' -> out.append("\\\"");
                // javac 17 misreads a backslash escape right after a Unicode escape: octal there.
                case '\\' -> out.append(out.length() > 6 && out.charAt(out.length() - 6) == '\\'
                        && out.charAt(out.length() - 5) == 'u' ? "\\134" : "\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (isPlain(cp)) {
                        out.appendCodePoint(cp);
                    } else {
                        for (int j = i; j < i + length; j++) {
                            out.append(String.format("\\u%04x", (int) text.charAt(j)));
                        }
                    }
                }
            }
            i += length;
        }
        return out.append('"').toString();
    }

    /** Whether a code point can stand for itself in a literal without any reader mistaking it. */
    private static boolean isPlain(int cp) {
        if (cp < 0x80) {
            return cp >= 0x20 && cp < 0x7f;
        }
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    /**
     * Text for a Javadoc comment, shown as written: characters that HTML, Javadoc tags, the comment's end or a
     * Unicode escape would read differently are written as HTML character references, as is anything that is
     * not plain (see {@link #literal}).
     */
    public static String javadoc(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (cp == ' ' || isPlain(cp) && "&<>@{}*/\\".indexOf(cp) < 0) {
                out.appendCodePoint(cp);
            } else if (Character.charCount(cp) == 2 || !Character.isSurrogate((char) cp)) {
                out.append("&#x").append(Integer.toHexString(cp)).append(';');
            } else {
                out.append("&#xfffd;");
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }
}
