package io.bandsmith.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * Without the Spark module on the classpath (the app module's own tests, like the workbench and the plain command
 * line), --spark fails with one line that says how to build the module; a Hadoop URI without --spark is bad input.
 */
class ScaleOutOptionTest {
    @TempDir
    Path dir;

    private static String[] runCapturingErr(int[] status, String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = BandsmithCommand.commandLine();
        cl.setErr(new PrintWriter(err, true));
        status[0] = cl.execute(args);
        return err.toString().strip().split("\n");
    }

    @Test
    void sparkWithoutTheModuleSaysHowToBuildIt() {
        int[] status = new int[1];
        String[] err = runCapturingErr(status, "explore", "--samples", "2", "--spark", "local[2]", "--out",
                dir.resolve("e.json").toString());
        assertEquals(BandsmithCommand.EXIT_FAILURE, status[0]);
        assertEquals(1, err.length, String.join("\n", err));
        assertTrue(err[0].contains("mvn -B -DskipTests package -pl spark -am"), err[0]);
        assertFalse(Files.exists(dir.resolve("e.json")));

        String[] err2 = runCapturingErr(status, "dataset", "generate", "--count", "2", "--out",
                dir.resolve("d").toString(), "--spark", "local[2]");
        assertEquals(1, err2.length, String.join("\n", err2));
        assertTrue(err2[0].contains("Spark module"), err2[0]);
    }

    @Test
    void aHadoopUriNeedsSpark() {
        int[] status = new int[1];
        String[] err = runCapturingErr(status, "dataset", "generate", "--count", "2", "--out", "hdfs://nn:8020/d");
        assertEquals(BandsmithCommand.EXIT_BAD_INPUT, status[0]);
        assertEquals(1, err.length);
        assertTrue(err[0].contains("hdfs://nn:8020/d") && err[0].contains("--spark"), err[0]);
    }
}
