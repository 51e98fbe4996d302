package dev.modelspec4j.embeddings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * Logistic regression on sentence embeddings: {@code score = sigmoid(weights . embedding + bias)}, a text is an
 * injection when the score reaches {@code threshold}. The bundled weights ({@value #BUNDLED}) are trained by
 * {@link dev.modelspec4j.embeddings.train.TrainInjectionClassifier} on the development split only; the file records
 * the data's hash, the seed and the date.
 *
 * @param version   the weights' version, e.g. {@code injection-classifier-v1}
 * @param model     the embedding model the weights belong to
 * @param weights   one weight per embedding dimension
 * @param bias      the intercept
 * @param threshold the score from which a text is reported, chosen on the development split
 * @param minTokens segmentation: sentences shorter than this many word pieces are joined to the next
 * @param maxTokens segmentation: sentences longer than this are cut into windows
 *                  (see {@link SentenceEncoder#sentences(String, int, int)})
 */
public record InjectionClassifier(String version, SentenceEncoder.Model model, double[] weights, double bias,
                                  double threshold, int minTokens, int maxTokens) {

    /** The class-path resource of the bundled weights. */
    public static final String BUNDLED = "dev/modelspec4j/embeddings/injection-classifier-v1.json";

    public InjectionClassifier {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(model, "model");
        weights = weights.clone();
        if (weights.length != SentenceEncoder.DIMENSION) {
            throw new IllegalArgumentException("expected " + SentenceEncoder.DIMENSION + " weights, got "
                    + weights.length);
        }
        if (!(threshold > 0 && threshold < 1) || !Double.isFinite(bias)) {
            throw new IllegalArgumentException("threshold must be in (0, 1) and bias finite");
        }
        if (minTokens < 0 || maxTokens < 4 || minTokens > maxTokens) {
            throw new IllegalArgumentException("need 0 <= minTokens <= maxTokens, maxTokens >= 4");
        }
        for (double w : weights) {
            if (!Double.isFinite(w)) {
                throw new IllegalArgumentException("weights must be finite");
            }
        }
    }

    /** The weights shipped in this jar. */
    public static InjectionClassifier bundled() {
        try (InputStream in = InjectionClassifier.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLED + " is missing from the class path");
            }
            return fromJson(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the fields written by the trainer ({@code version, model, weights, bias, threshold, minTokens,
     * maxTokens}).
     */
    public static InjectionClassifier fromJson(JsonNode json) {
        JsonNode w = json.required("weights");
        double[] weights = new double[w.size()];
        for (int k = 0; k < weights.length; k++) {
            weights[k] = w.get(k).asDouble();
        }
        return new InjectionClassifier(json.required("version").asText(),
                SentenceEncoder.Model.valueOf(json.required("model").asText()), weights,
                json.required("bias").asDouble(), json.required("threshold").asDouble(),
                json.required("minTokens").asInt(), json.required("maxTokens").asInt());
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** The segments of a text that {@link #score(float[])} judges one by one. */
    public List<SentenceEncoder.Window> segments(SentenceEncoder encoder, String text) {
        return encoder.sentences(text, minTokens, maxTokens);
    }

    /** The probability-like score of one embedding, in [0, 1]. */
    public double score(float[] embedding) {
        if (embedding.length != weights.length) {
            throw new IllegalArgumentException("expected a " + weights.length + "-dimensional embedding");
        }
        double z = bias;
        for (int k = 0; k < weights.length; k++) {
            z += weights[k] * embedding[k];
        }
        return 1 / (1 + Math.exp(-z));
    }
}
