package io.bandsmith.engine.io;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run in its own JVM by {@link BadFilesTest}: starts an atomic write (or a file set) that never finishes, says
 * "writing" and waits to be stopped by a signal; its shutdown hooks must leave no file behind.
 */
public final class InterruptedWriter {
    private InterruptedWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        if (args[0].equals("file")) {
            AtomicFiles.write(dir.resolve("out.json"), tmp -> {
                Files.writeString(tmp, "{\"half\": ");
                System.out.println("writing");
                System.out.flush();
                sleep();
            });
        } else {
            AtomicFileSet set = new AtomicFileSet(dir.resolve("best.npy"));
            Files.writeString(set.stage(dir.resolve("best.npy")), "mask");
            Files.writeString(set.stage(dir.resolve("best.png")), "picture");
            System.out.println("writing");
            System.out.flush();
            sleep();
            set.commit();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(120_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
