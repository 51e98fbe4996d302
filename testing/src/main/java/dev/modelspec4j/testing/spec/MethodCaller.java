package dev.modelspec4j.testing.spec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Calls one method of an assistant from a spec document's description of its parameters: the user's text goes
 * to the user message, variables and untrusted data come from a map (by template variable or parameter name),
 * the memory id is given. Testing tools only: reflection never sits on the call path of an application.
 */
public final class MethodCaller {

    private final Method method;
    private final List<JsonNode> parameters = new ArrayList<>();
    private final String userTemplate;

    public MethodCaller(Class<?> assistant, JsonNode methodDocument) {
        methodDocument.path("parameters").forEach(parameters::add);
        this.userTemplate = methodDocument.path("userMessage").asText();
        String name = methodDocument.path("name").asText();
        Method found = null;
        for (Method candidate : assistant.getMethods()) {
            if (candidate.getName().equals(name) && candidate.getParameterCount() == parameters.size()
                    && sameTypes(candidate)) {
                found = candidate;
            }
        }
        if (found == null) {
            throw new IllegalArgumentException(assistant.getName() + " has no method " + name + " with the "
                    + parameters.size() + " parameters of its spec document: is the document stale?");
        }
        this.method = found;
    }

    private boolean sameTypes(Method candidate) {
        Class<?>[] types = candidate.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            String declared = parameters.get(i).path("type").asText();
            String erased = declared.contains("<") ? declared.substring(0, declared.indexOf('<')) : declared;
            if (!types[i].getCanonicalName().equals(erased)) {
                return false;
            }
        }
        return true;
    }

    public Method method() {
        return method;
    }

    /**
     * Calls the method on {@code target}.
     *
     * @param user the user's text
     * @param values other arguments, by template variable name or parameter name; missing ones are null
     * @param memoryId the memory id, for a method that has one
     * @return the answer as text
     * @throws RuntimeException whatever the method throws, e.g. a {@code SpecViolationException}
     */
    public String call(Object target, String user, Map<String, String> values, String memoryId) {
        Object[] arguments = new Object[parameters.size()];
        boolean userPlaced = false;
        for (int i = 0; i < arguments.length; i++) {
            JsonNode p = parameters.get(i);
            String name = p.path("name").asText();
            String variable = p.path("variable").asText(name);
            switch (p.path("role").asText()) {
                case "memoryId" -> arguments[i] = memoryId;
                case "userMessage" -> {
                    arguments[i] = user;
                    userPlaced = true;
                }
                default -> arguments[i] = values.getOrDefault(variable, values.get(name));
            }
        }
        if (!userPlaced) {
            // The user message is a template: the user's text fills its first variable.
            for (int i = 0; i < arguments.length; i++) {
                JsonNode p = parameters.get(i);
                if (p.path("role").asText().equals("variable")
                        && userTemplate.contains("{{" + p.path("variable").asText() + "}}")) {
                    arguments[i] = user;
                    break;
                }
            }
        }
        for (int i = 0; i < arguments.length; i++) {
            Class<?> type = method.getParameterTypes()[i];
            if (arguments[i] != null && !type.isInstance(arguments[i])) {
                arguments[i] = null;
            }
        }
        Object answer;
        try {
            answer = method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        return text(answer);
    }

    private static String text(Object answer) {
        if (answer instanceof AiMessage message) {
            return message.text();
        }
        if (answer instanceof ChatResponse response) {
            return response.aiMessage().text();
        }
        return answer == null ? null : answer.toString();
    }
}
