package dev.modelspec4j.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.modelspec4j.AuditRecord;
import dev.modelspec4j.ModelSpecException;
import java.time.Instant;

/** The JSON form of an audit record: one object, no line breaks. */
public final class AuditJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new SimpleModule().addSerializer(Instant.class, ToStringSerializer.instance))
            .disable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private AuditJson() {
    }

    /** The record as one line of JSON. */
    public static String toJson(AuditRecord record) {
        try {
            return MAPPER.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new ModelSpecException("audit record could not be written as JSON", e);
        }
    }
}
