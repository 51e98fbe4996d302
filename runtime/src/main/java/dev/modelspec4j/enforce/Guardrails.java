package dev.modelspec4j.enforce;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.guardrail.ChatExecutor;
import dev.langchain4j.guardrail.GuardrailRequestParams;
import dev.langchain4j.observability.api.AiServiceListenerRegistrar;
import dev.langchain4j.guardrail.GuardrailResult;
import dev.langchain4j.guardrail.InputGuardrail;
import dev.langchain4j.guardrail.InputGuardrailException;
import dev.langchain4j.guardrail.InputGuardrailRequest;
import dev.langchain4j.guardrail.InputGuardrailResult;
import dev.langchain4j.guardrail.OutputGuardrail;
import dev.langchain4j.guardrail.OutputGuardrailException;
import dev.langchain4j.guardrail.OutputGuardrailRequest;
import dev.langchain4j.guardrail.OutputGuardrailResult;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.modelspec4j.Violation;
import dev.modelspec4j.Violation.Phase;
import dev.modelspec4j.annotation.Action;
import dev.modelspec4j.annotation.Level;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The LangChain4j guardrails ({@code @InputGuardrails}, {@code @OutputGuardrails}) of one assistant method, run
 * by the engine as developer-level rules. A generated class creates the guardrail objects once per assistant
 * and builds one {@code Guardrails} per method; the guardrails are then shared by concurrent calls, as with
 * {@code AiServices}.
 *
 * <p>How their results map onto the engine's actions:
 * <ul>
 *   <li>input {@code failure} or {@code fatal}: BLOCK before the model is called;</li>
 *   <li>input {@code successWith(text)}: the rewritten text is the user's message the model sees and memory
 *       keeps (recorded as REDACT);</li>
 *   <li>output {@code failure} or {@code fatal}: BLOCK;</li>
 *   <li>output {@code retry} or {@code reprompt}: REASK, the reprompt message (or, for a retry, the failure
 *       message) being what the model is told; at most {@link #maxAttempts()} model calls;</li>
 *   <li>output {@code successWith(text)}: the rewritten text is what the caller and memory receive (REDACT);
 *       a rewrite into an object other than the text fails closed (BLOCK);</li>
 *   <li>a guardrail that throws, or returns no result: BLOCK (fail closed).</li>
 * </ul>
 * Blocking calls run the output guardrails before the output rules ({@code Call}); buffered streams do the same
 * on the complete answer ({@code StreamingCall}, through {@link CallControl#guardOutput}).
 *
 * <p>Each decision is a {@link Violation} with the rule id the processor derived from the guardrail class (e.g.
 * {@code guardrail.PoliteInput}) at level DEVELOPER. Its evidence names the kind of result only: a guardrail's
 * message may quote the text it judged, so it goes to the model (reprompt) or to the exception (as the cause,
 * an {@link InputGuardrailException} or {@link OutputGuardrailException}), never to the audit trail.
 */
public final class Guardrails {

    /** What a guardrail may not do from inside the engine: call the model on its own. */
    private static final ChatExecutor NO_EXECUTOR = new ChatExecutor() {
        @Override
        public ChatResponse execute() {
            throw unsupported();
        }

        @Override
        public ChatResponse execute(List<ChatMessage> messages) {
            throw unsupported();
        }

        private UnsupportedOperationException unsupported() {
            return new UnsupportedOperationException("a guardrail run by modelspec4j cannot call the model itself:"
                    + " return retry(..) or reprompt(..) and the engine asks the model again, audited");
        }
    };

    private final String userMessageTemplate;
    private final int maxAttempts;
    private final String[] inputIds;
    private final InputGuardrail[] inputs;
    private final String[] outputIds;
    private final OutputGuardrail[] outputs;

    /**
     * Guardrails with none listed yet; add them with {@link #input} and {@link #output}.
     *
     * @param userMessageTemplate the method's user message template as written, which guardrails may read
     * @param maxRetries {@code @OutputGuardrails(maxRetries)}: as with {@code AiServices}, the most model calls of
     *     one call when output guardrails ask again (0 counts as 1)
     */
    public Guardrails(String userMessageTemplate, int maxRetries) {
        this(Objects.requireNonNull(userMessageTemplate, "userMessageTemplate"), attempts(maxRetries),
                new String[0], new InputGuardrail[0], new String[0], new OutputGuardrail[0]);
    }

    private Guardrails(String userMessageTemplate, int maxAttempts, String[] inputIds, InputGuardrail[] inputs,
            String[] outputIds, OutputGuardrail[] outputs) {
        this.userMessageTemplate = userMessageTemplate;
        this.maxAttempts = maxAttempts;
        this.inputIds = inputIds;
        this.inputs = inputs;
        this.outputIds = outputIds;
        this.outputs = outputs;
    }

    private static int attempts(int maxRetries) {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative, not " + maxRetries);
        }
        return Math.max(1, maxRetries);
    }

    /** These guardrails and, run after them, the input guardrail {@code guardrail} with rule id {@code id}. */
    public Guardrails input(String id, InputGuardrail guardrail) {
        return new Guardrails(userMessageTemplate, maxAttempts, appended(inputIds, id), appended(inputs, guardrail),
                outputIds, outputs);
    }

    /** These guardrails and, run after them, the output guardrail {@code guardrail} with rule id {@code id}. */
    public Guardrails output(String id, OutputGuardrail guardrail) {
        return new Guardrails(userMessageTemplate, maxAttempts, inputIds, inputs, appended(outputIds, id),
                appended(outputs, guardrail));
    }

    private static <T> T[] appended(T[] array, T item) {
        T[] longer = Arrays.copyOf(array, array.length + 1);
        longer[array.length] = Objects.requireNonNull(item);
        return longer;
    }

    /** The most model calls of one call when output guardrails ask the model again. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * The decision on one answer: the text as the guardrails left it, the strongest action (or null), the most
     * model calls a re-ask may reach, and what a re-ask tells the model.
     */
    public record Decision(String text, Action action, int reaskLimit, List<String> reasons) {
    }

    /**
     * The listener registrar of every guardrail request: one for all calls. Without one, LangChain4j looks a new
     * one up through {@code ServiceLoader} each time request parameters are built (some 20 microseconds per call).
     * The engine registers no listener on it; it is there because guardrails may read it.
     */
    private static final class Registrar {
        static final AiServiceListenerRegistrar INSTANCE = AiServiceListenerRegistrar.newInstance();
    }

    private GuardrailRequestParams params(Call call) {
        return GuardrailRequestParams.builder()
                .chatMemory(call.memory)
                .userMessageTemplate(userMessageTemplate)
                .variables(Map.of())
                .aiServiceListenerRegistrar(Registrar.INSTANCE)
                .build();
    }

    /**
     * Runs the input guardrails on the user's message, in order, each seeing the rewrite of the ones before.
     * Returns false when one fails (a non-fatal failure lets the rest run, as in {@code AiServices}); a rewrite
     * becomes the call's user message.
     */
    boolean checkInput(Call call) {
        if (inputs.length == 0) {
            return true;
        }
        String text = call.userMessage;
        InputGuardrailRequest request = InputGuardrailRequest.builder()
                .userMessage(call.userTurn(text)).commonParams(params(call)).build();
        List<String> failures = null;
        for (int i = 0; i < inputs.length; i++) {
            InputGuardrailResult result;
            try {
                result = Objects.requireNonNull(inputs[i].validate(request), "the guardrail returned no result");
            } catch (RuntimeException e) {
                call.violation(violation(inputIds[i], Action.BLOCK, Phase.INPUT, 0, threw(e)));
                call.guardrailFailure = new InputGuardrailException(inputIds[i] + " failed: " + e, e);
                return false;
            }
            GuardrailResult.Result kind = result.result();
            if (kind == GuardrailResult.Result.SUCCESS_WITH_RESULT) {
                text = result.successfulText() == null ? "" : result.successfulText();
                request = request.withText(text);
                call.violation(violation(inputIds[i], Action.REDACT, Phase.INPUT, 0, "rewrote the user's message"));
            } else if (kind == GuardrailResult.Result.FAILURE || kind == GuardrailResult.Result.FATAL) {
                boolean fatal = kind == GuardrailResult.Result.FATAL;
                call.violation(violation(inputIds[i], Action.BLOCK, Phase.INPUT, 0, fatal ? "fatal" : "failure"));
                if (failures == null) {
                    failures = new ArrayList<>(2);
                }
                failures.add(inputIds[i] + ": " + messages(result));
                if (fatal) {
                    break;
                }
            }
        }
        if (failures != null) {
            call.guardrailFailure = new InputGuardrailException(String.join("; ", failures));
            return false;
        }
        call.userMessage = text;
        return true;
    }

    /**
     * Decides on one answer: the output guardrails first, then, unless they block, the method's output rules on
     * the text as the guardrails left it, so that the rules hold on what the caller receives.
     */
    Decision enforceOutput(Call call, ChatResponse response, String text) {
        Decision guarded = checkOutput(call, response, text);
        guarded.reasons().forEach(call::reason);
        if (guarded.action() == Action.BLOCK) {
            return guarded;
        }
        Action rules = call.checkOutput(guarded.text());
        Action action = rules == null || guarded.action() != null && guarded.action().severity() >= rules.severity()
                ? guarded.action() : rules;
        if (action != guarded.action()) {
            call.guardrailFailure = null; // the method's rules decide: the guardrails' exception is not the cause
        }
        int limit = guarded.action() != Action.REASK ? call.method.maxAttempts()
                : rules == Action.REASK ? Math.min(maxAttempts, call.method.maxAttempts()) : maxAttempts;
        return new Decision(guarded.text(), action, limit, List.of());
    }

    /**
     * Runs the output guardrails on one answer, in order, each seeing the rewrite of the ones before. A fatal
     * result stops the others; the reasons of a re-ask are handed to the call.
     */
    Decision checkOutput(Call call, ChatResponse response, String text) {
        call.guardrailFailure = null;
        if (outputs.length == 0) {
            return new Decision(text, null, maxAttempts, List.of());
        }
        OutputGuardrailRequest request = OutputGuardrailRequest.builder()
                .responseFromLLM(response).chatExecutor(NO_EXECUTOR).requestParams(params(call)).build();
        if (!text.equals(response.aiMessage().text())) {
            request = request.withText(text);
        }
        Action rewrite = null;
        List<OutputGuardrailResult.Failure> failures = null;
        List<String> failedIds = null;
        OutputGuardrailResult fatal = null;
        for (int i = 0; i < outputs.length; i++) {
            OutputGuardrailResult result;
            try {
                result = Objects.requireNonNull(outputs[i].validate(request), "the guardrail returned no result");
            } catch (RuntimeException e) {
                return block(call, outputIds[i], threw(e), new OutputGuardrailException(outputIds[i] + " failed: " + e, e));
            }
            GuardrailResult.Result kind = result.result();
            if (kind == GuardrailResult.Result.SUCCESS_WITH_RESULT) {
                String rewritten = result.successfulText() == null ? "" : result.successfulText();
                Object value = result.successfulResult();
                if (value != null && !value.equals(rewritten)) {
                    return block(call, outputIds[i], "rewrote the answer into a " + value.getClass().getName()
                            + ", which the engine cannot deliver: rewrite the text instead",
                            new OutputGuardrailException(outputIds[i] + " rewrote the answer into an object"));
                }
                text = rewritten;
                request = request.withText(text);
                rewrite = Action.REDACT;
                call.violation(violation(outputIds[i], Action.REDACT, Phase.OUTPUT, call.modelCalls,
                        "rewrote the answer"));
            } else if (kind == GuardrailResult.Result.FAILURE || kind == GuardrailResult.Result.FATAL) {
                if (failures == null) {
                    failures = new ArrayList<>(2);
                    failedIds = new ArrayList<>(2);
                }
                for (GuardrailResult.Failure f : result.failures()) {
                    failures.add((OutputGuardrailResult.Failure) f);
                    failedIds.add(outputIds[i]);
                }
                if (kind == GuardrailResult.Result.FATAL) {
                    // retry(..) and reprompt(..) are fatal results too: they stop the chain and decide, as in
                    // AiServices, where a rewrite earlier in the chain turns a retry into a failure.
                    fatal = result;
                    break;
                }
            }
        }
        if (failures == null) {
            return new Decision(text, rewrite, maxAttempts, List.of());
        }
        boolean retry = fatal != null && rewrite == null && fatal.isRetry();
        Action action = retry ? Action.REASK : Action.BLOCK;
        List<String> messages = new ArrayList<>(failures.size());
        List<String> reasons = new ArrayList<>(1);
        for (int i = 0; i < failures.size(); i++) {
            OutputGuardrailResult.Failure f = failures.get(i);
            boolean deciding = fatal != null && i >= failures.size() - fatal.failures().size();
            String kind = f.reprompt() != null ? "reprompt" : f.retry() ? "retry"
                    : deciding ? "fatal" : "failure";
            call.violation(violation(failedIds.get(i), action, Phase.OUTPUT, call.modelCalls, kind));
            messages.add(failedIds.get(i) + ": " + f.message());
            if (retry && f.retry()) {
                reasons.add(f.reprompt() != null ? f.reprompt() : f.message());
            }
        }
        String message = String.join("; ", messages);
        call.guardrailFailure = retry
                ? new OutputGuardrailException("the output guardrails still failed after " + call.modelCalls
                        + " model calls: " + message)
                : new OutputGuardrailException(message, fatal == null ? null : fatal.getFirstFailureException(),
                        fatal);
        return new Decision(text, action, maxAttempts, reasons);
    }

    private static Decision block(Call call, String id, String evidence, OutputGuardrailException cause) {
        call.violation(violation(id, Action.BLOCK, Phase.OUTPUT, call.modelCalls, evidence));
        call.guardrailFailure = cause;
        return new Decision("", Action.BLOCK, 0, List.of());
    }

    private static Violation violation(String id, Action action, Phase phase, int attempt, String evidence) {
        return new Violation(id, Level.DEVELOPER, action, phase, attempt, evidence);
    }

    /** What a guardrail that threw is recorded as: the exception's type, never its message. */
    private static String threw(RuntimeException e) {
        return "guardrail failed: " + e.getClass().getName();
    }

    private static String messages(GuardrailResult<?> result) {
        List<String> messages = new ArrayList<>();
        for (GuardrailResult.Failure f : result.failures()) {
            messages.add(f.message());
        }
        return String.join("; ", messages);
    }
}
