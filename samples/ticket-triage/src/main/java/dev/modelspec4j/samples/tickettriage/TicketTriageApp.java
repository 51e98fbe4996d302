package dev.modelspec4j.samples.tickettriage;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.modelspec4j.AuditSink;
import dev.modelspec4j.audit.AuditJson;
import dev.modelspec4j.testing.ScriptedChatModel;
import java.io.PrintStream;

/**
 * Runs the ticket triage: offline, a scripted model first answers with broken JSON (modelspec4j re-asks with
 * the parse error) and then with a phone number in the agent notes (masked by the rule on that component).
 * With {@code OPENAI_API_KEY} set, a real model answers instead.
 */
public final class TicketTriageApp {

    static final String EMAIL = """
            Hello Acme, my R2 router has dropped the connection every evening since Monday, and I work from home.
            Please call me back on +41 44 668 18 00 before Friday 2026-12-04. Regards, Ann Muster""";

    private TicketTriageApp() {
    }

    public static void main(String[] args) {
        String apiKey = System.getenv("OPENAI_API_KEY");
        ChatModel model = apiKey == null || apiKey.isBlank() ? scripted()
                : OpenAiChatModel.builder().apiKey(apiKey).modelName("gpt-4o-mini").build();
        run(model, System.out);
    }

    /** Triage {@link #EMAIL} with {@code model}, printing the requests' last messages, the ticket and the audit. */
    static Ticket run(ChatModel model, PrintStream out) {
        AuditSink audit = record -> out.println("audit:  " + AuditJson.toJson(record));
        Ticket ticket = TicketTriage.create(model, audit).triage(EMAIL);
        if (model instanceof ScriptedChatModel scripted) {
            for (ChatRequest request : scripted.requests()) {
                out.println("request " + (scripted.requests().indexOf(request) + 1) + ", last message:");
                out.println(indent(ScriptedChatModel.lastUserText(request)));
            }
        }
        out.println("ticket: " + ticket);
        return ticket;
    }

    /** The offline model: broken JSON first, then a ticket whose notes quote the customer's phone number. */
    static ScriptedChatModel scripted() {
        return ScriptedChatModel.builder()
                .reply("Sure! Here is the ticket:\n```json\n{\"summary\": \"Router drops connection\", "
                        + "\"category\": \"TECHNICAL\", \"priority\": \"URGENT\",\n```")
                .reply("""
                        {"summary": "R2 router drops the connection every evening",
                         "category": "TECHNICAL", "priority": "URGENT", "dueBy": "2026-12-04",
                         "products": ["R2 router"],
                         "agentNotes": "Works from home. Call back on +41 44 668 18 00 before Friday."}""")
                .build();
    }

    private static String indent(String text) {
        return "    " + text.replace("\n", "\n    ");
    }
}
