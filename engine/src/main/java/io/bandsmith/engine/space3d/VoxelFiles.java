package io.bandsmith.engine.space3d;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.openlca.npy.Npy;
import org.openlca.npy.NpyArray;
import org.openlca.npy.NpyByteOrder;
import org.openlca.npy.NpyDataType;
import org.openlca.npy.NpyDoubleArray;
import org.openlca.npy.dict.NpyHeaderDict;

import io.bandsmith.engine.io.AtomicFiles;
import io.bandsmith.engine.io.InvalidInputException;
import io.bandsmith.engine.io.NpyFiles;

/**
 * Voxel potentials of the p4222-3d case as NumPy {@code .npy}: shape (L, L, L) or a batch (N, L, L, L), C order;
 * uint8/bool masks (V = Vmax · mask) or float potentials in E0. Every problem is one {@link InvalidInputException}
 * naming the file: not .npy, a 2D grid (a 2D case's file), not L = 20 (the case's grid), NaN, asymmetric (the first
 * broken operation of No. 93).
 */
public final class VoxelFiles {
    /** The case's grid size (conventions.md). */
    public static final int SIZE = 20;

    private VoxelFiles() {
    }

    /** Reads and checks: shape (20,20,20) or (N,20,20,20), finite, symmetric under the eight operations. */
    public static List<VoxelGrid> readSymmetric(Path file, double vmax) {
        List<VoxelGrid> grids = read(file, vmax);
        for (int s = 0; s < grids.size(); s++) {
            int broken = grids.get(s).firstBrokenOperation(1e-6 * vmax);
            if (broken >= 0) {
                throw new InvalidInputException(file, (grids.size() > 1 ? "potential " + s + ": " : "")
                        + "not symmetric under the operation " + SpaceGroup93.OPERATIONS.get(broken).name()
                        + " of P4_222 (No. 93), the first broken one of the eight (conventions.md)");
            }
        }
        return grids;
    }

    /** Reads and checks the shape and values (no symmetry check). */
    public static List<VoxelGrid> read(Path file, double vmax) {
        NpyFiles.CheckedArray checked = NpyFiles.readChecked(file);
        NpyArray<?> array = checked.array();
        NpyDataType type = checked.type();
        int[] shape = array.shape();
        if (shape.length == 2 || (shape.length == 3 && shape[1] == shape[2] && shape[0] != shape[1])) {
            throw new InvalidInputException(file, "holds 2D grids of shape " + shapeString(shape) + "; the p4222-3d "
                    + "case reads 3D voxel grids of shape (20, 20, 20) or (N, 20, 20, 20)");
        }
        int count;
        if (shape.length == 3) {
            count = 1;
        } else if (shape.length == 4) {
            count = shape[0];
        } else {
            throw new InvalidInputException(file, "expected shape (20, 20, 20) or (N, 20, 20, 20), got "
                    + shapeString(shape));
        }
        int off = shape.length - 3;
        for (int d = 0; d < 3; d++) {
            if (shape[off + d] != SIZE) {
                throw new InvalidInputException(file, "expected 20 x 20 x 20 voxel grids (conventions.md, p4222-3d), "
                        + "got shape " + shapeString(shape));
            }
        }
        if (count < 1) {
            throw new InvalidInputException(file, "holds no potential (shape " + shapeString(shape) + ")");
        }
        boolean mask = type == NpyDataType.u1 || type == NpyDataType.bool;
        boolean floating = type == NpyDataType.f4 || type == NpyDataType.f8 || type == NpyDataType.f2;
        if (!mask && !floating) {
            throw new InvalidInputException(file, "unsupported dtype " + type + " (use uint8/bool masks or float "
                    + "potentials in E0)");
        }
        double[] data = array.asDoubleArray().data();
        int per = SIZE * SIZE * SIZE;
        List<VoxelGrid> grids = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            double[] v = new double[per];
            for (int n = 0; n < per; n++) {
                double x = data[s * per + n];
                String where = "[" + n / (SIZE * SIZE) + ", " + n / SIZE % SIZE + ", " + n % SIZE + "]";
                if (mask) {
                    if (x != 0 && x != 1) {
                        throw new InvalidInputException(file, "mask " + (count > 1 ? s + " " : "") + "holds the value "
                                + x + " at " + where + "; uint8/bool masks must be 0 or 1");
                    }
                    v[n] = x * vmax;
                } else {
                    if (!Double.isFinite(x)) {
                        throw new InvalidInputException(file, "potential " + (count > 1 ? s + " " : "") + "has " + x
                                + " at " + where);
                    }
                    v[n] = x;
                }
            }
            grids.add(VoxelGrid.of(SIZE, v, vmax));
        }
        return grids;
    }

    /** Writes grids atomically: uint8 masks when all are two-valued, else float64 in E0; (L,L,L) or (N,L,L,L). */
    public static void write(Path file, List<VoxelGrid> grids) {
        int size = grids.get(0).size();
        int per = size * size * size;
        int[] shape = grids.size() == 1 ? new int[] {size, size, size} : new int[] {grids.size(), size, size, size};
        boolean masks = grids.stream().allMatch(VoxelGrid::isTwoValued);
        if (masks) {
            byte[] data = new byte[grids.size() * per];
            for (int s = 0; s < grids.size(); s++) {
                double[] v = grids.get(s).valuesE0();
                for (int n = 0; n < per; n++) {
                    data[s * per + n] = (byte) (v[n] == 0 ? 0 : 1);
                }
            }
            NpyHeaderDict header = NpyHeaderDict.of(NpyDataType.u1).withShape(shape)
                    .withByteOrder(NpyByteOrder.NOT_APPLICABLE).withFortranOrder(false).create();
            AtomicFiles.write(file, tmp -> Npy.write(tmp.toFile(), header, data));
        } else {
            double[] data = new double[grids.size() * per];
            for (int s = 0; s < grids.size(); s++) {
                System.arraycopy(grids.get(s).valuesE0(), 0, data, s * per, per);
            }
            AtomicFiles.write(file, tmp -> Npy.write(tmp.toFile(), new NpyDoubleArray(shape, data, false)));
        }
    }

    private static String shapeString(int[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i > 0 ? ", " : "").append(shape[i]);
        }
        return sb.append(shape.length == 1 ? ",)" : ")").toString();
    }
}
