package io.bandsmith.models.dataset;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.openlca.npy.Npy;
import org.openlca.npy.NpyArray;
import org.openlca.npy.NpyByteArray;
import org.openlca.npy.NpyByteOrder;
import org.openlca.npy.NpyDataType;
import org.openlca.npy.NpyDoubleArray;
import org.openlca.npy.NpyLongArray;
import org.openlca.npy.Npz;
import org.openlca.npy.dict.NpyHeaderDict;

import io.bandsmith.engine.io.NonClosingOutputStream;
import io.bandsmith.engine.bands.BandStructure;
import io.bandsmith.engine.bands.HighSymmetryLevels;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.io.AtomicFiles;
import io.bandsmith.engine.io.InvalidInputException;

/**
 * One shard of a dataset as a NumPy {@code .npz} (open with {@code numpy.load}):
 * <ul>
 * <li>{@code seeds} int64 [n] — generator seeds (the potential is reproducible from seed and metadata),</li>
 * <li>{@code masks} uint8 [n, ceil(L²/8)] — the step masks, bit-packed like {@code numpy.packbits} (big-endian bits,
 * row-major V[i, j]); unpack with {@code np.unpackbits(m, axis=1)[:, :L*L].reshape(n, L, L)},</li>
 * <li>{@code energies} float64 [n, K, B] — bands in E0 on the wedge grid,</li>
 * <li>{@code hsp_energies} float64 [n, 3, B] and {@code hsp_labels} int8 [n, 3, B] — levels at G, K, M and their |m|
 * (symbols in the metadata).</li>
 * </ul>
 *
 * @param seeds per sample
 * @param masks per sample, L*L booleans row-major
 */
public record DatasetShard(long[] seeds, boolean[][] masks, double[][][] energies, double[][][] hspEnergies,
        byte[][][] hspLabels) {
    static final String[] POINTS = {"G", "K", "M"};

    public int size() {
        return seeds.length;
    }

    static DatasetShard of(long[] seeds, List<PotentialGrid> grids, List<BandStructure> bands, int bandCount) {
        int n = seeds.length;
        boolean[][] masks = new boolean[n][];
        double[][][] e = new double[n][][];
        double[][][] he = new double[n][3][bandCount];
        byte[][][] hl = new byte[n][3][bandCount];
        for (int s = 0; s < n; s++) {
            double[] v = grids.get(s).valuesE0();
            masks[s] = new boolean[v.length];
            for (int i = 0; i < v.length; i++) {
                masks[s][i] = v[i] != 0;
            }
            e[s] = bands.get(s).energies();
            for (int p = 0; p < 3; p++) {
                HighSymmetryLevels l = bands.get(s).highSymmetry(POINTS[p]);
                for (int b = 0; b < bandCount; b++) {
                    he[s][p][b] = l.energy(b);
                    hl[s][p][b] = (byte) l.label(b).absM();
                }
            }
        }
        return new DatasetShard(seeds, masks, e, he, hl);
    }

    /** Writes the shard atomically (the bytes of {@link #toNpz()}). */
    void write(Path file) {
        byte[] npz = toNpz();
        AtomicFiles.write(file, tmp -> Files.write(tmp, npz));
    }

    /**
     * The shard as {@code .npz} bytes. The bytes depend on the content only (entries in a fixed order with a fixed
     * time stamp), so that the same seeds give the same file whichever run, thread count or machine computed them.
     */
    public byte[] toNpz() {
        int n = size();
        int cells = masks[0].length;
        int packed = (cells + 7) / 8;
        byte[] bits = new byte[n * packed];
        for (int s = 0; s < n; s++) {
            for (int i = 0; i < cells; i++) {
                if (masks[s][i]) {
                    bits[s * packed + i / 8] |= (byte) (0x80 >>> (i % 8));
                }
            }
        }
        int k = energies[0].length;
        int b = energies[0][0].length;
        double[] e = new double[n * k * b];
        double[] he = new double[n * 3 * b];
        byte[] hl = new byte[n * 3 * b];
        for (int s = 0; s < n; s++) {
            for (int q = 0; q < k; q++) {
                System.arraycopy(energies[s][q], 0, e, (s * k + q) * b, b);
            }
            for (int p = 0; p < 3; p++) {
                System.arraycopy(hspEnergies[s][p], 0, he, (s * 3 + p) * b, b);
                System.arraycopy(hspLabels[s][p], 0, hl, (s * 3 + p) * b, b);
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            writeEntry(zip, "seeds.npy", new NpyLongArray(new int[] {n}, seeds, false));
            writeUint8(zip, "masks.npy", new int[] {n, packed}, bits);
            writeEntry(zip, "energies.npy", new NpyDoubleArray(new int[] {n, k, b}, e, false));
            writeEntry(zip, "hsp_energies.npy", new NpyDoubleArray(new int[] {n, 3, b}, he, false));
            writeEntry(zip, "hsp_labels.npy", new NpyByteArray(new int[] {n, 3, b}, hl, false));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return bytes.toByteArray();
    }

    /** Entries carry a fixed time (1980-01-01, the earliest zip time), not the wall clock: reproducible bytes. */
    private static ZipEntry entry(String name) {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(java.time.LocalDateTime.of(1980, 1, 1, 0, 0));
        return entry;
    }

    private static void writeEntry(ZipOutputStream zip, String name, NpyArray<?> array) throws IOException {
        zip.putNextEntry(entry(name));
        Npy.write(new NonClosingOutputStream(zip), array);
        zip.closeEntry();
    }

    private static void writeUint8(ZipOutputStream zip, String name, int[] shape, byte[] data) throws IOException {
        NpyHeaderDict header = NpyHeaderDict.of(NpyDataType.u1).withShape(shape)
                .withByteOrder(NpyByteOrder.NOT_APPLICABLE).withFortranOrder(false).create();
        zip.putNextEntry(entry(name));
        OutputStream out = zip;
        out.write(header.toNpyHeader());
        out.write(data);
        zip.closeEntry();
    }

    /** Reads a shard written by {@link #write}; a damaged file is reported with its name. */
    public static DatasetShard read(Path file, int gridSize) {
        try {
            java.io.File f = file.toFile();
            long[] seeds = Npz.read(f, "seeds.npy").asLongArray().data();
            int n = seeds.length;
            NpyArray<?> m = Npz.read(f, "masks.npy");
            if (m.shape().length != 2 || m.shape()[0] != n || m.shape()[1] * 8L < (long) gridSize * gridSize) {
                throw new InvalidInputException(file, "not a readable dataset shard (masks of shape "
                        + java.util.Arrays.toString(m.shape()) + " for " + n + " seeds)");
            }
            int packed = m.shape()[1];
            int[] maskInts = m.asIntArray().data();
            boolean[][] masks = new boolean[n][gridSize * gridSize];
            for (int s = 0; s < n; s++) {
                for (int i = 0; i < gridSize * gridSize; i++) {
                    masks[s][i] = (maskInts[s * packed + i / 8] & (0x80 >>> (i % 8))) != 0;
                }
            }
            NpyArray<?> ea = Npz.read(f, "energies.npy");
            if (ea.shape().length != 3 || ea.shape()[0] != n || ea.shape()[1] < 1 || ea.shape()[2] < 1) {
                throw new InvalidInputException(file, "not a readable dataset shard (energies of shape "
                        + java.util.Arrays.toString(ea.shape()) + " for " + n + " seeds)");
            }
            int k = ea.shape()[1];
            int b = ea.shape()[2];
            double[] e = ea.asDoubleArray().data();
            double[] he = Npz.read(f, "hsp_energies.npy").asDoubleArray().data();
            int[] hl = Npz.read(f, "hsp_labels.npy").asIntArray().data();
            if (e.length != n * k * b || he.length != n * 3 * b || hl.length != n * 3 * b) {
                throw new InvalidInputException(file, "not a readable dataset shard (array sizes do not match)");
            }
            double[][][] energies = new double[n][k][b];
            double[][][] hspE = new double[n][3][b];
            byte[][][] hspL = new byte[n][3][b];
            for (int s = 0; s < n; s++) {
                for (int q = 0; q < k; q++) {
                    System.arraycopy(e, (s * k + q) * b, energies[s][q], 0, b);
                }
                for (int p = 0; p < 3; p++) {
                    System.arraycopy(he, (s * 3 + p) * b, hspE[s][p], 0, b);
                    for (int j = 0; j < b; j++) {
                        hspL[s][p][j] = (byte) hl[(s * 3 + p) * b + j];
                    }
                }
            }
            return new DatasetShard(seeds, masks, energies, hspE, hspL);
        } catch (InvalidInputException e) {
            throw e;
        } catch (RuntimeException | OutOfMemoryError e) {
            // a damaged header can announce arrays larger than memory; the file is refused, not the program
            throw new InvalidInputException(file, "not a readable dataset shard (" + (e.getMessage() == null
                    ? "damaged" : e.getMessage().replace('\n', ' ')) + ")");
        }
    }
}
