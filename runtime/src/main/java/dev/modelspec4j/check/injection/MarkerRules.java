package dev.modelspec4j.check.injection;

import static dev.modelspec4j.check.injection.InjectionRule.any;
import static dev.modelspec4j.check.injection.InjectionTechnique.DELIMITER_SPOOFING;
import static dev.modelspec4j.check.injection.InjectionTechnique.FAKE_SYSTEM_MESSAGE;

import java.util.List;

/** Language-neutral markers: chat-template tokens, role tags, fake headers and section fences. */
final class MarkerRules {

    private static final String ROLE = any("system", "developer", "admin", "administrator", "sys", "root",
            "systeme", "sistema", "entwickler", "desarrollador", "developpeur");
    private static final String ROLE_KIND = any("note", "message", "prompt", "override", "update", "notice",
            "alert", "instructions?", "command", "nachricht", "hinweis", "anweisung", "mensaje", "nota",
            "instruccion", "consigne");

    private MarkerRules() {
    }

    static List<InjectionRule> rules() {
        return List.of(
                InjectionRule.of(null, FAKE_SYSTEM_MESSAGE, "contains a chat-template control token",
                        "<\\|" + any("im_start", "im_end", "system", "endoftext", "start_header_id",
                                "end_header_id", "eot_id", "begin_of_text", "assistant", "user", "developer",
                                "im_sep") + "\\|>", "<|"),
                InjectionRule.of(null, FAKE_SYSTEM_MESSAGE, "contains a model instruction tag",
                        "\\[/?inst\\]|<</?sys>>", "[inst", "[/inst", "<<sys", "<</sys"),
                InjectionRule.of(null, FAKE_SYSTEM_MESSAGE, "contains a system or developer tag",
                        "</?" + any("system", "developer", "sys", "system_prompt", "system-prompt", "instructions",
                                "admin", "root") + "(?: [^>\\n]{0,40})?>", "<system", "</system", "<developer",
                        "</developer", "<sys", "</sys", "<instructions", "</instructions", "<admin", "</admin",
                        "<root", "</root"),
                InjectionRule.of(null, FAKE_SYSTEM_MESSAGE, "opens a code block labelled as a system message",
                        "```\\s?" + any("system", "developer", "sys", "instructions", "admin") + "\\b", "```"),
                InjectionRule.of(null, FAKE_SYSTEM_MESSAGE, "contains a bracketed system or developer header",
                        "\\[ ?" + ROLE + "(?: " + ROLE_KIND + ")? ?(?:\\]|:)", "[s", "[d", "[a", "[r", "[e", "[ "),
                InjectionRule.of(null, FAKE_SYSTEM_MESSAGE, "starts a line as a system or developer message",
                        "(?<=(?:^|\\n) ?(?:#{1,6} ?|\\*\\*)?)" + ROLE + " " + ROLE_KIND + "(?:\\*\\*)? ?:", "system",
                        "developer", "admin*", "sys", "root", "systeme", "sistema", "entwickler", "desarrollador",
                        "developpeur"),
                InjectionRule.of(null, FAKE_SYSTEM_MESSAGE, "contains a system or developer heading",
                        "(?<=(?:^|\\n) ?#{1,6} ?)" + ROLE + " ?:|(?<=^|\\n)" + any("system", "developer")
                                + " ?: ?" + any("you ", "ignore", "new ", "the assistant", "from now", "override",
                                "forget", "disregard", "always", "never", "do not"), "system", "developer", "admin",
                        "sys", "root", "systeme", "sistema", "entwickler", "desarrollador", "developpeur"),
                InjectionRule.of(null, DELIMITER_SPOOFING, "imitates the fence around untrusted data",
                        "<<< ?" + any("end", "data"), "<<<"),
                InjectionRule.of(null, DELIMITER_SPOOFING, "opens or closes a section of instructions",
                        any("%{3,}", "#{2,}", "={3,}", "-{3,}", "\\*{3,}", "\\[{2,}", "\\({2,}", "/{3,}")
                                + " ?" + any("end", "begin", "start", "new", "stop", "close", "fin", "debut",
                                "ende", "anfang", "inicio") + "\\b[^\\n]{0,40}?" + any("instructions?", "prompt",
                                "system", "rules", "context", "input", "data", "document", "directives?",
                                "anweisungen", "instrucciones", "consignes"), "%%%", "##", "===", "---", "***",
                        "[[", "((", "///"),
                InjectionRule.of(null, DELIMITER_SPOOFING, "declares the end of the user's or system's input",
                        "\\b(?:end|close) of (?:the )?" + any("user", "untrusted", "system", "previous", "above",
                                "original") + " " + any("input", "data", "content", "message", "prompt", "document",
                                "context", "instructions") + "\\b", "end of", "close of"));
    }
}
