package dev.modelspec4j.bench;

import java.util.Random;

/**
 * Deterministic benchmark input: support-desk prose with sparse personal data and secrets (about one finding
 * per 2 KB), some numbers, dates, times and code-like lines that the detectors must look at and reject.
 */
final class MixedText {

    private static final String[] WORDS = ("the customer asked about an order that arrived late and the "
            + "invoice total was wrong so we checked the account history and found a duplicate charge from "
            + "last week please refund it and confirm by email when the ticket is closed thanks for your "
            + "patience our team will follow up tomorrow morning with the shipping details and a new tracking "
            + "link if the package does not arrive within five business days contact support again").split(" ");

    private static final String[] NOISE = {
        "Order 58213 shipped on 2024-03-15 at 14:32:10.", "Version 2.7.1 fixed it.",
        "Total: 1,249.99 USD (incl. 19% VAT).", "See section 4.2.", "Room 12B, floor 3.",
        "Build a1b2c3d passed.", "ratio 3:2", "log level = info", "timeout: 30s", "e.g. the FAQ page."
    };

    private static final String[] SENSITIVE = {
        "Contact me at jane.doe@example.com please.", "Call +49 30 1234567 after five.",
        "Card 4111 1111 1111 1111 was charged.", "IBAN DE89 3704 0044 0532 0130 00 for the refund.",
        "Server 10.20.30.40 timed out.", "Docs at https://support.example.com/kb/12345.",
        "My SSN is 536-22-1234.", "password = Tr0ub4dor3x", "token ghp_Q7w9E2r4T6y8U0i1O3p5A7s9D2f4G6h8J0k2",
        "key AKIAZ3MQ7XK2PL9RT4BN leaked", "call (415) 555-0132 now"
    };

    private MixedText() {
    }

    /** {@code size} characters of text from a fixed seed. */
    static String generate(int size, long seed) {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder(size + 256);
        int sinceSensitive = 0;
        while (out.length() < size) {
            int words = 8 + random.nextInt(12);
            StringBuilder sentence = new StringBuilder();
            for (int w = 0; w < words; w++) {
                sentence.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
            }
            sentence.setCharAt(0, Character.toUpperCase(sentence.charAt(0)));
            out.append(sentence).append(". ");
            if (random.nextInt(4) == 0) {
                out.append(NOISE[random.nextInt(NOISE.length)]).append(' ');
            }
            if (out.length() - sinceSensitive > 2048) {
                out.append(SENSITIVE[random.nextInt(SENSITIVE.length)]).append(' ');
                sinceSensitive = out.length();
            }
            if (random.nextInt(6) == 0) {
                out.append('\n');
            }
        }
        out.setLength(size);
        return out.toString();
    }
}
