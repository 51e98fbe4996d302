package dev.modelspec4j.testing;

import dev.langchain4j.model.chat.request.ChatRequest;
import java.util.ArrayList;
import java.util.List;

/** The requests a scripted model received, in order. Thread-safe. */
final class RequestLog {

    private final String model;
    private final List<ChatRequest> requests = new ArrayList<>();

    RequestLog(String model) {
        this.model = model;
    }

    /** Records {@code request}; returns how many were received, this one included. */
    synchronized int add(ChatRequest request) {
        requests.add(request);
        return requests.size();
    }

    synchronized List<ChatRequest> all() {
        return List.copyOf(requests);
    }

    synchronized ChatRequest last() {
        if (requests.isEmpty()) {
            throw new IllegalStateException(model + " received no request");
        }
        return requests.get(requests.size() - 1);
    }

    synchronized int count() {
        return requests.size();
    }
}
