package dev.modelspec4j.check.injection;

/** A match of a concept or structure rule, as a span of the scan text. */
record ConceptMatch(InjectionTechnique technique, int start, int end, String description) {
}
