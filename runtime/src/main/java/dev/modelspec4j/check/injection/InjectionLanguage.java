package dev.modelspec4j.check.injection;

/**
 * Languages that {@link PromptInjectionDetector} has word lists for. English, French, German and Spanish also have
 * phrase families of their own ({@code EnglishRules} ...); every language has its lexicon of concepts
 * ({@code ConceptTerms}). Markers, structures and encodings need no language.
 */
public enum InjectionLanguage {
    ENGLISH, FRENCH, GERMAN, SPANISH, ITALIAN, PORTUGUESE, DUTCH, POLISH, RUSSIAN, CHINESE, JAPANESE, ARABIC
}
