package dev.modelspec4j.samples.supportdesk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelspec4j.AuditRecord;
import dev.modelspec4j.Outcome;
import dev.modelspec4j.audit.AuditJson;

/** A provider's 400 error whose message repeats what the request held, and what its audit record may keep. */
final class ProviderErrors {

    static final String PASSWORD = "Tr0ub4dor&3-horse";
    static final String EMAIL = "jane.doe@example.com";

    /** An OpenAI-style error body that echoes the user's text. */
    static final String ECHOING_BODY = "{\"error\":{\"message\":\"Invalid 'messages[1].content': the text 'my"
            + " password is " + PASSWORD + ", mail me at " + EMAIL + "' is not allowed here.\","
            + "\"type\":\"invalid_request_error\",\"param\":\"messages\",\"code\":\"invalid_value\"}}";

    private ProviderErrors() {
    }

    static void assertRecordKeepsNothingOfTheBody(AuditRecord record) {
        assertThat(record.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(record.error()).contains("HTTP 400").contains("code invalid_value");
        String json = AuditJson.toJson(record);
        assertThat(json).doesNotContain(PASSWORD).doesNotContain("horse").doesNotContain(EMAIL)
                .doesNotContain("example.com").doesNotContain("not allowed").doesNotContain("password");
    }
}
