package dev.modelspec4j.processor.diag;

import javax.tools.Diagnostic;

/**
 * Every diagnostic the processor reports, with a stable code. A message says what is wrong and what to do
 * instead. Codes are never reused; a retired message keeps its number.
 */
public enum Message {
    NOT_AN_INTERFACE(1, "@ModelSpec must be placed on an interface, not on %s %s: declare the assistant as an interface"),
    UNSUPPORTED_RETURN_TYPE(2, "Method %s returns %s, which a guarded assistant cannot produce: return String, AiMessage, ChatResponse, Result<T> or TokenStream (to stream), or a value read from JSON (structured output): a record, an enum, boolean, byte, short, int, long, float, double, char or their boxes, BigDecimal, BigInteger, LocalDate, LocalTime, LocalDateTime, OffsetDateTime, ZonedDateTime, Instant, Duration, UUID, Map<String, V>, or a List, Set, Collection or Optional of those"),
    UNKNOWN_TEMPLATE_VARIABLE(3, "Template variable {{%s}} of method %s has no matching parameter: add a parameter named %s or annotated @V(\"%s\")"),
    UNUSED_PARAMETER(4, "Parameter %s of method %s is used nowhere: reference it as {{%s}} in a template, or mark it @UserMessage, @MemoryId or @Untrusted"),
    TWO_USER_MESSAGES(5, "Method %s has more than one user message (%s): keep a single @UserMessage parameter or template"),
    INVALID_REGEX(6, "Invalid regular expression in @%s: %s"),
    LENGTH_NO_BOUND(7, "@Length sets no bound: set maxChars, maxWords, maxSentences or minChars to a positive number"),
    LENGTH_NEGATIVE(8, "@Length %s is %d: a bound must be positive (0 means not set)"),
    LENGTH_CONTRADICTORY(9, "@Length minChars %d exceeds maxChars %d: no answer could pass"),
    REASK_ATTEMPTS(10, "REASK needs maxAttempts of at least 1 (it counts every model call, the first included), not %d"),
    DUPLICATE_RULE_ID(11, "Rule id \"%s\" is used twice in method %s (also by %s): give each rule its own id"),
    PROCESSOR_ERROR(12, "modelspec4j could not process %s because of an internal error; please report it with this trace:%n%s"),
    NO_USER_MESSAGE(13, "Method %s sends no user message: annotate a parameter with @UserMessage, or the method with @UserMessage(\"...\")"),
    TEMPLATE_RESOURCE_NOT_FOUND(14, "Template resource \"%s\" was not found on the class path or source path of this compilation: put it in src/main/resources (relative to package %s, or absolute with a leading /)"),
    INVALID_SPEC_ID(15, "Spec id \"%s\" is not valid: use dotted lower-case words, e.g. acme.support"),
    REDACT_NOT_APPLICABLE(16, "Action REDACT cannot apply to rule %s (@%s): there is no span to mask; choose REASK, REFUSE, BLOCK or REPORT"),
    BAD_FALLBACK(17, "FALLBACK needs @OnViolation(fallback = \"...\") naming a default method of %s with the parameter types and return type of %s: %s"),
    UNTRUSTED_IN_TEMPLATE(18, "Parameter %s is @Untrusted and cannot be used in a prompt template: untrusted data goes in its own delimited block"),
    TWO_MEMORY_IDS(19, "Method %s has more than one @MemoryId parameter"),
    GENERIC_METHOD(20, "Method %s has type parameters, which a guarded assistant does not support"),
    EMPTY_RULE(21, "@%s lists no %s: give at least one, or remove the annotation"),
    MALFORMED_TEMPLATE(22, "Template of method %s is malformed: %s"),
    GENERIC_INTERFACE(23, "Assistant %s has type parameters, which the generated implementation cannot fill in"),
    UNRESOLVED_TYPE(24, "Assistant %s refers to types that do not exist, even after all code generation: %s"),
    POLICY_CYCLE(25, "Policy %s applies itself, through %s: remove the cycle"),
    BLANK_UNTRUSTED_LABEL(26, "@Untrusted on parameter %s: the label is blank; describe the data, e.g. @Untrusted(\"order notes\")"),
    UNSUPPORTED_PARAMETER(27, "Parameter %s of method %s is of type %s, which cannot be sent to a model as text: use String or another type whose toString() is meant for the prompt"),
    FALLBACK_NAMED_WITHOUT_FALLBACK_ACTION(28, "@OnViolation(fallback = \"%s\") is only used by the FALLBACK action; this one has action %s"),
    WEAKENS_RULE(29, "%s weakens rule %s of %s, a %s rule: %s. A lower level may only tighten a higher-level rule"),
    WEAKENS_ACTION(30, "@OnViolation(action = %s) would lower rule %s of %s from %s: an action stated by a %s policy is a floor; use %s or a stronger action"),
    MISSING_REQUIRED_POLICY(31, "Assistant %s does not apply the required policy %s (processor option modelspec4j.requiredPolicies): annotate it with @%s, directly or through another policy"),
    BAD_OPTION(32, "Processor option %s: %s"),
    USER_LEVEL_POLICY(33, "A policy cannot have level USER: user-level changes are made at run time through SpecContext, for rules marked userOverridable"),
    OVERRIDABLE_HIGH_LEVEL(34, "Rule %s is a %s rule and cannot be userOverridable: only developer-level rules may be relaxed by the end user"),
    TWO_SPEC_CONTEXTS(35, "Method %s has more than one SpecContext parameter"),
    BAD_CHECK_CLASS(37, "@Check(%s.class) cannot be used: %s. A check is a public, non-abstract class (static when nested) with a public no-argument constructor"),
    FALLBACK_ON_POLICY(36, "Policy %s cannot use FALLBACK: a policy does not know the default methods of the assistants it applies to; use REFUSE, REASK or BLOCK"),

    // Transparency and conformance: 040-059.
    EXAMPLE_GOOD_BREAKS_RULE(40, "The good answer of @Example[%d] of method %s breaks rule %s: %s Change the answer so that it follows every rule of the method"),
    EXAMPLE_BAD_NOT_CAUGHT(41, "The bad answer of @Example[%d] of method %s is not caught by rule %s: make the answer break that rule, or name the rule that catches it"),
    EXAMPLE_UNKNOWN_RULE(42, "@Example[%d] of method %s names rule \"%s\", which the method does not have: use one of %s"),
    EXAMPLE_INCOMPLETE(43, "@Example[%d] of method %s gives %s but no %s: a bad answer needs the id of the rule that catches it, and a rule needs a bad answer"),
    DUPLICATE_SPEC_ID(44, "Spec id \"%s\" is already used by %s in this compilation: give each assistant its own spec id, which names its spec documents"),

    // Structured output: 60-79.
    UNSUPPORTED_SCHEMA_TYPE(60, "Method %s returns structured output, but %s is of type %s, which has no JSON schema: %s"),
    UNBOUNDED_RECURSION(61, "Record %s refers to itself through %s with no depth bound, so its JSON schema would be infinite: annotate a component on the cycle with @MaxDepth(n)"),
    RECORD_NOT_CONSTRUCTIBLE(62, "Record %s has no accessible canonical constructor for the JSON reader: declare the record (and every type enclosing it) public"),
    EMPTY_SCHEMA(63, "The JSON schema of %s would be empty: %s; give it at least one %s"),
    MAP_KEY_NOT_STRING(64, "Method %s returns structured output, but %s is a map with keys of type %s: JSON object keys are strings; use Map<String, V> or a list of records"),
    BAD_MAX_DEPTH(65, "@MaxDepth(%d) on %s: the depth must be at least 1"),
    FIELD_RULE_NOT_TEXT(66, "@%s on record component %s cannot apply: the component is of type %s, and rules on components check text; put it on a String component (or a List, Set or Optional of String)"),
    PRIMITIVE_REFUSAL(67, "Method %s returns %s, which has no value to stand for a refusal, but rule %s %s: choose BLOCK or FALLBACK, or return %s, whose refusal is null"),
    LEGACY_DATE(68, "Method %s returns structured output, but %s is a java.util.Date, whose value depends on the time zone of the machine that reads it: use java.time.LocalDate, LocalDateTime or OffsetDateTime"),

    // Streaming: 80-99.
    REASK_ON_STREAM(80, "Method %s streams, and REASK (rule %s) cannot take back tokens the caller already received: choose REFUSE, REDACT, BLOCK or REPORT, or annotate the method @Streaming(buffer = true) to check the whole answer before releasing it"),
    FALLBACK_ON_STREAM(81, "Method %s streams: FALLBACK cannot replace a stream with another method's result; choose REFUSE, REDACT, BLOCK or REPORT"),
    WHOLE_ANSWER_ON_STREAM(82, "Rule %s (@%s) can only judge the whole answer (%s), but method %s streams: %s, or annotate the method @Streaming(buffer = true)"),
    STREAMING_WITHOUT_STREAM(83, "@Streaming on method %s, which returns %s: only a method returning TokenStream streams; remove the annotation"),
    BAD_LOOK_AHEAD(84, "@Forbid lookAhead is %d: give the longest match in characters (a positive number), or leave it unset"),

    // Generated code limits: 100-109.
    GENERATED_NAME_CLASH(100, "Assistant %s would be implemented by %s, which %s: rename the interface (the generated name joins nested type names with _)"),
    INACCESSIBLE_ASSISTANT(101, "Assistant %s cannot be implemented by the generated %s, a top-level class of package %s: %s; declare it public or package-private, directly inside a top-level type or at the top level"),
    SEALED_ASSISTANT(102, "Assistant %s is sealed and does not permit %s, the generated implementation: add %s to its permits clause, or do not seal it"),
    DUPLICATE_TEMPLATE_VARIABLE(103, "Parameters %s and %s of method %s both bind the template variable {{%s}}: give each parameter its own name or @V value"),
    SPEC_TEXT_TOO_LONG(104, "@ModelSpec %s is %d characters long; it names the generated files and is stored in the generated class, which allows at most %d: shorten it"),
    TOO_MANY_METHODS(105, "Assistant %s has %d methods; a generated class holds the enforcement plans of at most %d: split the interface into several assistants"),
    CLASHES_WITH_BUILDER(106, "Method builder() of %s clashes with the static builder() of the generated %s: rename the method or give it parameters"),
    HIDES_PACKAGE(107, "%s %s, which the generated %s inherits, hides the package %s that the generated code refers to: rename it"),

    // LangChain4j parity: 120-129.
    CONTENT_OUTSIDE_USER_MESSAGE(120, "Parameter %s of method %s is of type %s, which holds message contents, but %s"),
    CHAT_MESSAGE_PARAMETER(121, "Parameter %s of method %s is a %s: AiServices would put the message's toString() into the prompt text. Pass its parts instead: the text as a @UserMessage String, images and other media as @UserMessage content parameters (ImageContent, List<Content>...), the name as a @UserName parameter"),
    TEXT_CONTENTS_BESIDE_TEXT(122, "Parameter %s of method %s is a %s, which may hold TextContent, and the user message also has text (%s): AiServices then drops or rejects that text depending on the list's elements. Use a list of non-text contents (e.g. List<ImageContent>), or send all text in one place"),
    TOOLS_NOT_YET(123, "@%s on %s: tools are not supported by modelspec4j yet; remove the annotation (a guarded assistant does not call tools)"),
    MANAGED_PARAMETER(124, "Parameter %s of method %s is a %s, which AiServices uses for the request or the call rather than the prompt; modelspec4j does not support it yet: remove the parameter and configure the model instead"),
    ADAPTED_RETURN_TYPE(125, "Method %s returns %s, which AiServices produces %s; a guarded assistant cannot: return TokenStream to stream, or String, AiMessage, ChatResponse or Result<String> for the whole answer"),
    BAD_USER_NAME(126, "@UserName on parameter %s of method %s: %s"),
    STRUCTURED_PROMPT_PARAMETER(127, "Parameter %s of method %s is of type %s, a @StructuredPrompt, which AiServices renders through its own template; modelspec4j does not yet: pass the rendered text as a String, or the fields as @V parameters"),

    // LangChain4j guardrails: 130-139.
    BAD_GUARDRAIL_CLASS(130, "@%s(%s.class) cannot be used: %s. The generated class creates each guardrail once per assistant with new: make it a public, non-abstract class (static when nested) with a public no-argument constructor that throws no checked exception"),
    OUTPUT_GUARDRAILS_ON_STREAM(131, "Method %s streams without buffering, and LangChain4j output guardrails judge the whole answer (%s): annotate the method @Streaming(buffer = true) to check the answer before any of it is released, or switch them off for it with @OutputGuardrails({})"),
    DUPLICATE_GUARDRAIL(132, "@%s lists %s twice, or two guardrails of method %s would share the rule id %s: list each guardrail once, and rename one of two classes with the same simple name"),
    NEGATIVE_GUARDRAIL_RETRIES(133, "@OutputGuardrails(maxRetries = %d): give 0 or more (the most model calls of one call, as AiServices counts them; 0 and 1 mean no retry)"),
    GUARDRAILS_ON_POLICY(134, "Policy %s carries @%s, which is read only on the assistant interface and its methods, as AiServices reads it: move it to the interface or method"),

    // Instruction privacy: 170-174.
    CONFIDENTIAL_NOT_A_VARIABLE(170, "@KeepInstructionsPrivate(confidential = \"%s\") applies to method %s, which has no template variable {{%s}}: name a variable of its @SystemMessage or @UserMessage template, or mark the value in the system message with [[confidential: ...]]"),
    BAD_CONFIDENTIAL_MARKER(171, "The system message of method %s has a bad confidential marker: %s. Write [[confidential: value]], with a value and no marker inside");

    private final String code;
    private final String format;
    private final Diagnostic.Kind kind;

    Message(int number, String format) {
        this(number, format, Diagnostic.Kind.ERROR);
    }

    Message(int number, String format, Diagnostic.Kind kind) {
        this.code = String.format("MS-%03d", number);
        this.format = format;
        this.kind = kind;
    }

    /** The stable code, e.g. {@code MS-006}. */
    public String code() {
        return code;
    }

    public Diagnostic.Kind kind() {
        return kind;
    }

    /** The text of the diagnostic, code first. */
    public String format(Object... args) {
        return "[" + code + "] " + String.format(format, args);
    }
}
