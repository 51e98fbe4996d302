package dev.modelspec4j.check.pii;

import java.util.List;

/** Finds the values of one {@link dev.modelspec4j.annotation.PiiType} in normalised text. Stateless. */
interface Finder {

    /** Adds a span (offsets into {@code text}) for every value found. */
    void find(String text, List<PiiSpan> out);
}
