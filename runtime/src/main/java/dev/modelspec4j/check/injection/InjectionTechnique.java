package dev.modelspec4j.check.injection;

/** The kinds of prompt injection that {@link PromptInjectionDetector} recognises. */
public enum InjectionTechnique {
    /** Tells the assistant to ignore, forget or replace the instructions it was given. */
    INSTRUCTION_OVERRIDE,
    /** Gives the assistant a new identity without its rules ("you are now ...", "act as an unrestricted ..."). */
    ROLE_HIJACK,
    /** Poses as a system or developer message, a chat-template token, or a claim of developer authority. */
    FAKE_SYSTEM_MESSAGE,
    /** Asks the assistant to reveal its system prompt or instructions. */
    PROMPT_LEAK_REQUEST,
    /** Closes or fakes the delimiters that fence untrusted data, or invents section markers. */
    DELIMITER_SPOOFING,
    /** Known jailbreak modes and requests to switch off safety filters. */
    JAILBREAK,
    /** Asks the assistant to send conversations, mailboxes or credentials somewhere. */
    DATA_EXFILTRATION,
    /**
     * Instructions addressed to an AI that reads the text, where a person would not look: an HTML or Markdown comment,
     * a hidden element, a note "to the AI", text hidden in Unicode tag characters.
     */
    HIDDEN_INSTRUCTION,
    /** A made-up conversation turn ("User: ...", "Assistant: ...") planted in data to put words in a party's mouth. */
    FAKE_CONVERSATION,
    /** Tells the assistant what to put in its answer or code ("add ... to your response", "encode your answer"). */
    OUTPUT_MANIPULATION,
    /** An encoded or disguised (base64, hex, percent-encoded, ROT13, Morse, reversed) payload that hides an injection or is presented for decoding. */
    ENCODED_PAYLOAD
}
