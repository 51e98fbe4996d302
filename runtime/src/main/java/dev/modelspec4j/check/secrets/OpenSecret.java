package dev.modelspec4j.check.secrets;

import dev.modelspec4j.check.StreamWatch;

/**
 * Watches a streamed answer for a secret whose prefix has been written and whose end has not: from a known
 * prefix ({@code sk-proj-}, {@code ghp_}, {@code -----BEGIN RSA PRIVATE KEY-----} ...) the stream is held back
 * until the token ends, or grows past its format's longest form, however long that is; {@link SecretsCheck}
 * then judges the whole token. A prefix that turns out not to start a secret ({@code sk-learn}) lets the text go
 * as soon as the token ends. One per streamed call; each reading looks at the new text, and while a token is open,
 * at that token.
 */
final class OpenSecret implements StreamWatch {

    /** Where the next reading starts looking for prefixes. */
    private int scanned;
    /** Start of the token held open, or -1. */
    private int open = -1;
    private int length;

    @Override
    public Reading read(String answer) {
        int n = answer.length();
        if (n < length) {
            scanned = 0;
            open = -1;
        }
        length = n;
        int from;
        if (open >= 0) {
            if (TokenFormats.openAt(answer, open)) {
                return Reading.holding(open);
            }
            from = open + 1;
            open = -1;
        } else {
            from = Math.max(0, scanned - TokenFormats.LONGEST_ANCHOR);
        }
        for (int i = from; i < n; i++) {
            if ((i == 0 || !Character.isLetterOrDigit(answer.charAt(i - 1))) && TokenFormats.openAt(answer, i)) {
                open = i;
                return Reading.holding(i);
            }
        }
        scanned = n;
        return Reading.NOTHING;
    }
}
