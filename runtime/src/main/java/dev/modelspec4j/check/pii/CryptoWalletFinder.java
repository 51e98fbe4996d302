package dev.modelspec4j.check.pii;

import dev.modelspec4j.annotation.PiiType;
import java.util.List;

/**
 * Cryptocurrency addresses whose form can be verified:
 * <ul>
 *   <li>Bitcoin P2PKH and P2SH ({@code 1...}, {@code 3...}): 26-35 base58 characters decoding to version byte 0
 *       or 5, a 20-byte hash and a 4-byte double-SHA-256 checksum that must match;</li>
 *   <li>Bitcoin segwit ({@code bc1...}): bech32 for witness version 0, bech32m for versions 1-16, checksum
 *       verified, lower or upper case but not mixed;</li>
 *   <li>Ethereum: {@code 0x} and exactly 40 hex digits (the optional EIP-55 mixed-case checksum needs Keccak and
 *       is not verified).</li>
 * </ul>
 */
final class CryptoWalletFinder implements Finder {

    @Override
    public void find(String text, List<PiiSpan> out) {
        findBase58(text, out);
        findSegwit(text, out);
        findEthereum(text, out);
    }

    private static void findBase58(String text, List<PiiSpan> out) {
        int n = text.length();
        for (int i = 0; i + 26 <= n; i++) {
            char c = text.charAt(i);
            if ((c != '1' && c != '3') || Chars.wordBefore(text, i)) {
                continue;
            }
            int end = i;
            while (end < n && isBase58(text.charAt(end))) {
                end++;
            }
            int length = end - i;
            if (length >= 26 && length <= 35 && !Chars.wordAt(text, end)
                    && Checksums.base58Check(text.substring(i, end), c == '1' ? 0 : 5)) {
                out.add(new PiiSpan(PiiType.CRYPTO_WALLET, i, end));
            }
            i = Math.max(i, end - 1);
        }
    }

    private static boolean isBase58(char c) {
        return (c >= '1' && c <= '9') || (c >= 'A' && c <= 'Z' && c != 'I' && c != 'O')
                || (c >= 'a' && c <= 'z' && c != 'l');
    }

    private static void findSegwit(String text, List<PiiSpan> out) {
        int n = text.length();
        int i = indexOfIgnoreCase(text, 0);
        while (i >= 0) {
            int end = i + 3;
            while (end < n && Chars.isWordChar(text.charAt(end))) {
                end++;
            }
            int length = end - i;
            if (!Chars.wordBefore(text, i) && length >= 14 && length <= 90) {
                String candidate = text.substring(i, end);
                String folded = candidate.toLowerCase(java.util.Locale.ROOT);
                boolean oneCase = folded.equals(candidate) || candidate.toUpperCase(java.util.Locale.ROOT).equals(candidate);
                if (oneCase && Checksums.segwit(folded, "bc")) {
                    out.add(new PiiSpan(PiiType.CRYPTO_WALLET, i, end));
                }
            }
            i = indexOfIgnoreCase(text, end);
        }
    }

    /** Next {@code bc1} or {@code BC1} from {@code from}. */
    private static int indexOfIgnoreCase(String text, int from) {
        int lower = text.indexOf("bc1", from);
        int upper = text.indexOf("BC1", from);
        if (lower < 0) {
            return upper;
        }
        return upper < 0 ? lower : Math.min(lower, upper);
    }

    private static void findEthereum(String text, List<PiiSpan> out) {
        int i = text.indexOf("0x");
        while (i >= 0) {
            int end = i + 2;
            while (end < text.length() && Chars.isHex(text.charAt(end))) {
                end++;
            }
            if (end - i == 42 && !Chars.wordBefore(text, i) && !Chars.wordAt(text, end)) {
                out.add(new PiiSpan(PiiType.CRYPTO_WALLET, i, end));
            }
            i = text.indexOf("0x", Math.max(end, i + 2));
        }
    }
}
