package dev.modelspec4j.testing.detectors;

import dev.modelspec4j.annotation.PiiType;
import dev.modelspec4j.check.pii.PiiDetector;
import dev.modelspec4j.check.pii.PiiSpan;
import dev.modelspec4j.check.secrets.SecretDetector;
import dev.modelspec4j.check.secrets.SecretSpan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Measures the deterministic privacy detectors on the PII corpora ({@code data/pii-dev.jsonl}, tuned on, and
 * {@code data/pii-validation.jsonl}, never tuned on) and on {@code data/secrets-dev.jsonl}, and prints precision,
 * recall and false-positive rows.
 *
 * <p>Scoring (also in {@code docs/privacy.md}): span level, one-to-one; a predicted span is a true positive when
 * it overlaps an expected span of the same type. A PII row is scored only for the type its source test file is
 * about (a row of Presidio's IBAN tests is labelled for IBANs only, so a phone number in it is neither right nor
 * wrong); rows from an unknown source are scored for every type.
 *
 * <p>Run: {@code mvn -B -q -pl testing -am compile exec:java -Dexec.mainClass=...PrivacyDetectorReport}; an
 * optional argument is the repository root (default: the system property {@code modelspec4j.project.root}, else
 * the working directory), {@code --details} also lists every miss and false positive.
 */
public final class PrivacyDetectorReport {

    /** Presidio recognizer test file (from the row id) → the type its rows are labelled for. */
    private static final Map<String, PiiType> SOURCE_TYPES = Map.of(
            "presidio-creditcard", PiiType.CREDIT_CARD, "presidio-iban", PiiType.IBAN,
            "presidio-email", PiiType.EMAIL, "presidio-phone", PiiType.PHONE,
            "presidio-usssn", PiiType.US_SSN, "presidio-ip", PiiType.IP_ADDRESS,
            "presidio-crypto", PiiType.CRYPTO_WALLET, "presidio-url", PiiType.URL);

    /** The secrets validation split: reported on, never tuned on (see {@code data/SOURCES.md}). */
    public static final String SECRETS_VALIDATION = "data/secrets-validation.jsonl";

    private PrivacyDetectorReport() {
    }

    /** Per-type PII scores over {@code pii-dev.jsonl}; {@code misses} (may be null) collects row ids with errors. */
    public static Map<PiiType, Score> measurePii(Path piiFile, List<String> misses) {
        PiiDetector detector = PiiDetector.all();
        Map<PiiType, Score> scores = new EnumMap<>(PiiType.class);
        for (PiiType type : PiiType.values()) {
            scores.put(type, Score.ZERO);
        }
        for (DataRow row : DataRow.read(piiFile)) {
            List<PiiSpan> found = detector.detect(row.text());
            for (PiiType type : scoredTypes(row.id())) {
                List<Span> expected = row.spans().stream().filter(s -> s.type().equals(type.name())).toList();
                List<Span> predicted = found.stream().filter(s -> s.type() == type)
                        .map(s -> new Span(type.name(), s.start(), s.end())).toList();
                int count = row.expectedCount() >= 0 && isSourceType(row.id(), type) ? row.expectedCount() : -1;
                Score score = SpanMatcher.score(expected, count, predicted, row.pass(), true);
                scores.merge(type, score, Score::plus);
                if (misses != null && (score.falsePositives() > 0 || score.falseNegatives() > 0)) {
                    misses.add(type + " " + row.id() + " fp=" + score.falsePositives() + " fn="
                            + score.falseNegatives() + " predicted=" + predicted + " expected=" + expected
                            + " text=" + abbreviate(row.text()));
                }
            }
        }
        return scores;
    }

    /**
     * Secret scores over {@code secrets-dev.jsonl}: every expected span has type {@code SECRET}, so a predicted
     * span of any {@link dev.modelspec4j.check.secrets.SecretKind} matches it by overlap. The result maps
     * {@code "all"} and each expected subtype (recall only: TP and FN per subtype, FP counted under "all").
     */
    public static Map<String, Score> measureSecrets(Path secretsFile, SecretDetector detector, List<String> misses) {
        Map<String, Score> scores = new java.util.TreeMap<>();
        scores.put("all", Score.ZERO);
        for (DataRow row : DataRow.read(secretsFile)) {
            List<Span> predicted = detector.detect(row.text()).stream()
                    .map(s -> new Span("SECRET", s.start(), s.end())).toList();
            Score score = SpanMatcher.score(row.spans(), row.expectedCount(), predicted, row.pass(), false);
            scores.merge("all", score, Score::plus);
            for (Span expected : row.spans()) {
                boolean hit = predicted.stream().anyMatch(expected::overlaps);
                scores.merge(subtype(row, expected), new Score(hit ? 1 : 0, 0, hit ? 0 : 1, 0, 0), Score::plus);
            }
            if (misses != null && (score.falsePositives() > 0 || score.falseNegatives() > 0)) {
                misses.add("SECRET " + row.id() + " fp=" + score.falsePositives() + " fn=" + score.falseNegatives()
                        + " predicted=" + detector.detect(row.text()) + " expected=" + row.spans()
                        + " text=" + abbreviate(row.text()));
            }
        }
        return scores;
    }

    private static String subtype(DataRow row, Span span) {
        return "  " + row.subtypes().getOrDefault(span.start(), "?");
    }

    /** The secrets table as printed by {@link #main}. */
    public static String formatSecrets(Map<String, Score> scores) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-20s %9s %9s %6s %5s %5s %5s %14s%n", "secrets (subtype)",
                "precision", "recall", "spans", "TP", "FP", "FN", "FP rows/pass"));
        out.append(line20("all", scores.get("all")));
        scores.forEach((name, score) -> {
            if (!name.equals("all")) {
                out.append(String.format(Locale.ROOT, "%-20s %9s %9.3f %6d %5d %5s %5d%n", name, "-",
                        score.recall(), score.expected(), score.truePositives(), "-", score.falseNegatives()));
            }
        });
        return out.toString();
    }

    private static String line20(String name, Score s) {
        return String.format(Locale.ROOT, "%-20s %9.3f %9.3f %6d %5d %5d %5d %14s%n", name, s.precision(),
                s.recall(), s.expected(), s.truePositives(), s.falsePositives(), s.falseNegatives(),
                s.flaggedPassRows() + "/" + s.passRows());
    }

    /** Precision and recall over secrets-dev for a grid of base64 thresholds (hex at its default). */
    public static String entropySweep(Path secretsFile) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-16s %9s %9s %5s%n",
                "base64 threshold", "precision", "recall", "FP"));
        for (int tenths = 35; tenths <= 50; tenths += 1) {
            double threshold = tenths / 10.0;
            Score s = measureSecrets(secretsFile, SecretDetector.withEntropyThresholds(threshold,
                    SecretDetector.defaults().hexThreshold()), null).get("all");
            out.append(String.format(Locale.ROOT, "%-16.2f %9.3f %9.3f %5d%n", threshold, s.precision(),
                    s.recall(), s.falsePositives()));
        }
        return out.toString();
    }

    private static Set<PiiType> scoredTypes(String id) {
        PiiType type = SOURCE_TYPES.get(source(id));
        return type == null ? EnumSet.allOf(PiiType.class) : EnumSet.of(type);
    }

    private static boolean isSourceType(String id, PiiType type) {
        PiiType source = SOURCE_TYPES.get(source(id));
        return source == null || source == type;
    }

    private static String source(String id) {
        int dash = id.lastIndexOf('-');
        return dash < 0 ? id : id.substring(0, dash);
    }

    static String abbreviate(String text) {
        String oneLine = text.replace("\n", "\\n");
        return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 117) + "...";
    }

    /** The PII table as printed by {@link #main}. */
    public static String formatPii(Map<PiiType, Score> scores) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-14s %9s %9s %6s %5s %5s %5s %14s%n", "PII type", "precision",
                "recall", "spans", "TP", "FP", "FN", "FP rows/pass"));
        Score total = Score.ZERO;
        for (Map.Entry<PiiType, Score> e : scores.entrySet()) {
            out.append(line(e.getKey().name(), e.getValue()));
            total = total.plus(e.getValue());
        }
        out.append(line("all", total));
        return out.toString();
    }

    static String line(String name, Score s) {
        return String.format(Locale.ROOT, "%-14s %9.3f %9.3f %6d %5d %5d %5d %14s%n", name, s.precision(),
                s.recall(), s.expected(), s.truePositives(), s.falsePositives(), s.falseNegatives(),
                s.flaggedPassRows() + "/" + s.passRows());
    }

    /** Repository root: the argument, else {@code modelspec4j.project.root}, else the working directory. */
    static Path root(String[] args) {
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                return Path.of(arg);
            }
        }
        String property = System.getProperty("modelspec4j.project.root");
        return Path.of(property == null || property.isBlank() ? "." : property);
    }

    public static void main(String[] args) {
        Path root = root(args);
        boolean details = List.of(args).contains("--details");
        List<String> misses = details ? new ArrayList<>() : null;
        for (String file : List.of("data/pii-dev.jsonl", "data/pii-validation.jsonl")) {
            Map<PiiType, Score> pii = measurePii(root.resolve(file), misses);
            System.out.println(file);
            System.out.print(formatPii(pii));
            System.out.println();
            if (details) {
                misses.forEach(m -> System.out.println("  " + m));
                misses.clear();
            }
        }
        Path secrets = root.resolve("data/secrets-dev.jsonl");
        SecretDetector detector = SecretDetector.defaults();
        System.out.println("data/secrets-dev.jsonl (entropy thresholds: base64 " + detector.base64Threshold()
                + ", hex " + detector.hexThreshold() + ")");
        System.out.print(formatSecrets(measureSecrets(secrets, detector, misses)));
        if (details) {
            misses.forEach(m -> System.out.println("  " + m));
            System.out.println();
            System.out.print(entropySweep(secrets));
        }
        // validation: figures only; its misses are never listed, so that no rule is written from them
        Path validation = root.resolve(SECRETS_VALIDATION);
        System.out.println();
        System.out.println(SECRETS_VALIDATION);
        System.out.print(formatSecrets(measureSecrets(validation, detector, null)));
    }
}
