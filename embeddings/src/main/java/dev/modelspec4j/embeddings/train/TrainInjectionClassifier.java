package dev.modelspec4j.embeddings.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelspec4j.check.injection.PromptInjectionDetector;
import dev.modelspec4j.embeddings.InjectionClassifier;
import dev.modelspec4j.embeddings.SentenceEncoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Trains the bundled {@link InjectionClassifier} from the development split only, reproducibly (run from the
 * project root):
 *
 * <pre>
 * mvn -B -q -pl embeddings -am compile exec:java -Dexec.skip=true \
 *     -Dexec.mainClass=dev.modelspec4j.embeddings.train.TrainInjectionClassifier -Dexec.args="--date 2026-12-04"
 * </pre>
 *
 * <ol>
 *   <li>Each row of {@code data/injection-dev.jsonl} is cut into sentences
 *       ({@link SentenceEncoder#sentences(String, int, int)}) and each is embedded with the quantised MiniLM model
 *       on one thread.</li>
 *   <li>Rows are split into {@value #FOLDS} folds by SHA-256 of {@code seed:group} (no random generator, so the
 *       same data and seed give the same folds anywhere), where a group holds the variants of one text
 *       ({@link #groups}).</li>
 *   <li>Training examples: every sentence of a benign row; for an injection, its only sentence, or, for a row of
 *       several, the sentence a first model (trained on one-sentence injections) scores highest, since the other
 *       sentences of a document with one planted instruction are benign text.</li>
 *   <li>For each L2 strength in {@link #LAMBDAS}, out-of-fold row scores (the highest sentence) give the threshold
 *       at which the semantic layer adds false positives (benign rows that the deterministic detector does not
 *       already report) on at most {@code --target-fpr} of the benign rows, and the recall of both layers together
 *       at that threshold; the strength with the best recall wins, its out-of-fold threshold is kept, and the final
 *       weights are fitted on all development rows.</li>
 * </ol>
 * Options: {@code --data FILE} (default {@code data/injection-dev.jsonl}), {@code --out FILE} (default the bundled
 * resource in {@code embeddings/src/main/resources}), {@code --seed N} (default 20261204), {@code --target-fpr X}
 * (default 0.01), {@code --min-tokens N} and {@code --max-tokens N} (segmentation, default 6 and 96),
 * {@code --date YYYY-MM-DD} (default today, UTC). Paths are relative to the project root (system property
 * {@code modelspec4j.project.root}, else the working directory). A file named like the validation split is refused.
 */
public final class TrainInjectionClassifier {

    static final int FOLDS = 5;
    static final double[] LAMBDAS = {0.003, 0.01, 0.03, 0.1, 0.3};
    static final String VERSION = "injection-classifier-v1";

    private TrainInjectionClassifier() {
    }

    /** A row with its sentence embeddings, its fold and whether the deterministic detector reports it. */
    record Embedded(LabelledText row, List<float[]> windows, int fold, boolean lexical) {
    }

    /** Out-of-fold figures of one L2 strength. */
    record Candidate(double lambda, double threshold, double semanticRecall, double combinedRecall,
                     double addedFpr) {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(System.getProperty("modelspec4j.project.root", "."));
        Path data = root.resolve("data/injection-dev.jsonl");
        Path out = root.resolve("embeddings/src/main/resources/" + InjectionClassifier.BUNDLED);
        long seed = 20261204L;
        double targetFpr = 0.01;
        int minTokens = 6;
        int maxTokens = 96;
        String date = LocalDate.now(ZoneOffset.UTC).toString();
        for (int k = 0; k < args.length; k++) {
            switch (args[k]) {
                case "--data" -> data = root.resolve(args[++k]);
                case "--out" -> out = root.resolve(args[++k]);
                case "--seed" -> seed = Long.parseLong(args[++k]);
                case "--target-fpr" -> targetFpr = Double.parseDouble(args[++k]);
                case "--min-tokens" -> minTokens = Integer.parseInt(args[++k]);
                case "--max-tokens" -> maxTokens = Integer.parseInt(args[++k]);
                case "--date" -> date = LocalDate.parse(args[++k]).toString();
                default -> throw new IllegalArgumentException("unknown option " + args[k]);
            }
        }
        if (data.getFileName().toString().contains("validation")) {
            throw new IllegalArgumentException("the classifier is trained on the development split only");
        }
        SentenceEncoder encoder = new SentenceEncoder(SentenceEncoder.Model.MINILM_L6_V2_Q, 1);
        List<LabelledText> rows = LabelledText.read(data);
        List<Embedded> embedded = embed(encoder, PromptInjectionDetector.standard(), rows, seed, minTokens,
                maxTokens);

        Candidate best = null;
        for (double lambda : LAMBDAS) {
            Candidate c = evaluate(embedded, outOfFold(embedded, lambda), lambda, targetFpr);
            System.out.printf(Locale.ROOT, "lambda %-5s out-of-fold: threshold %.4f semantic recall %.4f, "
                    + "with the deterministic detector %.4f, added false-positive rate %.4f%n", lambda,
                    c.threshold(), c.semanticRecall(), c.combinedRecall(), c.addedFpr());
            if (best == null || c.combinedRecall() > best.combinedRecall()) {
                best = c;
            }
        }
        LogisticRegression.Fit fit = train(embedded, best.lambda());

        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode doc = json.createObjectNode();
        doc.put("version", VERSION);
        doc.put("model", encoder.model().name());
        doc.put("dimension", SentenceEncoder.DIMENSION);
        doc.put("minTokens", minTokens);
        doc.put("maxTokens", maxTokens);
        doc.put("trainedOn", root.toAbsolutePath().normalize().relativize(data.toAbsolutePath().normalize())
                .toString().replace('\\', '/'));
        doc.put("dataSha256", sha256(Files.readAllBytes(data)));
        doc.put("rows", rows.size());
        doc.put("injections", rows.stream().filter(LabelledText::injection).count());
        doc.put("seed", seed);
        doc.put("folds", FOLDS);
        doc.put("lambda", best.lambda());
        doc.put("targetAddedFalsePositiveRate", targetFpr);
        doc.put("outOfFoldSemanticRecall", round(best.semanticRecall()));
        doc.put("outOfFoldCombinedRecall", round(best.combinedRecall()));
        doc.put("outOfFoldAddedFalsePositiveRate", round(best.addedFpr()));
        doc.put("date", date);
        doc.put("threshold", best.threshold());
        doc.put("bias", round(fit.bias()));
        ArrayNode weights = doc.putArray("weights");
        for (double w : fit.weights()) {
            weights.add(round(w));
        }
        Files.createDirectories(out.getParent());
        Files.writeString(out, json.writeValueAsString(doc) + "\n", StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "wrote %s: lambda %s threshold %.4f%n", out.getFileName(), best.lambda(),
                best.threshold());
    }

    static List<Embedded> embed(SentenceEncoder encoder, PromptInjectionDetector lexical, List<LabelledText> rows,
            long seed, int minTokens, int maxTokens) {
        List<List<String>> segments = new ArrayList<>(rows.size());
        for (LabelledText row : rows) {
            List<String> texts = new ArrayList<>();
            for (SentenceEncoder.Window w : encoder.sentences(row.text(), minTokens, maxTokens)) {
                texts.add(w.text());
            }
            segments.add(texts);
        }
        String[] groups = groups(rows, segments);
        List<Embedded> embedded = new ArrayList<>(rows.size());
        for (int k = 0; k < rows.size(); k++) {
            List<String> texts = segments.get(k);
            // blank text has no sentence: it scores 0 and trains nothing
            embedded.add(new Embedded(rows.get(k), texts.isEmpty() ? List.of() : encoder.embedAll(texts),
                    fold(seed, groups[k]), lexical.isInjection(rows.get(k).text())));
        }
        return embedded;
    }

    /**
     * A group name per row, so that the folds keep variants of one text together: rows that share a sentence found
     * under one label only (an attack, or a benign text, set alone and inside several carrier documents) are one
     * group, named after its first row's id. Sentences found under both labels (the carrier documents themselves)
     * link nothing, or every document would be one group. Without this, a fold would be scored on texts whose
     * twins it was trained on, and the threshold would be chosen on figures that validation does not repeat.
     */
    static String[] groups(List<LabelledText> rows, List<List<String>> segments) {
        java.util.Map<String, Integer> labels = new java.util.HashMap<>();
        java.util.Map<String, Integer> firstRow = new java.util.HashMap<>();
        int[] parent = new int[rows.size()];
        for (int k = 0; k < parent.length; k++) {
            parent[k] = k;
            for (String sentence : segments.get(k)) {
                labels.merge(key(sentence), rows.get(k).injection() ? 1 : 2, (a, b) -> a | b);
            }
        }
        for (int k = 0; k < parent.length; k++) {
            for (String sentence : segments.get(k)) {
                String key = key(sentence);
                if (labels.get(key) != 3) {
                    Integer other = firstRow.putIfAbsent(key, k);
                    if (other != null) {
                        parent[root(parent, k)] = root(parent, other);
                    }
                }
            }
        }
        String[] groups = new String[rows.size()];
        for (int k = 0; k < groups.length; k++) {
            groups[k] = rows.get(root(parent, k)).id();
        }
        return groups;
    }

    private static String key(String sentence) {
        return sentence.strip().toLowerCase(Locale.ROOT);
    }

    private static int root(int[] parent, int k) {
        while (parent[k] != k) {
            parent[k] = parent[parent[k]];
            k = parent[k];
        }
        return k;
    }

    static int fold(long seed, String group) {
        byte[] h = digest((seed + ":" + group).getBytes(StandardCharsets.UTF_8));
        return Math.floorMod(((h[0] & 0xff) << 8) | (h[1] & 0xff), FOLDS);
    }

    /** The out-of-fold score of each row: the highest window score under a model fitted without the row's fold. */
    static double[] outOfFold(List<Embedded> embedded, double lambda) {
        double[] scores = new double[embedded.size()];
        for (int f = 0; f < FOLDS; f++) {
            List<Embedded> training = new ArrayList<>();
            for (Embedded e : embedded) {
                if (e.fold() != f) {
                    training.add(e);
                }
            }
            LogisticRegression.Fit fit = train(training, lambda);
            for (int k = 0; k < embedded.size(); k++) {
                if (embedded.get(k).fold() == f) {
                    scores[k] = rowScore(fit, embedded.get(k));
                }
            }
        }
        return scores;
    }

    static LogisticRegression.Fit train(List<Embedded> rows, double lambda) {
        List<LogisticRegression.Sample> first = new ArrayList<>();
        boolean anyLong = false;
        for (Embedded e : rows) {
            if (!e.row().injection()) {
                e.windows().forEach(w -> first.add(new LogisticRegression.Sample(w, false)));
            } else if (e.windows().size() == 1) {
                first.add(new LogisticRegression.Sample(e.windows().get(0), true));
            } else {
                anyLong = true;
            }
        }
        LogisticRegression.Fit fit = LogisticRegression.fit(first, lambda);
        if (!anyLong) {
            return fit;
        }
        List<LogisticRegression.Sample> second = new ArrayList<>(first);
        for (Embedded e : rows) {
            if (e.row().injection() && e.windows().size() > 1) {
                float[] best = e.windows().get(0);
                for (float[] w : e.windows()) {
                    if (fit.score(w) > fit.score(best)) {
                        best = w;
                    }
                }
                second.add(new LogisticRegression.Sample(best, true));
            }
        }
        return LogisticRegression.fit(second, lambda);
    }

    static double rowScore(LogisticRegression.Fit fit, Embedded e) {
        double best = 0;
        for (float[] w : e.windows()) {
            best = Math.max(best, fit.score(w));
        }
        return best;
    }

    /**
     * The lowest threshold at which the semantic layer adds false positives (benign rows the deterministic detector
     * does not report) on at most {@code targetFpr} of the benign rows, and the recalls there.
     */
    static Candidate evaluate(List<Embedded> embedded, double[] scores, double lambda, double targetFpr) {
        List<Double> added = new ArrayList<>();
        int benign = 0;
        for (int k = 0; k < scores.length; k++) {
            Embedded e = embedded.get(k);
            if (!e.row().injection()) {
                benign++;
                if (!e.lexical()) {
                    added.add(scores[k]);
                }
            }
        }
        double[] sorted = added.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int allowed = (int) Math.floor(targetFpr * benign);
        double threshold = allowed >= sorted.length ? 0.5 : Math.nextUp(sorted[sorted.length - 1 - allowed]);
        threshold = Math.min(threshold, 0.999999);
        int injections = 0;
        int semantic = 0;
        int combined = 0;
        int falsePositives = 0;
        for (int k = 0; k < scores.length; k++) {
            Embedded e = embedded.get(k);
            boolean flagged = scores[k] >= threshold;
            if (e.row().injection()) {
                injections++;
                semantic += flagged ? 1 : 0;
                combined += flagged || e.lexical() ? 1 : 0;
            } else if (flagged && !e.lexical()) {
                falsePositives++;
            }
        }
        return new Candidate(lambda, threshold, (double) semantic / injections, (double) combined / injections,
                (double) falsePositives / benign);
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    /** Lower-case hex SHA-256, as recorded in the weights file. */
    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest(bytes));
    }

    private static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
