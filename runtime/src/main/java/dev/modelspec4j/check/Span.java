package dev.modelspec4j.check;

/** A range of characters in a text, {@code start} inclusive, {@code end} exclusive (UTF-16 indices). */
public record Span(int start, int end) {

    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }

    /** {@code text} with every span replaced by {@code replacement}; overlapping spans are masked once. */
    public static String mask(String text, java.util.List<Span> spans, String replacement) {
        java.util.List<Span> sorted = new java.util.ArrayList<>(spans);
        sorted.sort(java.util.Comparator.comparingInt(Span::start));
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (Span s : sorted) {
            if (s.end() <= at) {
                continue;
            }
            int start = Math.max(s.start(), at);
            out.append(text, at, start).append(replacement);
            at = Math.min(s.end(), text.length());
        }
        out.append(text, at, text.length());
        return out.toString();
    }
}
