package dev.modelspec4j.check;

import java.util.List;
import java.util.Objects;

/**
 * What an {@link OutputCheck} follows over one streamed answer, beyond the tail that its {@link
 * OutputCheck#lookAhead()} covers: made by {@link OutputCheck#watch(CheckContext)} for one call, it reads the
 * answer each time it grows and keeps what it learnt (an overlap score, an open token) between readings, so a
 * reading costs about the size of the new text. Not thread-safe: the stream calls it from one thread at a time
 * (the one running its events), with no lock held.
 */
public interface StreamWatch {

    /** What a reading found. */
    record Reading(List<Finding> findings, int holdFrom) {

        /** Nothing found, nothing to hold. */
        public static final Reading NOTHING = new Reading(List.of(), Integer.MAX_VALUE);

        /**
         * @param findings violations that stop the stream now (their spans in the whole answer)
         * @param holdFrom where a match that may still grow starts (an index in the answer): the stream holds back
         *                 everything from there, however far the answer goes on, until a later reading lets it
         *                 go; {@link Integer#MAX_VALUE} when nothing is held
         */
        public Reading {
            findings = List.copyOf(Objects.requireNonNull(findings, "findings"));
        }

        /** A reading that holds the answer from {@code index}. */
        public static Reading holding(int index) {
            return new Reading(List.of(), index);
        }
    }

    /**
     * Reads the answer so far: the text a previous reading saw, with the new text appended. An answer shorter than
     * the last one read is a new answer, read from its start.
     */
    Reading read(String answer);
}
