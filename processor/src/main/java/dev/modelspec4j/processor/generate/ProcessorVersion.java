package dev.modelspec4j.processor.generate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The processor's Maven version, from a resource the build fills in. Generated classes hand it to the runtime,
 * which refuses a class written by another release: the API generated code calls changes between releases.
 */
public final class ProcessorVersion {

    private static final String VERSION = read();

    private ProcessorVersion() {
    }

    /** The Maven version of {@code modelspec4j-processor}. */
    public static String get() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = ProcessorVersion.class.getResourceAsStream("processor.properties")) {
            if (in == null) {
                throw new IllegalStateException("processor.properties is missing from modelspec4j-processor");
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "");
            if (version.isEmpty() || version.startsWith("${")) {
                throw new IllegalStateException("processor.properties of modelspec4j-processor names no version");
            }
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
