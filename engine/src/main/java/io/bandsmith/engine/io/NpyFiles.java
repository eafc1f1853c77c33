package io.bandsmith.engine.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.openlca.npy.Npy;
import org.openlca.npy.NpyArray;
import org.openlca.npy.NpyByteOrder;
import org.openlca.npy.NpyDataType;
import org.openlca.npy.NpyDoubleArray;
import org.openlca.npy.NpyHeader;
import org.openlca.npy.dict.NpyHeaderDict;

import io.bandsmith.engine.geometry.PotentialGrid;

/**
 * Potentials as NumPy {@code .npy} files (conventions.md): shape (L, L) or a batch (N, L, L), C order.
 * {@code uint8}/{@code bool} arrays are masks (V = Vmax · mask, values 0 or 1); float arrays are potentials in E0.
 * Reading and writing go through the openlca npy library; this class adds the project's checks and the
 * atomic write (temporary file, then move).
 */
public final class NpyFiles {
    private NpyFiles() {
    }

    /** The largest array read (1 GiB: 13,000 potentials of 100 x 100 float64). */
    static final long MAX_DATA_BYTES = 1L << 30;

    /** An array as read, with the dtype its header declares. */
    public record CheckedArray(NpyArray<?> array, NpyDataType type) {
    }

    /**
     * Reads any .npy array after checking its header (readable, sizes not negative, at most {@link #MAX_DATA_BYTES},
     * not truncated, C order); every problem is an {@link InvalidInputException} naming the file. Shape and dtype are
     * the caller's to check.
     */
    public static CheckedArray readChecked(Path file) {
        InputFiles.requireReadable(file, "file");
        NpyArray<?> array;
        NpyDataType type;
        try (var in = Files.newInputStream(file)) {
            NpyHeader npyHeader = NpyHeader.read(in);
            NpyHeaderDict header = npyHeader.dict();
            type = header.dataType();
            long data = header.typeSize();
            for (int d : header.shape()) {
                if (d < 0) {
                    throw new InvalidInputException(file, "not a readable .npy file (negative shape in the header)");
                }
                data = Math.multiplyHigh(data, d) != 0 || data * d < 0 ? Long.MAX_VALUE : data * d;
            }
            if (data > MAX_DATA_BYTES) {
                throw new InvalidInputException(file, "too large: the header announces "
                        + (data == Long.MAX_VALUE ? "more than 2^63" : String.valueOf(data)) + " bytes of data (at "
                        + "most " + MAX_DATA_BYTES + " are read)");
            }
            long expected = npyHeader.dataOffset() + data;
            long actual = Files.size(file);
            if (actual < expected) {
                throw new InvalidInputException(file, "file is truncated: the header announces " + expected
                        + " bytes, the file has " + actual);
            }
            array = Npy.read(file.toFile());
        } catch (InvalidInputException e) {
            throw e;
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            throw new InvalidInputException(file, "not a readable .npy file (" + describe(e) + ")");
        }
        if (array.hasColumnOrder()) {
            throw new InvalidInputException(file,
                    "array is stored in Fortran order; save it in C order (numpy.ascontiguousarray) and try again");
        }
        return new CheckedArray(array, type);
    }

    /** Reads one potential or a batch. Every problem is reported as an {@link InvalidInputException} naming the file. */
    public static List<PotentialGrid> readPotentials(Path file, double vmax) {
        CheckedArray checked = readChecked(file);
        NpyArray<?> array = checked.array();
        NpyDataType type = checked.type();
        int[] shape = array.shape();
        int count;
        int rows;
        int cols;
        if (shape.length == 2) {
            count = 1;
            rows = shape[0];
            cols = shape[1];
        } else if (shape.length == 3) {
            count = shape[0];
            rows = shape[1];
            cols = shape[2];
        } else {
            throw new InvalidInputException(file, "expected shape (L, L) or (N, L, L), got " + shapeString(shape));
        }
        if (rows != cols || rows < 3 || count < 1) {
            throw new InvalidInputException(file, "expected square grids (L, L) with L >= 3, got shape "
                    + shapeString(shape));
        }
        boolean mask = type == NpyDataType.u1 || type == NpyDataType.bool;
        boolean floating = type == NpyDataType.f4 || type == NpyDataType.f8 || type == NpyDataType.f2;
        if (!mask && !floating) {
            throw new InvalidInputException(file, "unsupported dtype " + type + " (use uint8/bool masks or float "
                    + "potentials in E0)");
        }
        double[] data = array.asDoubleArray().data();
        int per = rows * cols;
        List<PotentialGrid> grids = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            double[] v = new double[per];
            for (int n = 0; n < per; n++) {
                double x = data[s * per + n];
                if (mask) {
                    if (x != 0 && x != 1) {
                        throw new InvalidInputException(file, "mask " + (count > 1 ? s + " " : "") + "holds the value "
                                + x + " at [" + n / cols + ", " + n % cols + "]; uint8/bool masks must be 0 or 1");
                    }
                    v[n] = x * vmax;
                } else {
                    if (!Double.isFinite(x)) {
                        throw new InvalidInputException(file, "potential " + (count > 1 ? s + " " : "") + "has " + x
                                + " at [" + n / cols + ", " + n % cols + "]");
                    }
                    v[n] = x;
                }
            }
            grids.add(PotentialGrid.of(rows, v, vmax));
        }
        return grids;
    }

    /** Writes potentials as float64 in E0, shape (L, L) for one grid or (N, L, L). Atomic. */
    public static void writePotentials(Path file, List<PotentialGrid> grids) {
        requireSameSize(grids);
        int size = grids.get(0).size();
        int per = size * size;
        double[] data = new double[grids.size() * per];
        for (int s = 0; s < grids.size(); s++) {
            System.arraycopy(grids.get(s).valuesE0(), 0, data, s * per, per);
        }
        int[] shape = grids.size() == 1 ? new int[] {size, size} : new int[] {grids.size(), size, size};
        AtomicFiles.write(file, tmp -> Npy.write(tmp.toFile(), new NpyDoubleArray(shape, data, false)));
    }

    /**
     * Writes two-valued potentials as uint8 masks (1 where V = Vmax), shape (L, L) or (N, L, L). Atomic. Throws if a
     * grid is not two-valued.
     */
    public static void writeMasks(Path file, List<PotentialGrid> grids) {
        requireSameSize(grids);
        int size = grids.get(0).size();
        int per = size * size;
        byte[] data = new byte[grids.size() * per];
        for (int s = 0; s < grids.size(); s++) {
            PotentialGrid g = grids.get(s);
            if (!g.isTwoValued()) {
                throw new IllegalArgumentException("potential " + s + " is not two-valued (0 or Vmax); write it as "
                        + "float instead of a mask");
            }
            double[] v = g.valuesE0();
            for (int n = 0; n < per; n++) {
                data[s * per + n] = (byte) (v[n] == 0 ? 0 : 1);
            }
        }
        int[] shape = grids.size() == 1 ? new int[] {size, size} : new int[] {grids.size(), size, size};
        NpyHeaderDict header = NpyHeaderDict.of(NpyDataType.u1).withShape(shape).withByteOrder(NpyByteOrder.NOT_APPLICABLE)
                .withFortranOrder(false).create();
        AtomicFiles.write(file, tmp -> Npy.write(tmp.toFile(), header, data));
    }

    private static void requireSameSize(List<PotentialGrid> grids) {
        if (grids.isEmpty()) {
            throw new IllegalArgumentException("nothing to write");
        }
        for (PotentialGrid g : grids) {
            if (g.size() != grids.get(0).size()) {
                throw new IllegalArgumentException("all grids in one file must have the same size");
            }
        }
    }

    private static String shapeString(int[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i > 0 ? ", " : "").append(shape[i]);
        }
        return sb.append(shape.length == 1 ? ",)" : ")").toString();
    }

    private static String describe(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getMessage() == null) {
            t = t.getCause();
        }
        if (t instanceof OutOfMemoryError) {
            return "its header announces more data than memory holds";
        }
        return t.getMessage() == null ? "damaged" : t.getMessage().replace('\n', ' ');
    }

}
