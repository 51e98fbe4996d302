package dev.modelspec4j.processor.validate;

/** The qualified names of the annotations the processor reads. */
public final class Names {

    private Names() {
    }

    private static final String MS = "dev.modelspec4j.annotation.";
    private static final String LC = "dev.langchain4j.service.";

    public static final String MODEL_SPEC = MS + "ModelSpec";
    public static final String POLICY = MS + "Policy";
    public static final String UNTRUSTED = MS + "Untrusted";
    public static final String LENGTH = MS + "Length";
    public static final String FORBID = MS + "Forbid";
    public static final String REQUIRE = MS + "Require";
    public static final String ON_VIOLATION = MS + "OnViolation";
    public static final String PII = MS + "Pii";
    public static final String CHECK = MS + "Check";
    public static final String CHECKS = MS + "Check.List";
    public static final String OUTPUT_CHECK = "dev.modelspec4j.check.OutputCheck";
    public static final String PROMPT_INJECTION = MS + "PromptInjection";
    public static final String KEEP_INSTRUCTIONS_PRIVATE = MS + "KeepInstructionsPrivate";
    public static final String SECRETS = MS + "Secrets";
    public static final String EXAMPLE = MS + "Example";
    public static final String EXAMPLES = MS + "Example.List";
    public static final String MAX_DEPTH = MS + "MaxDepth";
    public static final String DESCRIPTION = "dev.langchain4j.model.output.structured.Description";
    public static final String RESULT = LC + "Result";
    public static final String STREAMING = MS + "Streaming";

    public static final String SYSTEM_MESSAGE = LC + "SystemMessage";
    public static final String USER_MESSAGE = LC + "UserMessage";
    public static final String V = LC + "V";
    public static final String MEMORY_ID = LC + "MemoryId";
    public static final String MODERATE = LC + "Moderate";
    public static final String TOKEN_STREAM = LC + "TokenStream";
    public static final String INPUT_GUARDRAILS = LC + "guardrail.InputGuardrails";
    public static final String OUTPUT_GUARDRAILS = LC + "guardrail.OutputGuardrails";

    public static final String USER_NAME = LC + "UserName";
    public static final String CHAT_MEMORY_ACCESS = LC + "memory.ChatMemoryAccess";
    public static final String CONTENT = "dev.langchain4j.data.message.Content";
    public static final String TEXT_CONTENT = "dev.langchain4j.data.message.TextContent";
    public static final String CHAT_MESSAGE = "dev.langchain4j.data.message.ChatMessage";
    public static final String STRUCTURED_PROMPT = "dev.langchain4j.model.input.structured.StructuredPrompt";
    public static final String TOOL = "dev.langchain4j.agent.tool.Tool";
    public static final String TOOL_PARAMETER = "dev.langchain4j.agent.tool.P";
    public static final String TOOL_MEMORY_ID = "dev.langchain4j.agent.tool.ToolMemoryId";
    /** Parameter types that {@code AiServices} takes out of the prompt and uses for the request or the call. */
    public static final java.util.List<String> MANAGED_PARAMETER_TYPES = java.util.List.of(
            "dev.langchain4j.model.chat.request.ChatRequestParameters",
            "dev.langchain4j.invocation.InvocationParameters",
            "dev.langchain4j.invocation.LangChain4jManaged",
            "dev.langchain4j.invocation.InvocationContext");
    /** Return types that {@code AiServices} produces by adapting a token stream, or as an image. */
    public static final java.util.List<String> ADAPTED_RETURN_TYPES = java.util.List.of(
            "reactor.core.publisher.Flux",
            "io.smallrye.mutiny.Multi",
            "dev.langchain4j.data.image.Image");

    public static final String SPEC_CONTEXT = "dev.modelspec4j.SpecContext";
    public static final String AI_MESSAGE = "dev.langchain4j.data.message.AiMessage";
    public static final String CHAT_RESPONSE = "dev.langchain4j.model.chat.response.ChatResponse";
}
