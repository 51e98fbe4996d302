package dev.modelspec4j.check.pii;

import java.util.List;
import java.util.Objects;

/**
 * One change that a {@code @Pii} mode makes to a text: {@code [start, end)} (UTF-16 offsets) becomes
 * {@code replacement}.
 */
public record PiiEdit(int start, int end, String replacement) {

    public PiiEdit {
        Objects.requireNonNull(replacement, "replacement");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad edit [" + start + ", " + end + ")");
        }
    }

    /**
     * {@code text[from, to)} with the {@code edits} that lie inside it applied; {@code edits} are in order,
     * without overlaps, and none crosses {@code from} or {@code to}.
     */
    public static String apply(String text, List<PiiEdit> edits, int from, int to) {
        StringBuilder out = new StringBuilder(to - from);
        int last = from;
        for (PiiEdit edit : edits) {
            if (edit.start() < from || edit.end() > to) {
                continue;
            }
            out.append(text, last, edit.start()).append(edit.replacement());
            last = edit.end();
        }
        return out.append(text, last, to).toString();
    }
}
