package dev.modelspec4j.check.injection;

import static dev.modelspec4j.check.injection.InjectionRule.any;
import static dev.modelspec4j.check.injection.InjectionRule.EMAIL_OR_URL;
import static dev.modelspec4j.check.injection.InjectionRule.words;
import static dev.modelspec4j.check.injection.InjectionTechnique.DATA_EXFILTRATION;
import static dev.modelspec4j.check.injection.InjectionTechnique.ENCODED_PAYLOAD;
import static dev.modelspec4j.check.injection.InjectionTechnique.FAKE_SYSTEM_MESSAGE;
import static dev.modelspec4j.check.injection.InjectionTechnique.INSTRUCTION_OVERRIDE;
import static dev.modelspec4j.check.injection.InjectionTechnique.JAILBREAK;
import static dev.modelspec4j.check.injection.InjectionTechnique.OUTPUT_MANIPULATION;
import static dev.modelspec4j.check.injection.InjectionTechnique.PROMPT_LEAK_REQUEST;
import static dev.modelspec4j.check.injection.InjectionTechnique.ROLE_HIJACK;

import dev.modelspec4j.check.injection.InjectionRule.Words;
import java.util.List;

/** English phrase families. Patterns read {@link ScanText}: lower case, no accents, single spaces. */
final class EnglishRules {

    private static final InjectionLanguage EN = InjectionLanguage.ENGLISH;
    private static final String WORD = "[a-z0-9'-]+ ";

    /** Verbs that set instructions aside. */
    private static final Words OVERRIDE = words(
            "ignor(?:e|ing)", "disregard(?:ing)?", "forget(?:ting)?", "overrid(?:e|ing)", "overlook", "discard",
            "abandon", "neglect", "skip", "drop", "set aside", "put aside", "throw (?:away|out)",
            "stop following", "do not follow", "don't follow", "dont follow", "no longer follow", "cancel",
            "nullify", "scrap", "erase", "delete");
    /** Words that may stand between the verb and the noun. */
    private static final String FILLER = any("all", "any", "every", "each", "the", "your", "my", "these", "those",
            "previous", "previously", "prior", "above", "earlier", "preceding", "foregoing", "former", "initial",
            "original", "old", "existing", "current", "other", "given", "system", "system's", "developer",
            "default", "built-in", "safety", "of", "and", "or", "following", "whatever", "both", "said",
            "aforementioned", "stated", "received") + " ";
    /** Words that make the noun mean "the instructions you were given". */
    private static final String AUTHORITY = any("all", "any", "every", "your", "previous", "previously",
            "prior", "above", "earlier", "preceding", "foregoing", "former", "initial", "original", "old",
            "existing", "current", "other", "system", "system's", "developer", "default", "aforementioned") + " ";
    private static final String TEMPORAL = any("previous", "previously", "prior", "above", "earlier",
            "preceding", "foregoing", "former", "initial", "original", "other", "system", "developer",
            "aforementioned") + " ";
    private static final String STRONG_NOUN = any("instructions?", "instruction set", "directions?",
            "directives?", "rules?", "prompts?", "prompting", "guidelines?", "commands?", "orders?",
            "programming", "guardrails?", "constraints?", "restrictions?", "polic(?:y|ies)", "system prompt",
            "system message");
    private static final String WEAK_NOUN = any("text", "context", "messages?", "evidence", "training",
            "settings", "conditioning", "limitations", "filters", "content", "input", "information",
            "conversation", "tasks?");
    private static final Words LEAK = words("print", "reveal", "show", "display", "tell", "give",
            "repeat", "output", "list", "relay", "share", "dump", "write out", "write down", "copy", "disclose",
            "return", "recite", "spell out", "paste", "leak", "expose", "provide", "echo", "respond with",
            "reply with", "type out", "read out", "read back", "summari[sz]e", "paraphrase", "translate",
            "divulge", "send", "state", "quote");
    private static final String LEAK_NOUN = any("instructions", "instruction set", "prompt", "prompts",
            "prompting", "system message", "directives", "programming", "initial message", "pre-prompt");
    private static final String LEAK_QUALIFIER = any("system", "initial", "original", "hidden", "secret",
            "underlying", "internal", "developer", "pre-prompt", "confidential", "very first", "starting");
    private static final String PROMPT_QUALIFIER = any(LEAK_QUALIFIER, "full", "entire", "whole", "complete",
            "exact", "actual", "real", "above", "previous", "preceding", "prior");
    private static final String BAD_ROLE = any("unrestricted", "unfiltered", "uncensored", "unlimited",
            "unbound", "unchained", "unethical", "amoral", "immoral", "evil", "malicious", "rogue", "jailbroken",
            "lawless", "hacker", "black-?hat", "criminal", "villain(?:ous)?", "dan\\b", "different ai",
            "another ai", "other ai", "ai without", "ai with no", "bot without", "model without",
            "assistant without", "ai that (?:has no|ignores|doesn't follow)");
    /** Word starts of the nouns in {@link #STRONG_NOUN}. */
    private static final List<String> STRONG_NOUN_WORDS = List.of("instruction", "direction", "directive", "rule",
            "prompt", "guideline", "command", "order", "programming", "guardrail", "constraint", "restriction",
            "polic", "system");
    /** Word starts of the nouns in {@link #WEAK_NOUN}. */
    private static final List<String> WEAK_NOUN_WORDS = List.of("text", "context", "message", "evidence", "training",
            "setting", "conditioning", "limitation", "filter", "content", "input", "information", "conversation",
            "task");
    private static final List<String> SAFEGUARD_WORDS = List.of("filter", "restriction", "guardrail", "check",
            "safeguard", "censorship", "protection", "limitation", "moderation", "polic", "guideline", "constraint",
            "rule");
    /** Word starts of which every leak request contains one. */
    private static final List<String> LEAK_WORDS = List.of("instruction", "prompt", "message", "directive",
            "programming", "pre-prompt", "rule", "guideline");
    /** Word starts of which every role in {@link #BAD_ROLE} contains one. */
    private static final List<String> ROLE_WORDS = List.of("unrestricted", "unfiltered", "uncensored", "unlimited",
            "unbound", "unchained", "unethical", "amoral", "immoral", "evil", "malicious", "rogue", "jailbroken",
            "lawless", "hacker", "black", "criminal", "villain", "dan", "different", "another", "other", "ai");
    private static final List<String> CREDENTIAL_WORDS = List.of("username", "password", "credential", "api",
            "secret", "access", "private");
    /** Not "ignore my previous message": users may take back their own words. */
    private static final String NOT_OWN = "(?! (?:all |any |of )*my )";

    private EnglishRules() {
    }

    /** Imperative verbs that tell a model what to do with its own answer. */
    private static final Words OUTPUT_VERB = words("add", "include", "insert", "integrate", "incorporate", "append",
            "embed", "mention", "put", "place", "modify", "augment", "enhance", "enrich", "end", "start", "begin",
            "conclude", "finish", "prefix", "wrap", "format", "encode", "encrypt", "translate", "reverse", "rewrite",
            "replace", "convert", "substitute", "render", "use", "provide", "introduce", "misspell", "scramble",
            "jumble", "rearrange", "anagram", "remove", "group", "combine", "write", "present", "deliver", "express",
            "phrase", "respond", "answer", "reply", "sign", "close", "spell", "capitali[sz]e", "output", "return");
    private static final String OWN_OUTPUT = "your (?:" + any("response", "answer", "reply", "output", "message",
            "responses", "answers", "replies", "summary", "translation", "result") + ")(?:'s)?\\b";
    private static final String CODE_PIECE = any("following", "subsequent", "below", "next") + " code "
            + any("blocks?", "snippets?", "excerpts?", "sections?", "segments?", "fragments?", "lines?");
    private static final String OWN_CODE = "(?:your " + any("code", "codebase", "solution", "implementation",
            "algorithm", "program", "script", "elucidation", "answer", "response", "solution architecture",
            "application") + "|the code you (?:develop|write|produce|generate))\\b";
    /** What may come before an imperative: the start of the text or a line, or the end of a sentence. */
    private static final String SENTENCE_START = "(?<=^|\\n|[.!?:;)\\]\"'] |[.!?:;] ?\\n?|\\n[-*>#] )";

    static List<InjectionRule> rules() {
        return List.of(
                InjectionRule.of(EN, OUTPUT_MANIPULATION, "tells the assistant what to put in its answer",
                        SENTENCE_START + "\\b" + OUTPUT_VERB.regex() + "\\b[^.!?\\n]{0,100}?\\b" + OWN_OUTPUT,
                        OUTPUT_VERB.triggers()).requiring(List.of("your")),
                InjectionRule.of(EN, OUTPUT_MANIPULATION, "tells the assistant what to put in its answer",
                        SENTENCE_START + "in " + OWN_OUTPUT + ",? (?:please )?[a-z]+", "in your"),
                InjectionRule.of(EN, OUTPUT_MANIPULATION, "tells the assistant to put given code into its answer",
                        "\\b" + CODE_PIECE + "\\b[^.!?\\n]{0,80}?\\b" + OWN_CODE + "|\\byour " + any("code",
                                "codebase", "solution", "implementation", "algorithm") + "\\b[^.!?\\n]{0,60}?\\b"
                                + CODE_PIECE, "following", "subsequent", "below", "next", "your")
                                        .requiring(List.of("code")),
                InjectionRule.of(EN, INSTRUCTION_OVERRIDE, "tells the assistant to set aside its instructions",
                        "\\b" + OVERRIDE.regex() + NOT_OWN + " (?:" + FILLER + "){0,3}?" + AUTHORITY + "(?:"
                                + FILLER + "){0,2}?"
                                + STRONG_NOUN + "\\b", OVERRIDE.triggers()).requiring(STRONG_NOUN_WORDS),
                InjectionRule.of(EN, INSTRUCTION_OVERRIDE, "tells the assistant to set aside its instructions",
                        "\\b" + OVERRIDE.regex() + " (?:the |these |those |this |my |your )?" + STRONG_NOUN + " "
                                + any("above", "before", "so far", "until now", "given", "from before",
                                        "you (?:were|have been|'ve been) given", "you received",
                                        "(?:that )?(?:i|we) (?:gave|wrote|sent)"), OVERRIDE.triggers())
                                                .requiring(STRONG_NOUN_WORDS),
                InjectionRule.of(EN, INSTRUCTION_OVERRIDE, "tells the assistant to set aside earlier context",
                        "\\b" + OVERRIDE.regex() + NOT_OWN + " (?:" + FILLER + "){0,2}?" + TEMPORAL + "(?:" + FILLER
                                + "){0,2}?"
                                + WEAK_NOUN + "\\b(?! (?:i |we )?sent\\b| (?:in error|by mistake)\\b)", OVERRIDE.triggers())
                                        .requiring(WEAK_NOUN_WORDS),
                InjectionRule.of(EN, INSTRUCTION_OVERRIDE, "tells the assistant to forget everything it was told",
                        "\\b" + OVERRIDE.regex() + " (?:about )?(?:everything|all|anything|all of that|what) (?:that )?"
                                + any("you (?:were|have been|'ve been|are|got) (?:told|given|taught|instructed|"
                                        + "programmed|trained)", "(?:they|someone|anyone) (?:have |has )?"
                                        + "(?:said|told you|wrote|gave you)", "above",
                                        "before", "so far", "until now", "previously", "prior", "earlier"),
                        OVERRIDE.triggers()).requiring(List.of("everything", "all", "anything", "what")),
                InjectionRule.of(EN, INSTRUCTION_OVERRIDE, "tells the assistant to ignore everything above",
                        "\\b" + OVERRIDE.regex() + " (?:all (?:of )?)?(?:the |everything )"
                                + any("above", "previous", "preceding", "foregoing")
                                + "(?: (?:and|then|instead)\\b|[.,;:!]|$)", OVERRIDE.triggers())
                                        .requiring(List.of("above", "previous", "preceding", "foregoing")),
                InjectionRule.of(EN, INSTRUCTION_OVERRIDE, "declares the earlier instructions void",
                        "(?<=(?:previous|prior|above|earlier|initial|original|old|former|preceding|existing|current) )"
                                + any("instructions", "rules", "directions", "directives", "prompts?",
                                "guidelines", "orders") + " " + any("are", "were", "is", "have been", "has been")
                                + " (?:now )?" + any("false", "void", "invalid", "cancel+ed", "obsolete",
                                "outdated", "out of date", "wrong", "revoked", "null", "deprecated",
                                "no longer (?:valid|apply|in effect|relevant)", "not valid", "irrelevant", "lifted",
                                "suspended", "overridden", "replaced", "superseded"),
                        "instructions", "rules", "directions", "directives", "prompt", "guidelines", "orders"),
                InjectionRule.of(EN, INSTRUCTION_OVERRIDE, "announces new instructions",
                        "\\b(?:" + any("begin", "start", "here are", "these are", "following are") + " "
                                + "(?:your |the |my )?" + any("new", "updated", "real", "actual", "revised", "true")
                                + " " + any("instructions?", "directives?", "rules", "system prompt", "orders",
                                "task", "prompt") + "\\b|\\byour " + any("new", "updated", "real", "actual", "true")
                                + " " + any("instructions", "directives", "rules", "task", "orders", "system prompt",
                                "prompt") + " ?(?:are|is|:)|\\bnew " + any("instructions?", "directives?", "rules",
                                "orders", "system prompt") + " (?:to|for) (?:the )?" + any("chat", "ai",
                                "assistant", "bot", "model", "llm", "chatbot", "system") + "\\b)",
                        "begin", "start", "here are", "these are", "following are", "your",
                                "new").requiring(List.of("new", "updated", "real", "actual", "revised", "true")),
                InjectionRule.of(EN, INSTRUCTION_OVERRIDE, "claims to reprogram the assistant",
                        "\\breprogram(?:m?ing|med|s)?\\b", "reprogram*"),
                InjectionRule.of(EN, INSTRUCTION_OVERRIDE, "tells the assistant to drop everything and obey",
                        "\\b(?:stop everything\\b[!. ]*(?:now|just|and)\\b|(?:nevermind|never mind)[.,!]* "
                                + "(?:ignore|forget|disregard))", "stop everything", "nevermind", "never mind"),
                InjectionRule.of(EN, INSTRUCTION_OVERRIDE, "replaces the task with a fixed output",
                        "\\b(?:ignore|disregard|forget) (?:the|this|that|all|any|my|your) (?:" + WORD
                                + "){0,3}?[a-z0-9'-]+,? (?:and |but )?(?:(?:instead|just|only|simply) )?"
                                + any("write", "say", "print", "output", "respond with", "reply with", "return")
                                + " (?:only )?\"", "ignor*", "disregard", "forget").requiring(List.of("write", "say",
                                        "print", "output", "respond", "reply", "return")),
                InjectionRule.of(EN, INSTRUCTION_OVERRIDE, "plants a standing order about how to treat users",
                        "\\b" + any("every time", "whenever", "each time", "if ever") + " (?:a|the|any) users? "
                                + any("asks", "says", "mentions", "requests", "writes", "types", "wants",
                                "inquires", "ask", "say"), "every time", "whenever", "each time", "if ever"),
                InjectionRule.of(EN, INSTRUCTION_OVERRIDE, "tells the assistant to hide instructions from the user",
                        "\\b" + any("never", "don't", "dont", "do not", "not to", "without", "must not")
                                + " (?:ever )?" + any("reveal", "repeat", "disclose", "mention", "share", "explain",
                                "show", "tell (?:anyone|the user|them) about") + "(?:ing)? "
                                + any("these", "this", "its", "those", "any of these", "the secret", "the hidden")
                                + " (?:secret |hidden )?" + any("instructions?", "rules?", "agenda", "directives?",
                                "prompt", "orders") + "\\b",
                        "never", "don't", "dont", "do not", "not to", "without", "must not")
                                .requiring(List.of("instruction", "rule", "agenda", "directive", "prompt", "order")),

                InjectionRule.of(EN, ROLE_HIJACK, "tells the assistant it is now someone else",
                        "\\byou are now (?!(?:a |an )?" + any("member", "subscriber", "customer", "registered",
                                "subscribed", "enrolled", "eligible", "logged", "signed", "connected", "ready", "able",
                                "part", "verified", "owner", "holder") + "\\b)" + any("a ", "an ", "the ", "my ", "in ",
                                "no longer", "called",
                                "named", "known as", "free\\b", "dan\\b", "unrestricted", "unfiltered", "uncensored",
                                "jailbroken", "evil", "[a-z]+gpt\\b"), "you are now"),
                InjectionRule.of(EN, ROLE_HIJACK, "gives the assistant a new identity from now on",
                        "\\b" + any("from now on", "henceforth", "starting now", "from this point on")
                                + ",? you " + any("are", "will be", "shall be", "become") + " "
                                + any("a ", "an ", "my ", "no longer", "dan\\b", "free\\b", "unrestricted",
                                "unfiltered"), "from now on", "henceforth", "starting now", "from this point"),
                InjectionRule.of(EN, ROLE_HIJACK, "asks the assistant to play an unrestricted or malicious role",
                        "\\b" + any("act", "acting", "behave", "respond", "answer", "reply", "talk", "speak",
                                "roleplay", "role-play", "role play", "pose", "function", "operate") + " "
                                + any("as", "like") + " (?:if you (?:were|are) )?(?:a |an |the |my )?(?:" + WORD
                                + "){0,2}?" + BAD_ROLE, "act", "acting", "behave", "respond", "answer", "reply",
                        "talk", "speak", "roleplay", "role-play", "role play", "pose", "function",
                                "operate").requiring(ROLE_WORDS),
                InjectionRule.of(EN, ROLE_HIJACK, "asks the assistant to pretend it has no rules",
                        "\\bpretend (?:to be|you are|you're|that you are|that you're|to have) (?:a |an |the )?(?:"
                                + WORD + "){0,2}?" + any(BAD_ROLE, "not (?:bound|restricted|limited|an ai|a language"
                                + " model)", "no longer", "free (?:from|of)", "without", "different", "another",
                                "human", "no (?:rules|restrictions|limits|filters)"), "pretend"),
                InjectionRule.of(EN, ROLE_HIJACK, "says the assistant is not bound by its rules",
                        "\\b" + any("not", "no longer", "never") + " " + any("bound", "restricted", "limited",
                                "constrained", "governed", "held back", "restrained") + " by (?:" + WORD + "){0,3}?"
                                + any("rules", "guidelines", "restrictions", "polic(?:y|ies)", "filters", "ethics",
                                "morals", "laws", "principles", "programming", "constraints", "limitations",
                                "instructions", "guardrails"), "not", "no longer", "never"),
                InjectionRule.of(EN, FAKE_SYSTEM_MESSAGE, "claims to be the assistant's developer or owner",
                        "\\b" + any("i am", "i'm", "im", "this is") + " your " + any("developer", "creator",
                                "admin", "administrator", "owner", "programmer", "operator", "maker", "sysadmin",
                                "system administrator", "engineer", "trainer"), "i am", "i'm", "im", "this is"),
                InjectionRule.of(EN, FAKE_SYSTEM_MESSAGE, "announces a mode switch as if from the system",
                        "\\b(?:" + any("developer", "dev", "god", "dan", "jailbreak", "debug", "admin", "sudo",
                                "root", "unrestricted", "unfiltered", "evil", "maintenance") + " mode (?:is )?(?:now )?"
                                + any("enabled", "activated", "on(?=[.!,:;)]|$)", "engaged", "unlocked", "active")
                                + "\\b|(?:safe|safety|secure) ?mode (?:is )?(?:now )?"
                                + any("off", "disabled", "deactivated") + "\\b|"
                                + any("safety", "content", "ethical", "security") + " "
                                + any("filters?", "protocols?", "guidelines", "restrictions", "checks") + " "
                                + "(?:are |have been |is |has been )?(?:now )?(?:turned |switched )?" + any("off", "disabled",
                                "deactivated", "lifted", "removed", "suspended") + "\\b)",
                        "developer", "dev", "god", "dan", "jailbreak", "debug", "admin", "sudo", "root",
                        "unrestricted", "unfiltered", "evil", "maintenance", "safe*", "secure", "content", "ethical",
                        "security"),
                InjectionRule.of(EN, FAKE_SYSTEM_MESSAGE, "claims a system upgrade or elevated access",
                        "\\byou have been (?:given|granted) (?:a |an )?" + any("system", "admin", "root",
                                "developer", "elevated", "special", "full") + " " + any("upgrade", "update",
                                "access", "privileges", "permissions", "clearance", "rights"), "you have been"),
                InjectionRule.of(EN, FAKE_SYSTEM_MESSAGE, "restates the assistant's instructions as if quoting them",
                        "\\byour " + any("initial", "original", "real", "actual", "system", "new", "updated",
                                "true", "first") + " " + any("instructions", "prompt", "system prompt", "directives",
                                "rules") + " " + any("are", "were", "is", "was") + " ?:", "your"),

                InjectionRule.of(EN, PROMPT_LEAK_REQUEST, "asks for the assistant's instructions",
                        "\\b" + LEAK.regex() + "(?: me| us)? (?:" + WORD + "){0,4}?"
                                + any("your", "the assistant's", "the ai's", "the bot's", "its") + " (?:" + WORD
                                + "){0,3}?" + LEAK_NOUN + "\\b", LEAK.triggers()).requiring(LEAK_WORDS),
                InjectionRule.of(EN, PROMPT_LEAK_REQUEST, "asks for the hidden or original instructions",
                        "\\b" + LEAK.regex() + "(?: me| us)? (?:" + WORD + "){0,4}?the (?:" + WORD + "){0,1}?"
                                + LEAK_QUALIFIER + " (?:" + WORD + "){0,2}?" + any(LEAK_NOUN, "system prompt")
                                + "\\b", LEAK.triggers()).requiring(LEAK_WORDS),
                InjectionRule.of(EN, PROMPT_LEAK_REQUEST, "asks for the whole prompt",
                        "\\b" + LEAK.regex() + "(?: me| us)? (?:" + WORD + "){0,4}?(?:(?:the |your )" + PROMPT_QUALIFIER
                                + " |" + any("above", "previous", "preceding", "prior") + " )"
                                + any("prompt", "system prompt", "prompt text", "system message") + "\\b",
                        LEAK.triggers()).requiring(LEAK_WORDS),
                InjectionRule.of(EN, PROMPT_LEAK_REQUEST, "asks for a copy of the prompt",
                        "\\bcopy of (?:the |your )(?:" + PROMPT_QUALIFIER + " )*" + any("prompt",
                                "instructions", "system prompt", "system message") + "\\b",
                                        "copy of").requiring(LEAK_WORDS),
                InjectionRule.of(EN, PROMPT_LEAK_REQUEST, "asks what the assistant's instructions are",
                        // "rules" and "guidelines" alone may be a shop's ("what are your rules for returns?")
                        "\\bwhat (?:(?:is|are|were|was) your (?:" + any(LEAK_QUALIFIER, "full", "complete",
                                "entire", "very") + " )*" + any(LEAK_NOUN, "system prompt") + "|(?:is|are|were|was)"
                                + " your (?:" + LEAK_QUALIFIER + " )+" + any("rules", "guidelines")
                                + "|(?:is|are|were|was) the (?:" + any(LEAK_QUALIFIER, "full", "complete", "entire",
                                "very") + " )+" + any(LEAK_NOUN, "system prompt") + "|your (?:" + LEAK_QUALIFIER
                                + " )?" + LEAK_NOUN + " " + any("are", "were", "say", "said") + ")\\b",
                        "what").requiring(LEAK_WORDS),
                InjectionRule.of(EN, PROMPT_LEAK_REQUEST, "asks for the instructions the assistant was given",
                        "\\b" + LEAK.regex() + "(?: me| us)? (?:" + WORD + "){0,3}?" + any("instructions", "rules",
                                "directives", "prompt", "guidelines") + " (?:that )?you (?:have been|were|'ve been|"
                                + "had been|got|received) ?" + any("given", "told", "provided", "programmed", "fed",
                                "received", ""), LEAK.triggers()).requiring(LEAK_WORDS),

                InjectionRule.of(EN, JAILBREAK, "asks to switch to a jailbreak mode",
                        "\\b" + any("enter", "enable", "activate", "switch to", "turn on", "go into", "engage",
                                "unlock", "start", "launch", "initiate", "boot into", "run in", "switch into")
                                + " (?:the |your )?" + any("developer", "dev", "god", "dan", "jailbreak",
                                "jailbroken", "unrestricted", "unfiltered", "uncensored", "evil", "chaos", "debug",
                                "sudo", "admin", "opposite", "anything") + " mode\\b(?! "
                                + any("on", "in", "for", "of", "at", "via", "under", "from", "to") + " )",
                        "enter", "enable", "activate", "switch", "turn on", "go into", "engage", "unlock",
                        "start", "launch", "initiate", "boot into", "run in"),
                InjectionRule.of(EN, JAILBREAK, "names a known jailbreak persona or prompt",
                        "\\b(?:" + any("dan", "stan", "dude", "aim", "evil ?bot", "anti-?dan")
                                + " " + any("mode", "prompt", "jailbreak") + "\\b|do anything now\\b|"
                                + "jailbreak(?:ing|s)? " + any("prompts?", "mode", "the (?:ai|model|assistant|bot|"
                                + "llm|chatbot|system)", "yourself", "you", "gpt", "chatgpt", "claude", "llm")
                                + "\\b|jailbroken\\b)", "dan", "stan", "dude", "aim", "evil*", "anti*",
                        "do anything now", "jailbr*"),
                InjectionRule.of(EN, JAILBREAK, "asks to bypass safety measures",
                        "\\b" + any("bypass", "circumvent", "evade", "get around", "dodge", "sidestep",
                                "break through", "jailbreak") + " (?:" + any("all", "any", "the", "your", "its",
                                "every", "these", "those", "of") + " )*(?:[a-z-]+ )?" + any("filters?",
                                "restrictions?", "guardrails?", "checks?", "safeguards?", "censorship",
                                "protections?", "limitations?", "moderation", "polic(?:y|ies)", "guidelines",
                                "constraints", "rules") + "\\b",
                        "bypass", "circumvent", "evade", "get around", "dodge", "sidestep", "break through",
                        "jailbreak").requiring(SAFEGUARD_WORDS),
                InjectionRule.of(EN, JAILBREAK, "asks to switch off safety measures",
                        "\\b" + any("disable", "turn off", "switch off", "deactivate", "remove", "ignore", "drop",
                                "lift", "forget", "abandon", "disregard") + " (?:" + any("all", "any", "the", "your",
                                "its", "every", "of") + " )*" + any("safety", "content", "ethical", "ethics",
                                "moral", "moderation", "censorship", "nsfw", "usage", "openai", "anthropic")
                                + " (?:[a-z-]+ )?" + any("filters?", "restrictions?", "guardrails?", "checks?",
                                "safeguards?", "protections?", "limitations?", "moderation", "polic(?:y|ies)",
                                "guidelines", "constraints", "rules", "principles", "protocols?", "training")
                                + "\\b", "disable", "turn off", "switch off", "deactivate", "remove", "ignor*", "drop",
                        "lift", "forget", "abandon", "disregard").requiring(List.of("safety", "content", "ethic",
                                "moral", "moderation", "censorship", "nsfw", "usage", "openai", "anthropic")),
                InjectionRule.of(EN, JAILBREAK, "asks for answers without restrictions",
                        "\\b" + any("answer", "respond", "reply", "speak", "talk", "write", "act", "behave")
                                + " (?:" + WORD + "){0,3}?without (?:any )?(?:" + any("moral", "ethical", "safety",
                                "content") + " )?" + any("restrictions", "filters", "filtering", "censorship",
                                "limitations", "limits", "ethics", "morals", "guardrails") + "\\b",
                        "answer", "respond", "reply", "speak", "talk", "write", "act",
                                "behave").requiring(List.of("without")),
                InjectionRule.of(EN, JAILBREAK, "asks the assistant to drop its ethics",
                        "\\b" + any("disregard", "ignore", "forget", "abandon", "drop") + " (?:all |any |your )?"
                                + any("ethics", "morals", "moral", "ethical principles", "safety", "principles",
                                "conscience") + "\\b", "disregard", "ignor*", "forget", "abandon", "drop")
                                        .requiring(List.of("ethic", "moral", "safety", "principle", "conscience")),
                InjectionRule.of(EN, JAILBREAK, "describes an unrestricted AI persona",
                        "\\b" + any("unrestricted", "unfiltered", "uncensored", "jailbroken", "unshackled",
                                "unchained", "amoral") + " " + any("ai", "a\\.i\\.", "assistant", "bot", "model",
                                "chatbot", "llm", "version", "gpt", "persona"), "unrestricted", "unfiltered",
                        "uncensored", "jailbroken", "unshackled", "unchained", "amoral"),

                InjectionRule.of(EN, DATA_EXFILTRATION, "asks to send conversations or credentials elsewhere",
                        "\\b" + any("forward", "send", "email", "e-mail", "mail", "post", "upload", "transfer",
                                "leak", "exfiltrate", "copy", "export") + " (?:me |us )?(?:" + WORD + "){0,6}?"
                                + any("conversations?", "chat history", "history", "inbox", "email", "emails",
                                "e-mails", "passwords?", "credentials", "api keys?", "secrets?", "tokens?",
                                "user's [a-z]+", "users' [a-z]+", "previous messages", "memory") + "\\b[^\\n]{0,80}?"
                                + "\\b(?:to|at) " + EMAIL_OR_URL,
                        "forward", "send", "email", "e-mail", "mail", "post", "upload", "transfer", "leak",
                        "exfiltrate", "copy", "export"),
                InjectionRule.of(EN, DATA_EXFILTRATION, "asks for credentials stored in the system",
                        "\\b" + any("tell", "give", "show", "list", "reveal", "print", "dump", "read", "send",
                                "story about", "output", "share") + " (?:me |us )?(?:" + WORD + "){0,4}?"
                                + any("usernames? and passwords?", "passwords?", "credentials", "api keys?",
                                "secret keys?", "access tokens?", "private keys?") + " (?:stored |kept |saved )?"
                                + any("in", "from", "of", "on") + " " + any("your", "the") + " "
                                + any("database", "db", "system", "memory", "server", "config(?:uration)?",
                                "backend", "vault", "files?", "environment"),
                        "tell", "give", "show", "list", "reveal", "print", "dump", "read", "send", "story about",
                        "output", "share").requiring(CREDENTIAL_WORDS),

                InjectionRule.of(EN, ENCODED_PAYLOAD, "asks to decode a payload and act on it",
                        "\\bdecode (?:" + WORD + "){0,4}?(?:and |then |, ?)(?:then )?" + any("execute", "run",
                                "follow", "obey", "do", "perform", "eval", "apply", "act on", "carry out")
                                + "\\b", "decode"));
    }
}
