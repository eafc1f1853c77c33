package io.bandsmith.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.bandsmith.engine.lattice.KPointSet;

/** Issue 18, defects 6, 7, 8 and 10: sizes in 64 bits, folders named as such, outputs that say why, no temporaries. */
class BadFilesTest {
    @TempDir
    Path dir;

    /** A .npy header for the shape, followed by a few bytes of data. */
    private Path npyHeader(String name, String shape) throws Exception {
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': " + shape + ", }";
        int total = 10 + dict.length() + 1;
        int pad = (64 - total % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        byte[] magic = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) (header.length() & 0xff),
            (byte) (header.length() >> 8)};
        Path p = dir.resolve(name);
        Files.write(p, magic);
        Files.write(p, header.getBytes(StandardCharsets.US_ASCII), java.nio.file.StandardOpenOption.APPEND);
        Files.write(p, new byte[1000], java.nio.file.StandardOpenOption.APPEND);
        return p;
    }

    @Test
    void headerSizesAreSixtyFourBit() throws Exception {
        Path big = npyHeader("big.npy", "(50000, 50000)");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> NpyFiles.readPotentials(big, 256));
        assertTrue(e.getMessage().contains("too large") && e.getMessage().contains("20000000000 bytes"),
                e.getMessage());
        Path cut = npyHeader("cut.npy", "(100, 100)");
        e = assertThrows(InvalidInputException.class, () -> NpyFiles.readPotentials(cut, 256));
        long size = Files.size(cut);
        assertTrue(e.getMessage().contains("the file has " + size), e.getMessage());
        assertTrue(e.getMessage().contains("announces " + (size - 1000 + 80000) + " bytes"), e.getMessage());
    }

    @Test
    void aDirectoryIsCalledADirectory() throws Exception {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> NpyFiles.readPotentials(dir, 256));
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> KPointSet.readCsv(dir));
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> NpyFiles.readPotentials(dir.resolve("none.npy"), 256));
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }

    @Test
    void outputsThatCannotBeWrittenSayWhy() throws Exception {
        Path file = dir.resolve("a.txt");
        Files.writeString(file, "x");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> AtomicFiles.writeString(Path.of(""), "y"));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> AtomicFiles.writeString(file.resolve("b.json"), "y"));
        assertTrue(e.getMessage().contains("is a file, not a folder"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> AtomicFiles.writeString(dir, "y"));
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
        assertEquals("x", Files.readString(file));
        try (var s = Files.list(dir)) {
            assertEquals(List.of(file), s.toList());
        }
    }

    /** Starts {@link InterruptedWriter} in its own JVM, waits until it writes, stops it with SIGTERM. */
    private void interruptWhileWriting(String mode) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                InterruptedWriter.class.getName(), mode, dir.toString()).redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line = r.readLine();
            assertEquals("writing", line);
            p.destroy();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the writer did not stop");
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void anInterruptedAtomicWriteLeavesNoTemporary() throws Exception {
        interruptWhileWriting("file");
        try (var s = Files.list(dir)) {
            assertEquals(List.of(), s.toList(), "a temporary or a partial file stayed behind");
        }
    }

    @Test
    void anInterruptedFileSetLeavesNothing() throws Exception {
        interruptWhileWriting("set");
        try (var s = Files.list(dir)) {
            assertEquals(List.of(), s.toList(), "part of a file set or its staging folder stayed behind");
        }
    }

    @Test
    void aCommittedFileSetIsComplete() throws Exception {
        try (AtomicFileSet set = new AtomicFileSet(dir.resolve("d.npy"))) {
            Files.writeString(set.stage(dir.resolve("d.npy")), "1");
            Files.writeString(set.stage(dir.resolve("d.svg")), "2");
            assertFalse(Files.exists(dir.resolve("d.npy")));
            set.commit();
            assertEquals(AtomicFileSet.State.COMPLETE, set.state());
        }
        try (var s = Files.list(dir)) {
            assertEquals(2, s.count());
        }
        assertEquals("2", Files.readString(dir.resolve("d.svg")));
    }

    @Test
    void staleTemporariesOfAnInterruptedRunAreRemoved() throws Exception {
        Files.writeString(dir.resolve(".shard-00002.npz.123.tmp"), "half");
        Files.writeString(dir.resolve("shard-00001.npz"), "kept");
        assertEquals(1, AtomicFiles.removeStaleTemporaries(dir));
        try (var s = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("shard-00001.npz")), s.toList());
        }
    }

    @Test
    void aResumedOutputRemovesTheTemporariesOfItsKilledPredecessor() throws Exception {
        Files.writeString(dir.resolve(".map.jsonl.99.tmp"), "half");
        Files.writeString(dir.resolve(".other.json.98.tmp"), "someone else's");
        Files.createDirectories(dir.resolve(".best.npy.set-123").resolve("x"));
        assertEquals(1, AtomicFiles.removeStaleTemporariesOf(dir.resolve("map.jsonl")));
        try (AtomicFileSet set = new AtomicFileSet(dir.resolve("best.npy"))) {
            assertFalse(Files.exists(dir.resolve(".best.npy.set-123")), "a killed run's staging folder stayed");
        }
        try (var s = Files.list(dir)) {
            assertEquals(List.of(dir.resolve(".other.json.98.tmp")), s.toList());
        }
    }
}
