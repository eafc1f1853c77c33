package io.bandsmith.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.bandsmith.engine.io.AtomicFiles;

/** JSON output of the topology commands: pretty-printed to stdout or written atomically to a file. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    static void write(Object doc, Path out) {
        try {
            String text = MAPPER.writeValueAsString(doc) + System.lineSeparator();
            if (out == null) {
                System.out.print(text);
                System.out.flush();
            } else {
                AtomicFiles.writeString(out, text);
                System.err.println("wrote " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
