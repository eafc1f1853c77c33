package io.bandsmith.models.xas;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.bandsmith.engine.io.InvalidInputException;
import io.bandsmith.models.xas.io.XasFileReader;

/**
 * Damaged copies of the real XDI and FEFF files (truncated, bytes changed, lines dropped or doubled, numbers
 * replaced): every one is either read or refused with an {@link InvalidInputException} whose one-line message names
 * the damaged file (or its run folder); no other exception escapes.
 */
class XasRealFormatsRobustnessTest {
    private static final int CASES = 100;

    @TempDir
    Path tmp;

    @Test
    void damagedXdiFilesAreReadOrRefusedCleanly() throws IOException {
        Random rng = new Random(17);
        String[] sources = {"xdi/Hansel2001_magnetite_xanes_001.xdi", "xdi/pyrite2_rt_01.xdi",
            "xdi/SrCO3_12K_02.xdi"};
        for (int c = 0; c < CASES; c++) {
            byte[] original = Files.readAllBytes(XasTestFiles.resource(sources[c % sources.length]));
            Path f = tmp.resolve("case" + c + ".xdi");
            Files.write(f, damage(original, rng));
            check(f, f);
        }
    }

    @Test
    void damagedFeffRunsAreReadOrRefusedCleanly() throws IOException {
        Random rng = new Random(18);
        Path src = XasTestFiles.resource("feff/mp-1022728");
        for (int c = 0; c < CASES; c++) {
            Path material = tmp.resolve("mp-" + c);
            Path run = material.resolve("FEFF-XANES").resolve("000_Cu");
            Files.createDirectories(run);
            String[] names = {"feff.inp", "xmu.dat", "POSCAR"};
            int victim = c % names.length;
            for (int i = 0; i < names.length; i++) {
                Path from = i == 2 ? src.resolve("POSCAR") : src.resolve("FEFF-XANES/000_Cu").resolve(names[i]);
                Path to = i == 2 ? material.resolve("POSCAR") : run.resolve(names[i]);
                byte[] b = Files.readAllBytes(from);
                Files.write(to, i == victim ? damage(b, rng) : b);
            }
            check(material, material);
        }
    }

    @Test
    void implausibleLatticeIsRefusedNotSearchedForever() throws IOException {
        Path src = XasTestFiles.resource("feff/mp-1022728");
        Path material = tmp.resolve("tiny");
        Path run = material.resolve("FEFF-XANES").resolve("000_Cu");
        Files.createDirectories(run);
        for (String n : new String[] {"feff.inp", "xmu.dat"}) {
            Files.copy(src.resolve("FEFF-XANES/000_Cu").resolve(n), run.resolve(n));
        }
        // scale factor 1e-5: lattice vectors of a few 1e-5 Angstrom
        List<String> poscar = new ArrayList<>(Files.readAllLines(src.resolve("POSCAR")));
        poscar.set(1, "0.00001");
        Files.write(material.resolve("POSCAR"), poscar);
        try {
            XasFileReader.read(material);
            fail("accepted a POSCAR with a 1e-5 scale");
        } catch (InvalidInputException e) {
            assertTrue(e.getMessage().startsWith(material.resolve("POSCAR").toString()), e.getMessage());
            assertTrue(e.getMessage().contains("implausible lattice"), e.getMessage());
        }
    }

    private static void check(Path input, Path named) {
        try {
            XasFileReader.read(input);
        } catch (InvalidInputException e) {
            String m = e.getMessage();
            assertTrue(m.startsWith(named.toString()), m);
            assertFalse(m.contains("\n"), m);
        } catch (RuntimeException e) {
            fail(input + ": " + e.getClass().getName() + ": " + e.getMessage(), e);
        }
    }

    /** One random kind of damage. */
    static byte[] damage(byte[] b, Random rng) {
        String text = new String(b, StandardCharsets.ISO_8859_1);
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        switch (rng.nextInt(6)) {
            case 0:
                return Arrays.copyOf(b, rng.nextInt(b.length));
            case 1: {
                byte[] d = b.clone();
                for (int k = 0; k < 1 + rng.nextInt(8); k++) {
                    d[rng.nextInt(d.length)] = (byte) rng.nextInt(256);
                }
                return d;
            }
            case 2:
                for (int k = 0; k < 1 + rng.nextInt(5) && lines.size() > 1; k++) {
                    lines.remove(rng.nextInt(lines.size()));
                }
                break;
            case 3: {
                int i = rng.nextInt(lines.size());
                lines.add(i, lines.get(i));
                break;
            }
            case 4: {
                String[] junk = {"NaN", "-1e400", "Infinity", "x", "", "0", "-0", "1e-320", "999999999999"};
                int i = rng.nextInt(lines.size());
                String[] w = lines.get(i).trim().split("\\s+");
                w[rng.nextInt(w.length)] = junk[rng.nextInt(junk.length)];
                lines.set(i, String.join(" ", w));
                break;
            }
            default:
                return new byte[0];
        }
        return String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
    }
}
