package dev.modelspec4j.testing.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.chat.ChatModel;
import dev.modelspec4j.testing.ScriptedChatModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The model's answers for each case of a data set, for offline evals: a JSON Lines file of
 * {@code {"id": "...", "answers": ["first answer", "answer after a re-ask", ...]}}. Each case gets a
 * {@link ScriptedChatModel} that gives its answers in order and then repeats the last one.
 */
public final class ScriptedAnswers implements Function<EvalCase, ChatModel> {

    private final Map<String, List<String>> answers;

    public ScriptedAnswers(Map<String, List<String>> answers) {
        this.answers = Map.copyOf(answers);
    }

    public static ScriptedAnswers readJsonLines(Path file) {
        ObjectMapper json = new ObjectMapper();
        Map<String, List<String>> answers = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = json.readTree(line);
                List<String> list = new ArrayList<>();
                node.path("answers").forEach(a -> list.add(a.asText()));
                answers.put(node.path("id").asText(), list);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the scripted answers " + file, e);
        }
        return new ScriptedAnswers(answers);
    }

    @Override
    public ChatModel apply(EvalCase c) {
        List<String> list = answers.get(c.id());
        if (list == null || list.isEmpty()) {
            throw new IllegalArgumentException("no scripted answer for case " + c.id());
        }
        ScriptedChatModel.Builder builder = ScriptedChatModel.builder().repeatLast();
        list.forEach(builder::reply);
        return builder.build();
    }
}
