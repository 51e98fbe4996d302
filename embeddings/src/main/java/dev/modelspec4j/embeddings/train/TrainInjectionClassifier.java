package dev.modelspec4j.embeddings.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelspec4j.embeddings.InjectionClassifier;
import dev.modelspec4j.embeddings.SentenceEncoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Trains the bundled {@link InjectionClassifier} from the development split only, reproducibly:
 *
 * <pre>
 * mvn -B -q -pl embeddings -am compile exec:java -Dexec.skip=true
 * mvn -B -q -pl embeddings -am compile exec:java -Dexec.skip=true -Dexec.args="--date 2026-12-04"
 * </pre>
 *
 * <ol>
 *   <li>Each row of {@code data/injection-dev.jsonl} is cut into windows ({@link SentenceEncoder#windows}) and
 *       embedded with the quantised MiniLM model on one thread.</li>
 *   <li>Rows are split into {@value #FOLDS} folds by SHA-256 of {@code seed:id} (no random generator, so the same
 *       data and seed give the same folds anywhere).</li>
 *   <li>Training examples: every window of a benign row; for an injection, its only window, or, for a long row,
 *       the window a first model (trained on single-window rows) scores highest, since the other windows of a long
 *       document with one planted instruction are benign text.</li>
 *   <li>For each L2 strength in {@link #LAMBDAS}, out-of-fold row scores (the highest window) give the recall at
 *       the threshold that keeps the out-of-fold false-positive rate at or below {@code --target-fpr}; the best
 *       strength wins, the threshold is that strength's out-of-fold threshold, and the final weights are fitted on
 *       all development rows.</li>
 * </ol>
 * Options: {@code --data FILE} (default {@code data/injection-dev.jsonl}), {@code --out FILE} (default the bundled
 * resource in {@code embeddings/src/main/resources}), {@code --seed N} (default 20261204), {@code --target-fpr X}
 * (default 0.01), {@code --date YYYY-MM-DD} (default today, UTC). Paths are relative to the project root (system
 * property {@code modelspec4j.project.root}, else the working directory). The validation split is never read.
 */
public final class TrainInjectionClassifier {

    static final int FOLDS = 5;
    static final double[] LAMBDAS = {0.3, 1, 3, 10};
    static final String VERSION = "injection-classifier-v1";

    private TrainInjectionClassifier() {
    }

    /** The rows with their window embeddings and fold. */
    record Embedded(LabelledText row, List<float[]> windows, int fold) {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(System.getProperty("modelspec4j.project.root", "."));
        Path data = root.resolve("data/injection-dev.jsonl");
        Path out = root.resolve("embeddings/src/main/resources/" + InjectionClassifier.BUNDLED);
        long seed = 20261204L;
        double targetFpr = 0.01;
        String date = LocalDate.now(java.time.ZoneOffset.UTC).toString();
        for (int k = 0; k < args.length; k++) {
            switch (args[k]) {
                case "--data" -> data = root.resolve(args[++k]);
                case "--out" -> out = root.resolve(args[++k]);
                case "--seed" -> seed = Long.parseLong(args[++k]);
                case "--target-fpr" -> targetFpr = Double.parseDouble(args[++k]);
                case "--date" -> date = LocalDate.parse(args[++k]).toString();
                default -> throw new IllegalArgumentException("unknown option " + args[k]);
            }
        }
        if (data.getFileName().toString().contains("validation")) {
            throw new IllegalArgumentException("the classifier is trained on the development split only");
        }
        SentenceEncoder encoder = new SentenceEncoder(SentenceEncoder.Model.MINILM_L6_V2_Q, 1);
        List<LabelledText> rows = LabelledText.read(data);
        List<Embedded> embedded = embed(encoder, rows, seed);

        double bestLambda = Double.NaN;
        double bestRecall = -1;
        double bestThreshold = Double.NaN;
        double bestFpr = Double.NaN;
        for (double lambda : LAMBDAS) {
            double[] scores = outOfFold(embedded, lambda);
            double threshold = threshold(embedded, scores, targetFpr);
            double recall = rate(embedded, scores, threshold, true);
            double fpr = rate(embedded, scores, threshold, false);
            System.out.printf(Locale.ROOT, "lambda %-5s out-of-fold: threshold %.4f recall %.4f fpr %.4f%n",
                    lambda, threshold, recall, fpr);
            if (recall > bestRecall) {
                bestRecall = recall;
                bestLambda = lambda;
                bestThreshold = threshold;
                bestFpr = fpr;
            }
        }
        LogisticRegression.Fit fit = train(embedded, bestLambda);

        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode doc = json.createObjectNode();
        doc.put("version", VERSION);
        doc.put("model", encoder.model().name());
        doc.put("dimension", SentenceEncoder.DIMENSION);
        doc.put("windowTokens", SentenceEncoder.WINDOW_TOKENS);
        doc.put("overlapTokens", SentenceEncoder.OVERLAP_TOKENS);
        doc.put("trainedOn", root.relativize(data.toAbsolutePath().normalize()).toString().replace('\\', '/'));
        doc.put("dataSha256", sha256(Files.readAllBytes(data)));
        doc.put("rows", rows.size());
        doc.put("injections", rows.stream().filter(LabelledText::injection).count());
        doc.put("seed", seed);
        doc.put("folds", FOLDS);
        doc.put("lambda", bestLambda);
        doc.put("targetFalsePositiveRate", targetFpr);
        doc.put("outOfFoldRecall", round(bestRecall));
        doc.put("outOfFoldFalsePositiveRate", round(bestFpr));
        doc.put("date", date);
        doc.put("threshold", round(bestThreshold));
        doc.put("bias", round(fit.bias()));
        ArrayNode weights = doc.putArray("weights");
        for (double w : fit.weights()) {
            weights.add(round(w));
        }
        Files.createDirectories(out.getParent());
        Files.writeString(out, json.writeValueAsString(doc) + "\n", StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "wrote %s: lambda %s threshold %.4f (out-of-fold recall %.4f fpr %.4f)%n",
                out, bestLambda, bestThreshold, bestRecall, bestFpr);
    }

    static List<Embedded> embed(SentenceEncoder encoder, List<LabelledText> rows, long seed) {
        List<Embedded> embedded = new ArrayList<>(rows.size());
        for (LabelledText row : rows) {
            List<String> texts = new ArrayList<>();
            for (SentenceEncoder.Window w : encoder.windows(row.text())) {
                texts.add(w.text());
            }
            // blank text has no window: it scores 0 and trains nothing
            embedded.add(new Embedded(row, texts.isEmpty() ? List.of() : encoder.embedAll(texts),
                    fold(seed, row.id())));
        }
        return embedded;
    }

    static int fold(long seed, String id) {
        byte[] h = digest((seed + ":" + id).getBytes(StandardCharsets.UTF_8));
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
     * The lowest threshold whose false-positive rate on the benign rows is at most {@code targetFpr}: just above
     * the benign score that must stay below it.
     */
    static double threshold(List<Embedded> embedded, double[] scores, double targetFpr) {
        List<Double> benign = new ArrayList<>();
        for (int k = 0; k < scores.length; k++) {
            if (!embedded.get(k).row().injection()) {
                benign.add(scores[k]);
            }
        }
        double[] sorted = benign.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int allowed = (int) Math.floor(targetFpr * sorted.length);
        double highestPassing = sorted[sorted.length - 1 - allowed];
        return Math.min(0.999, Math.max(0.5, Math.nextUp(highestPassing)));
    }

    static double rate(List<Embedded> embedded, double[] scores, double threshold, boolean injections) {
        int total = 0;
        int flagged = 0;
        for (int k = 0; k < scores.length; k++) {
            if (embedded.get(k).row().injection() == injections) {
                total++;
                if (scores[k] >= threshold) {
                    flagged++;
                }
            }
        }
        return total == 0 ? 0 : (double) flagged / total;
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    static String sha256(byte[] bytes) {
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
