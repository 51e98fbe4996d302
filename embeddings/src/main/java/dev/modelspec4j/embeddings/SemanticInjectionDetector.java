package dev.modelspec4j.embeddings;

import dev.modelspec4j.check.injection.SemanticInjectionFinding;
import dev.modelspec4j.check.injection.SemanticInjectionLayer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The semantic layer of {@code @PromptInjection}: each segment of the text (its sentences, see
 * {@link InjectionClassifier#segments}) is embedded and scored by the {@link InjectionClassifier}; the text's score
 * is the highest segment's, so an instruction planted in a long document is judged on its own. Registered with
 * {@link java.util.ServiceLoader}, so that {@code PromptInjectionCheck.of(..)}, which generated assistants use,
 * applies it whenever this module is on the class path.
 *
 * <p>The embedding model is loaded on the first call (about a second), once per JVM, and shared. Thread-safe.
 */
public final class SemanticInjectionDetector implements SemanticInjectionLayer {

    private final Supplier<SentenceEncoder> encoder;
    private final InjectionClassifier classifier;
    private final String evidence;

    /** The shared quantised MiniLM model and the bundled classifier (what the service loader creates). */
    public SemanticInjectionDetector() {
        this(SentenceEncoder::shared, InjectionClassifier.bundled());
    }

    /** A given encoder and classifier; the encoder must run the model the classifier was trained on. */
    public SemanticInjectionDetector(SentenceEncoder encoder, InjectionClassifier classifier) {
        this(() -> encoder, classifier);
        if (encoder.model() != classifier.model()) {
            throw new IllegalArgumentException(classifier.version() + " was trained on " + classifier.model()
                    + ", not " + encoder.model());
        }
    }

    private SemanticInjectionDetector(Supplier<SentenceEncoder> encoder, InjectionClassifier classifier) {
        this.encoder = encoder;
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.evidence = classifier.version() + " on " + classifier.model().name().toLowerCase(Locale.ROOT);
    }

    public InjectionClassifier classifier() {
        return classifier;
    }

    /** The highest segment score of a text (0 for blank text). */
    public Scored score(String text) {
        SentenceEncoder enc = encoder.get();
        List<SentenceEncoder.Window> windows = classifier.segments(enc, text);
        Scored best = new Scored(0, 0, 0);
        for (SentenceEncoder.Window w : windows) {
            double s = classifier.score(enc.embed(w.text()));
            if (s > best.score()) {
                best = new Scored(w.start(), w.end(), s);
            }
        }
        return best;
    }

    @Override
    public SemanticInjectionFinding assess(String text) {
        Scored best = score(text);
        return best.score() >= classifier.threshold()
                ? new SemanticInjectionFinding(best.start(), best.end(), best.score(), classifier.threshold(), evidence)
                : null;
    }

    /** The best segment of a text and its score. */
    public record Scored(int start, int end, double score) {
    }
}
