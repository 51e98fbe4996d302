package dev.modelspec4j.samples.tickettriage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Drives the offline sample: broken JSON is re-asked, a phone number in the notes is masked, all audited. */
class TicketTriageAppTest {

    @Test
    void brokenJsonIsReaskedAndThePhoneNumberMasked() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        Ticket ticket = TicketTriageApp.run(TicketTriageApp.scripted(), out);

        assertThat(ticket.category()).isEqualTo(Ticket.Category.TECHNICAL);
        assertThat(ticket.priority()).isEqualTo(Ticket.Priority.URGENT);
        assertThat(ticket.dueBy()).contains(LocalDate.of(2026, 12, 4));
        assertThat(ticket.agentNotes()).isEqualTo("Works from home. Call back on [PHONE] before Friday.");
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed)
                .contains("request 2, last message:")
                .contains("The answer is not valid JSON")
                .contains("Answer with a single JSON value")
                .contains("\"ruleId\":\"triage.schema\"")
                .contains("\"ruleId\":\"triage.agentNotes.pii\"")
                .contains("\"outcome\":\"REDACTED\"");
        String audit = printed.lines().filter(l -> l.startsWith("audit:")).findFirst().orElseThrow();
        assertThat(audit).doesNotContain("668 18 00").doesNotContain("Ann");
    }
}
