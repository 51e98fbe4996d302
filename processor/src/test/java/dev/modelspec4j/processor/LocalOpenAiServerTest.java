package dev.modelspec4j.processor;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.net.InetAddress;
import java.time.Duration;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Tests that talk to an OpenAI-compatible server on 127.0.0.1 through LangChain4j's real OpenAI clients: the
 * server, started afresh for each test, and the clients pointed at it.
 */
abstract class LocalOpenAiServerTest {

    MockWebServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = new MockWebServer();
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void stopServer() throws Exception {
        server.shutdown();
    }

    OpenAiChatModel openAiChatModel() {
        return OpenAiChatModel.builder()
                .baseUrl(server.url("/v1").toString())
                .apiKey("test-key")
                .modelName("gpt-4o-mini")
                .timeout(Duration.ofSeconds(10))
                .maxRetries(0)
                .build();
    }

    OpenAiStreamingChatModel openAiStreamingChatModel() {
        return OpenAiStreamingChatModel.builder()
                .baseUrl(server.url("/v1").toString())
                .apiKey("test-key")
                .modelName("gpt-4o-mini")
                .timeout(Duration.ofSeconds(10))
                .build();
    }
}
