package dev.modelspec4j.check.injection;

/**
 * What a word or phrase of the multilingual lexicon ({@link ConceptTerms}) stands for. {@link ConceptRules}
 * combine concepts found close to each other ("ignore" + "previous" + "instructions"), whatever the language and
 * whatever the synonym, so a rule is written once for every language.
 */
enum Concept {
    /** Set aside: ignore, disregard, forget, overlook, skip, pay no attention to ... */
    IGNORE,
    /** What came before: previous, prior, above, earlier, initial, original, so far ... */
    PRIOR,
    /** Instructions and their kin: rules, directions, guidelines, prompt, orders, "what you have been told" ... */
    INSTRUCTIONS,
    /** A quantifier over everything: all, everything, whatever, every ... */
    ALL,
    /** Declares instructions void: void, obsolete, cancelled, revoked, no longer apply ... */
    VOID,
    /** "regardless of", "irrespective of" ... */
    REGARDLESS,
    /** Claims precedence: priority, supersedes, overrides, takes precedence ... */
    PRIORITY,
    /** "instead of", "rather than", "au lieu de" ... */
    INSTEAD,
    /** The task a document is given to the assistant for: summarising, translating, answering ... */
    TASK_VERB,
    /** Sets up a persona: you are now, from now on you, act as, pretend, roleplay ... */
    PERSONA,
    /** A persona without rules: never refuses, no restrictions, unfiltered, doesn't care about legality ... */
    UNRESTRICTED,
    /** An authority: system, admin, root, developer, operator, sudo, maintenance, debug ... */
    AUTHORITY,
    /** What an authority switches: mode, override, access, privileges, protocol ... */
    AUTHORITY_KIND,
    /** A switch state: enabled, activated, granted, lifted, disabled, suspended ... */
    SWITCHED,
    /** What is switched off: restrictions, filters, safety, guardrails, limits ... */
    SAFEGUARDS,
    /** Reveal: print, show, reveal, repeat, output, spell out, recite ... */
    REVEAL,
    /** The assistant's hidden configuration: your system prompt, your instructions, the text above ... */
    OWN_PROMPT,
    /** Verbatim: word for word, verbatim, exact words ... */
    VERBATIM,
    /** An AI as addressee: AI assistant, LLM, language model, AI agents, chatbot, Claude ... */
    AI,
    /** Addresses someone: note to, dear, if you are, attention, instructions for ... */
    ADDRESS,
    /** Sends data away: send, forward, e-mail, upload, post, transfer ... */
    SEND,
    /** What must not leave: conversation, chat history, inbox, passwords, API keys, calendar, contacts ... */
    SENSITIVE,
    /** Keeps the user in the dark: silently, without telling the user, do not mention ... */
    SECRECY,
    /** A line label of a user turn: User, Human, Utilisateur, Nutzer, ... */
    USER_LABEL,
    /** A line label of an assistant turn: Assistant, AI, Assistent, ... */
    ASSISTANT_LABEL,
    /** Addresses whoever processes the text, without naming an AI: "when you summarise this", "if you are an AI". */
    AGENT_CUE,
    /** The person the assistant works for, in the third person: the user, the reader, the customer ... */
    USER_REF,
    /** Says a text is written backwards: backwards, reversed, "à l'envers" ... */
    REVERSAL_HINT,
    /** English key words written in ROT13 ("vtaber", "cerivbhf"): a hint to decode the text. */
    ROT13_CUE,
    /** Key words written backwards ("erongi", "snoitcurtsni"): a hint to read the text reversed. */
    REVERSED_CUE;

    /** This concept as a bit of a mask. */
    int bit() {
        return 1 << ordinal();
    }
}
