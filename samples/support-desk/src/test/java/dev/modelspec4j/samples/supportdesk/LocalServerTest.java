package dev.modelspec4j.samples.supportdesk;

import java.net.InetAddress;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A test against an OpenAI-compatible server started for each test on 127.0.0.1. */
abstract class LocalServerTest {

    protected MockWebServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = new MockWebServer();
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void stopServer() throws Exception {
        server.shutdown();
    }
}
