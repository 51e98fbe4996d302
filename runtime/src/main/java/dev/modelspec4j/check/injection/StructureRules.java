package dev.modelspec4j.check.injection;

import static dev.modelspec4j.check.injection.Concept.AGENT_CUE;
import static dev.modelspec4j.check.injection.Concept.AI;
import static dev.modelspec4j.check.injection.Concept.IGNORE;
import static dev.modelspec4j.check.injection.Concept.INSTRUCTIONS;
import static dev.modelspec4j.check.injection.Concept.OWN_PROMPT;
import static dev.modelspec4j.check.injection.Concept.PRIOR;
import static dev.modelspec4j.check.injection.Concept.SECRECY;
import static dev.modelspec4j.check.injection.Concept.SEND;
import static dev.modelspec4j.check.injection.Concept.SENSITIVE;

import java.util.List;

/**
 * Rules about the shape of a text rather than its words: comments and hidden elements that speak to an AI,
 * Markdown images and links whose address carries the user's data, and made-up conversation turns. Each is one
 * left-to-right pass over the scan text with bounded look-ahead.
 */
final class StructureRules {

    private static final int COMMENT_REACH = 2_000;
    private static final int HIDDEN_REACH = 1_000;
    private static final int URL_REACH = 500;
    private static final int LABEL_REACH = 30;
    /** How many query values of one address are looked for elsewhere in the text. */
    private static final int MAX_VALUES = 4;
    private static final String[] DISPLAY_NONE = {"display:none", "display: none"};
    private static final String[] FONT_SIZE_ZERO = {"font-size:0", "font-size: 0"};
    private static final String[] VISIBILITY_HIDDEN = {"visibility:hidden", "visibility: hidden"};
    private static final String[] OPACITY_ZERO = {"opacity:0", "opacity: 0"};
    private static final String[] DATA_WORDS = {"conversation", "history", "chat", "message", "user", "secret",
        "password", "token", "key", "summary", "data", "name", "address", "email", "e-mail", "context", "prompt",
        "session", "cookie", "previous", "paste", "insert", "here", "api", "request", "question", "answer", "info"};

    private StructureRules() {
    }

    static void find(ConceptHits h, ConceptIndex index, char[] text, int length, List<ConceptMatch> out) {
        comments(h, text, length, out);
        dataUrls(text, length, out);
        turns(h, index, text, length, out);
    }

    /** HTML comments, Markdown comments and hidden elements that mention an AI or tell it to ignore something. */
    private static void comments(ConceptHits h, char[] text, int length, List<ConceptMatch> out) {
        if (!h.has(AI) && !h.has(IGNORE) && !h.has(AGENT_CUE)) {
            return;
        }
        // where the next "-->", line break and "</" are: found by pointers that only move forward, so that many
        // openings without a close cost one pass, not one search each
        Next commentEnd = new Next("-->");
        Next lineEnd = new Next("\n");
        Next elementEnd = new Next("</");
        for (int i = 0; i < length; i++) {
            char c = text[i];
            int end = -1;
            if (c == '<' && startsWith(text, length, i, "<!--")) {
                end = commentEnd.from(text, length, i + 4, COMMENT_REACH);
            } else if (c == '[' && startsWith(text, length, i, "[//]:")) {
                end = lineEnd.from(text, length, i + 5, COMMENT_REACH);
                end = end < 0 ? Math.min(length, i + COMMENT_REACH) : end;
            } else if ((c == 'd' || c == 'f' || c == 'v' || c == 'o') && hiddenStyle(text, length, i)) {
                end = elementEnd.from(text, length, i, HIDDEN_REACH);
            }
            if (end < 0) {
                continue;
            }
            if (h.any(AI, i, end) || h.any(AGENT_CUE, i, end) || h.any(IGNORE, i, end) && h.any(INSTRUCTIONS, i, end)) {
                out.add(new ConceptMatch(InjectionTechnique.HIDDEN_INSTRUCTION, i, end,
                        "hides words for an AI in a comment or an invisible element"));
                return;
            }
        }
    }

    /**
     * The next occurrence of a literal at or after a position, for positions that only increase: each search starts
     * past the previous occurrence, so all searches together read the text once.
     */
    private static final class Next {
        private final String literal;
        private int at = -1; // the occurrence last found; the text length when there is none further on

        Next(String literal) {
            this.literal = literal;
        }

        /** The first occurrence at or after {@code from}, if it is before {@code from + reach}; otherwise -1. */
        int from(char[] text, int length, int from, int reach) {
            if (at < from) {
                at = length;
                for (int k = from; k + literal.length() <= length; k++) {
                    if (text[k] == literal.charAt(0) && startsWith(text, length, k, literal)) {
                        at = k;
                        break;
                    }
                }
            }
            return at < length && at - from < reach ? at : -1;
        }
    }

    private static boolean hiddenStyle(char[] text, int length, int i) {
        String[] styles = switch (text[i]) {
            case 'd' -> DISPLAY_NONE;
            case 'f' -> FONT_SIZE_ZERO;
            case 'v' -> VISIBILITY_HIDDEN;
            case 'o' -> OPACITY_ZERO;
            default -> null;
        };
        if (styles == null || i + 1 >= length || text[i + 1] != styles[0].charAt(1)) {
            return false;
        }
        for (String style : styles) {
            if (startsWith(text, length, i, style)) {
                return true;
            }
        }
        return false;
    }

    /** {@code ![alt](https://host/path?x=<the user's data>)}: an image (or link) that sends data when rendered. */
    private static void dataUrls(char[] text, int length, List<ConceptMatch> out) {
        for (int i = 0; i + 2 < length; i++) {
            if (text[i] != ']' || text[i + 1] != '(') {
                continue;
            }
            int url = i + 2;
            if (!startsWith(text, length, url, "http")) {
                continue;
            }
            int end = url;
            int query = -1;
            while (end < length && end - url < URL_REACH && text[end] != ')' && text[end] != '\n') {
                if (text[end] == '?' && query < 0) {
                    query = end;
                }
                end++;
            }
            int open = i;
            while (open > 0 && i - open < 200 && text[open] != '[' && text[open] != '\n') {
                open--;
            }
            if (query < 0 || !carriesData(text, length, query + 1, end, open)) {
                i = end;
                continue;
            }
            boolean image = open > 0 && text[open] == '[' && text[open - 1] == '!';
            out.add(new ConceptMatch(InjectionTechnique.DATA_EXFILTRATION, image ? open - 1 : open, end,
                    image ? "an image address that would carry data away when rendered"
                            : "a link address with a placeholder for the user's data"));
            return;
        }
    }

    /**
     * Whether a query string holds a placeholder for data: braces, angle brackets, words like "conversation", or a
     * value that the text names again elsewhere ("?d=HISTORY ... replace HISTORY with the conversation").
     */
    private static boolean carriesData(char[] text, int length, int from, int to, int construct) {
        int values = 0;
        for (int k = from; k < to; k++) {
            char c = text[k];
            if (c == '{' || c == '<' || c == '[' || c == ' ' || (c >= 0x80 && Character.isLetter(c))) {
                return true;
            }
            if (c == '=' && values++ < MAX_VALUES && namedElsewhere(text, length, k + 1, to, construct)) {
                return true;
            }
            if (c == '=' || c == '&') {
                for (String w : DATA_WORDS) {
                    int at = k + 1;
                    if (startsWith(text, to, at, w)) {
                        return true;
                    }
                    int underscore = at;
                    while (underscore < to && text[underscore] != '&' && text[underscore] != '_') {
                        underscore++;
                    }
                    if (underscore < to && text[underscore] == '_' && startsWith(text, to, underscore + 1, w)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Whether the value starting at {@code from} (6 to 40 letters or underscores) occurs again in the text, outside
     * the image or link itself (which starts at {@code construct}).
     */
    private static boolean namedElsewhere(char[] text, int length, int from, int to, int construct) {
        int end = from;
        while (end < to && (Character.isLetter(text[end]) || text[end] == '_')) {
            end++;
        }
        int n = end - from;
        if (n < 6 || n > 40 || (end < to && text[end] != '&' && text[end] != ')')) {
            return false;
        }
        String value = new String(text, from, n);
        int reach = Math.min(length, to + URL_REACH);
        for (int k = Math.max(0, from - URL_REACH); k + n <= reach; k++) {
            if ((k < construct || k >= to) && text[k] == text[from] && startsWith(text, length, k, value)
                    && (k == 0 || !ConceptIndex.isWordChar(text[k - 1]))
                    && (k + n >= length || !ConceptIndex.isWordChar(text[k + n]))) {
                return true;
            }
        }
        return false;
    }

    /** Lines labelled as a user's and an assistant's turns, with an injection in a user turn or a primed answer. */
    private static void turns(ConceptHits h, ConceptIndex index, char[] text, int length, List<ConceptMatch> out) {
        int firstUser = -1;
        int assistantSeen = -1;
        int lastLabelIsAssistant = 0; // 1 when the last label is an assistant's, with the start of its content
        int lastContent = -1;
        int suspicious = -1;
        int lineStart = 0;
        while (lineStart < length) {
            int lineEnd = indexOf(text, length, lineStart, "\n", Integer.MAX_VALUE);
            lineEnd = lineEnd < 0 ? length : lineEnd;
            int labelEnd = label(text, lineStart, lineEnd);
            if (labelEnd > 0) {
                int kind = index.label(labelWord(text, lineStart, labelEnd));
                if ((kind & Concept.USER_LABEL.bit()) != 0) {
                    firstUser = firstUser < 0 ? lineStart : firstUser;
                    lastLabelIsAssistant = 0;
                    if (h.any(IGNORE, labelEnd, lineEnd) || h.any(OWN_PROMPT, labelEnd, lineEnd)
                            || h.any(SEND, labelEnd, lineEnd) || h.any(SECRECY, labelEnd, lineEnd)
                            || h.any(SENSITIVE, labelEnd, lineEnd)
                            || h.any(PRIOR, labelEnd, lineEnd) && h.any(INSTRUCTIONS, labelEnd, lineEnd)) {
                        suspicious = suspicious < 0 ? lineStart : suspicious;
                    }
                } else if ((kind & Concept.ASSISTANT_LABEL.bit()) != 0) {
                    assistantSeen = lineStart;
                    lastLabelIsAssistant = 1;
                    lastContent = labelEnd;
                }
            }
            lineStart = lineEnd + 1;
        }
        if (firstUser < 0 || assistantSeen < 0) {
            return;
        }
        boolean primed = lastLabelIsAssistant == 1 && isPrimed(text, lastContent, length);
        if (suspicious >= 0 || primed) {
            int start = suspicious >= 0 ? suspicious : firstUser;
            out.add(new ConceptMatch(InjectionTechnique.FAKE_CONVERSATION, start, length,
                    primed ? "makes up conversation turns and leaves the answer for the assistant to complete"
                            : "makes up a conversation turn that carries instructions"));
        }
    }

    /** Whether what follows the last assistant label is empty or a short unfinished sentence. */
    private static boolean isPrimed(char[] text, int from, int length) {
        int end = length;
        while (end > from && (text[end - 1] == ' ' || text[end - 1] == '\n')) {
            end--;
        }
        if (end - from > 60) {
            return false;
        }
        if (end == from) {
            return true;
        }
        char last = text[end - 1];
        return last != '.' && last != '!' && last != '?' && last != '。' && last != ')';
    }

    /**
     * If the line starts with a label ({@code User:}, {@code [assistant]:}, {@code ### Human:}, {@code <user>}),
     * the index just past it; otherwise -1.
     */
    private static int label(char[] text, int from, int lineEnd) {
        int k = from;
        while (k < lineEnd && (text[k] == ' ' || text[k] == '#' || text[k] == '*' || text[k] == '[' || text[k] == '<')) {
            k++;
        }
        int wordStart = k;
        while (k < lineEnd && k - wordStart < LABEL_REACH && (ConceptIndex.isWordChar(text[k]) || text[k] == ' ')) {
            k++;
        }
        if (k == wordStart) {
            return -1;
        }
        while (k < lineEnd && (text[k] == ']' || text[k] == '>' || text[k] == '*' || text[k] == ' ')) {
            k++;
        }
        if (k < lineEnd && text[k] == ':') {
            return k + 1;
        }
        boolean tag = wordStart > from && text[wordStart - 1] == '<' && k > 0 && text[k - 1] == '>';
        return tag ? k : -1;
    }

    private static String labelWord(char[] text, int from, int labelEnd) {
        int k = from;
        while (k < labelEnd && !ConceptIndex.isWordChar(text[k])) {
            k++;
        }
        int end = k;
        while (end < labelEnd && (ConceptIndex.isWordChar(text[end]) || text[end] == ' ')) {
            end++;
        }
        return new String(text, k, end - k).strip();
    }

    static boolean startsWith(char[] text, int length, int at, String s) {
        if (at < 0 || at + s.length() > length) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (text[at + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** The index of {@code s} in [from, from + reach), or -1. */
    static int indexOf(char[] text, int length, int from, String s, int reach) {
        int to = (int) Math.min(length, (long) from + reach);
        char first = s.charAt(0);
        for (int k = from; k < to; k++) {
            if (text[k] == first && startsWith(text, length, k, s)) {
                return k;
            }
        }
        return -1;
    }
}
