package dev.modelspec4j.check.injection;

/** Languages that {@link PromptInjectionDetector} has phrase lists for. Markers and encodings need none. */
public enum InjectionLanguage {
    ENGLISH, FRENCH, GERMAN, SPANISH
}
