package dev.modelspec4j.check.leak;

import dev.modelspec4j.check.CheckContext;
import dev.modelspec4j.check.Finding;
import dev.modelspec4j.check.OutputCheck;
import dev.modelspec4j.check.Span;
import dev.modelspec4j.check.StreamWatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code @KeepInstructionsPrivate}: the answer must not reveal the call's instructions, verbatim or closely
 * paraphrased. Looks for the call's canary token, the call's confidential values and word shingles shared with the
 * instructions ({@link InstructionLeakDetector}); then, when it has one, asks a {@link LeakJudge} about paraphrases
 * and translations. Needs the call's context; outside a call it finds nothing. Thread-safe.
 */
public final class InstructionLeakCheck implements OutputCheck {

    static final String MESSAGE = "The answer must not reveal the instructions of this conversation.";

    private final InstructionLeakDetector detector;
    private final LeakJudge judge;
    /**
     * The fingerprint of the instructions last seen: a streamed answer is checked after every chunk against the
     * same instructions, which are fingerprinted once. An immutable pair, replaced whole, so calls on other
     * threads with other instructions only recompute, never see a mismatched pair.
     */
    private final AtomicReference<Fingerprinted> last = new AtomicReference<>();

    private record Fingerprinted(String instructions, InstructionFingerprint fingerprint) {
    }

    public InstructionLeakCheck(InstructionLeakDetector detector) {
        this(detector, null);
    }

    /**
     * @param detector the deterministic detector
     * @param judge    judges the complete answers that the detector lets pass, by meaning; null for none
     */
    public InstructionLeakCheck(InstructionLeakDetector detector, LeakJudge judge) {
        this.detector = Objects.requireNonNull(detector, "detector");
        this.judge = judge;
    }

    /** The check with the standard detector and {@code judge} for paraphrases and translations. */
    public static InstructionLeakCheck standard(LeakJudge judge) {
        return new InstructionLeakCheck(InstructionLeakDetector.standard(), Objects.requireNonNull(judge, "judge"));
    }

    /** The check with the standard detector. */
    public static InstructionLeakCheck standard() {
        return new InstructionLeakCheck(InstructionLeakDetector.standard());
    }

    @Override
    public List<Finding> check(String answer) {
        return List.of();
    }

    @Override
    public List<Finding> check(String answer, CheckContext context) {
        if (context.instructions().isEmpty() && context.canary() == null && context.confidential().isEmpty()) {
            return List.of();
        }
        LeakReport report = detector.scan(answer, fingerprint(context.instructions()), context.canary(),
                context.confidential());
        if (!report.leaked()) {
            return judge == null || context.instructions().isEmpty() ? List.of() : judged(answer, context);
        }
        List<Span> spans = new ArrayList<>(report.spans().size());
        for (LeakSpan span : report.spans()) {
            spans.add(new Span(span.start(), span.end()));
        }
        String evidence = (report.canaryFound() ? "canary found; " : "")
                + (report.confidentialFound() ? "confidential value found; " : "")
                + String.format(Locale.ROOT, "coverage %.2f, %d shared shingles, longest run %d words",
                        report.coverage(), report.sharedShingles(), report.longestRunWords());
        return List.of(new Finding(MESSAGE, evidence, spans));
    }

    /**
     * On a stream: enough for the canary, also when a model spaces or punctuates its letters. The canary comes
     * first in the instructions, so a copy from their start is caught by it; the overlap with the instructions is
     * followed over the whole answer by {@link #watch}, and paraphrases are judged on the complete answer.
     */
    @Override
    public int lookAhead() {
        return 48;
    }

    /**
     * Follows a streamed answer for a verbatim or near-verbatim copy of the instructions, wherever it starts: see
     * {@link StreamedCopy} and {@link InstructionLeakDetector#streamedShingles}.
     */
    @Override
    public StreamWatch watch(CheckContext context) {
        if (context == null || context.instructions().isEmpty()) {
            return null;
        }
        InstructionFingerprint fingerprint = fingerprint(context.instructions());
        int threshold = detector.streamedShingles(fingerprint);
        return threshold == Integer.MAX_VALUE ? null : new StreamedCopy(fingerprint, threshold);
    }

    private List<Finding> judged(String answer, CheckContext context) {
        LeakJudge.Judgement judgement = judge.judge(context.instructions(), answer);
        if (judgement == null || !judgement.reveals()) {
            return List.of();
        }
        return List.of(new Finding(MESSAGE, "judged by meaning: " + judgement.evidence(),
                List.of(new Span(0, answer.length()))));
    }

    private InstructionFingerprint fingerprint(String instructions) {
        Fingerprinted cached = last.get();
        if (cached != null && (cached.instructions() == instructions || cached.instructions().equals(instructions))) {
            return cached.fingerprint();
        }
        InstructionFingerprint fingerprint = InstructionFingerprint.of(instructions);
        last.set(new Fingerprinted(instructions, fingerprint));
        return fingerprint;
    }

    @Override
    public boolean supportsRedaction() {
        return true;
    }
}
