package dev.modelspec4j.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelspec4j.annotation.PiiMode;
import dev.modelspec4j.annotation.PiiType;
import dev.modelspec4j.check.pii.PiiDetector;
import dev.modelspec4j.check.pii.PiiResult;
import dev.modelspec4j.check.pii.Pseudonymizer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code @Pii} output mode applied to a growing answer: for every way of cutting the answer into chunks
 * around a value, the caller receives what the blocking path returns for the whole answer, and never a piece of
 * the raw value.
 */
class PrivacyFilterTest {

    private static final String FILLER = "we will look into it and come back to you soon ";

    /** A representative value of each type, as a sentence writes it, with its words around it. */
    static Stream<Arguments> values() {
        return Stream.of(
                Arguments.of(PiiType.EMAIL, "write to ", "jane.doe+work@example.co.uk", " today, "),
                Arguments.of(PiiType.PHONE, "call ", "+44 (20) 7123 4567", " now, "),
                Arguments.of(PiiType.PHONE, "call ", "(415) 555-0132", " now, "),
                Arguments.of(PiiType.CREDIT_CARD, "card ", "4111 1111 1111 1111", " expires, "),
                Arguments.of(PiiType.IBAN, "pay to ", "DE89 3704 0044 0532 0130 00", " please, "),
                Arguments.of(PiiType.US_SSN, "ssn ", "536-22-1234", " on file, "),
                Arguments.of(PiiType.IP_ADDRESS, "host ", "10.20.30.40", " is down, "),
                Arguments.of(PiiType.IP_ADDRESS, "peer ", "2001:db8::ff00:42:8329", " is up, "),
                Arguments.of(PiiType.CRYPTO_WALLET, "send to ", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", " now, "),
                Arguments.of(PiiType.CRYPTO_WALLET, "eth ", "0x52908400098527886E0F7030069857D2E4169EE7", " now, "),
                Arguments.of(PiiType.URL, "see ", "https://example.org/orders/17?ref=mail", ". Then "),
                // the forms of many countries: a short number decided by a word after it, an extension,
                // other scripts' digits and dashes, lower case, written-out and internationalised addresses
                Arguments.of(PiiType.PHONE, "ring ", "99 668472", " (mobile), "),
                Arguments.of(PiiType.PHONE, "office ", "+1 (212) 555-0134 ext. 204", " today, "),
                Arguments.of(PiiType.CREDIT_CARD, "card ", "٤١١١–١١١١–١١١١–١١١١", " expires, "),
                Arguments.of(PiiType.IBAN, "pay to ", "de89 3704 0044 0532 0130 00", " please, "),
                Arguments.of(PiiType.EMAIL, "write to ", "jane at example dot co dot uk", " today, "),
                Arguments.of(PiiType.EMAIL, "write to ", "zoë.müller[at]bücher[dot]ch", " today, "));
    }

    private static String answer(PiiDetector detector, String before, String value, String after) {
        String filler = FILLER.repeat(detector.longestValue() / FILLER.length() + 2);
        return filler + before + value + after + filler;
    }

    @ParameterizedTest
    @MethodSource("values")
    void maskAndRedactGiveWhatTheBlockingPathGivesWhereverTheValueIsSplit(PiiType type, String before,
            String value, String after) {
        PiiDetector detector = PiiDetector.of(type);
        String answer = answer(detector, before, value, after);
        for (PiiMode mode : List.of(PiiMode.MASK, PiiMode.REDACT)) {
            PiiResult blocking = new Pseudonymizer(detector).apply(answer, mode);
            assertThat(blocking.evidence()).as("the blocking path finds %s", value).hasSize(1);
            for (List<Integer> cuts : cuts(answer, answer.indexOf(value), value.length())) {
                PrivacyFilter filter = new PrivacyFilter(mode, detector, null);
                Streamed streamed = stream(filter, answer, cuts);
                assertThat(streamed.text).as("%s of %s, chunks ending at %s", mode, value, cuts)
                        .isEqualTo(blocking.text());
                assertNoPieceOf(value, streamed.text);
                assertThat(filter.evidence()).isEqualTo(blocking.evidence());
                assertThat(filter.masked()).isTrue();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("values")
    void blockStopsBeforeTheValueIsReleased(PiiType type, String before, String value, String after) {
        PiiDetector detector = PiiDetector.of(type);
        String answer = answer(detector, before, value, after);
        int start = answer.indexOf(value);
        for (List<Integer> cuts : cuts(answer, start, value.length())) {
            PrivacyFilter filter = new PrivacyFilter(PiiMode.BLOCK, detector, null);
            Streamed streamed = stream(filter, answer, cuts);
            assertThat(streamed.blocked).as("chunks ending at %s", cuts).isTrue();
            assertThat(answer).startsWith(streamed.text);
            assertThat(streamed.text.length()).isLessThanOrEqualTo(start);
            assertThat(filter.failure()).isEqualTo("[" + type.name() + "]");
            assertThat(filter.evidence()).containsExactly("[" + type.name() + "]");
        }
    }

    @ParameterizedTest
    @MethodSource("values")
    void pseudonymsAreRestoredWholeAndMadeUpValuesMasked(PiiType type, String before, String value,
            String after) {
        PiiDetector detector = PiiDetector.of(type);
        Pseudonymizer pseudonymizer = new Pseudonymizer(detector);
        // the user's message says it with the same words around it (a short number needs its telephone word)
        String placeholder = pseudonymizer.apply("my details: " + before + value + after, PiiMode.PSEUDONYMIZE)
                .evidence().get(0);
        assertThat(placeholder).isEqualTo("[" + type.name() + "_1]");
        // The model writes the placeholder where the user's value goes.
        String answer = answer(detector, before, placeholder, after);
        String expected = pseudonymizer.restore(answer);
        assertThat(expected).contains(value).doesNotContain(placeholder);
        for (List<Integer> cuts : cuts(answer, answer.indexOf(placeholder), placeholder.length())) {
            PrivacyFilter filter = new PrivacyFilter(PiiMode.PSEUDONYMIZE, detector, pseudonymizer);
            assertThat(filter.lookAhead()).isGreaterThanOrEqualTo(placeholder.length());
            Streamed streamed = stream(filter, answer, cuts);
            assertThat(streamed.text).as("chunks ending at %s", cuts).isEqualTo(expected);
            assertThat(filter.evidence()).isEmpty();
            assertThat(filter.masked()).isFalse();
        }
    }

    @Test
    void aValueTheModelMadeUpIsMaskedUnderPseudonymize() {
        PiiDetector detector = PiiDetector.of(PiiType.EMAIL);
        Pseudonymizer pseudonymizer = new Pseudonymizer(detector);
        pseudonymizer.apply("I am jane@example.com", PiiMode.PSEUDONYMIZE);
        String answer = answer(detector, "write to [EMAIL_1] or ", "sales@acme-corp.net", " today, ");
        String expected = pseudonymizer.restore(answer);
        assertThat(expected).contains("jane@example.com or [EMAIL] today");
        String value = "sales@acme-corp.net";
        for (List<Integer> cuts : cuts(answer, answer.indexOf(value), value.length())) {
            Streamed streamed = stream(new PrivacyFilter(PiiMode.PSEUDONYMIZE, detector, pseudonymizer), answer,
                    cuts);
            assertThat(streamed.text).isEqualTo(expected);
            assertNoPieceOf(value, streamed.text);
        }
    }

    @Test
    void aValueLongerThanItsLookAheadFailsClosedBeforeAnyOfItIsReleased() {
        PiiDetector detector = PiiDetector.of(PiiType.URL);
        String url = "https://example.org/" + "a".repeat(PiiDetector.longestValue(PiiType.URL));
        String answer = answer(detector, "see ", url, " now ");
        PrivacyFilter filter = new PrivacyFilter(PiiMode.MASK, detector, null);
        Streamed streamed = stream(filter, answer, every(answer, 7));
        assertThat(streamed.blocked).isTrue();
        assertThat(filter.failure()).contains("longer than the stream's look-ahead");
        assertThat(streamed.text).doesNotContain("example.org");
        assertThat(answer).startsWith(streamed.text);
    }

    @Test
    void theLookAheadIsTheLongestValueOfTheTypesPlusTheirContext() {
        assertThat(new PrivacyFilter(PiiMode.MASK, PiiDetector.of(PiiType.US_SSN), null).lookAhead())
                .isEqualTo(11 + PrivacyFilter.CONTEXT);
        assertThat(new PrivacyFilter(PiiMode.MASK, PiiDetector.of(PiiType.EMAIL, PiiType.PHONE), null).lookAhead())
                .isEqualTo(254 + PrivacyFilter.CONTEXT);
        assertThat(new PrivacyFilter(PiiMode.MASK, PiiDetector.all(), null).lookAhead())
                .isEqualTo(2048 + PrivacyFilter.CONTEXT);
    }

    private record Streamed(String text, boolean blocked) {
    }

    /**
     * Feeds {@code answer} to {@code filter} in chunks ending at {@code cuts} (the last at its end), as a stream
     * with no other check does, and checks that it never holds back more than its look-ahead.
     */
    private static Streamed stream(PrivacyFilter filter, String answer, List<Integer> cuts) {
        StringBuilder released = new StringBuilder();
        for (int i = 0; i < cuts.size(); i++) {
            int end = cuts.get(i);
            boolean complete = i == cuts.size() - 1;
            String text = answer.substring(0, end);
            String piece = filter.advance(text, end, complete);
            if (piece == null) {
                return new Streamed(released.toString(), true);
            }
            released.append(piece);
            assertThat(end - filter.consumed()).as("held back after %d characters", end)
                    .isLessThanOrEqualTo(complete ? 0 : filter.lookAhead());
        }
        return new Streamed(released.toString(), false);
    }

    /**
     * The chunkings to try: chunks of 1, 2, 3 and 7 characters, the whole answer at once, and two chunks split
     * at every position from just before the value at {@code start} to just after it.
     */
    private static List<List<Integer>> cuts(String answer, int start, int length) {
        List<List<Integer>> all = new ArrayList<>();
        for (int size : new int[] {1, 2, 3, 7}) {
            all.add(every(answer, size));
        }
        all.add(List.of(answer.length()));
        for (int split = start - 1; split <= start + length + 1; split++) {
            all.add(List.of(split, answer.length()));
        }
        return all;
    }

    private static List<Integer> every(String answer, int size) {
        List<Integer> cuts = new ArrayList<>(IntStream.iterate(size, i -> i < answer.length(), i -> i + size)
                .boxed().toList());
        cuts.add(answer.length());
        return cuts;
    }

    /** No four characters in a row of {@code value} reached the caller. */
    private static void assertNoPieceOf(String value, String received) {
        for (int i = 0; i + 4 <= value.length(); i++) {
            String piece = value.substring(i, i + 4);
            if (!piece.isBlank() && !FILLER.contains(piece)) {
                assertThat(received).as("a piece of %s", value).doesNotContain(piece);
            }
        }
    }
}
