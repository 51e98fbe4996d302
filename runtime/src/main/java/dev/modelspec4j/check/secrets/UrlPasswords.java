package dev.modelspec4j.check.secrets;

import java.util.List;

/** The password in {@code scheme://user:password@host}; the span covers the password only. */
final class UrlPasswords {

    private UrlPasswords() {
    }

    /** Looks for a password after the {@code ://} at {@code marker}. */
    static void at(String text, int marker, List<SecretSpan> out) {
        int n = text.length();
        int userStart = marker + 3;
        int pos = userStart;
        int colon = -1;
        int at = -1;
        while (pos < n && pos < userStart + 512) {
            char c = text.charAt(pos);
            if (c == '@') {
                at = pos;
                break;
            }
            if (c == ':' && colon < 0) {
                colon = pos;
            } else if (c == '/' || c == '?' || c == '#' || Character.isWhitespace(c) || c == '"'
                    || c == '\'') {
                break;
            }
            pos++;
        }
        if (colon > userStart && at > colon + 1 && at + 1 < n && Character.isLetterOrDigit(text.charAt(at + 1))
                && isPassword(text, colon + 1, at)) {
            out.add(new SecretSpan(SecretKind.URL_PASSWORD, colon + 1, at));
        }
    }

    /** Not a placeholder such as {@code <password>}, {@code ${PASS}}, {@code ****} or {@code xxx}. */
    private static boolean isPassword(String text, int start, int end) {
        char first = text.charAt(start);
        if (first == '<' || first == '$' || first == '{' || first == '%') {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c != '*' && c != 'x' && c != 'X') {
                return true;
            }
        }
        return false;
    }
}
