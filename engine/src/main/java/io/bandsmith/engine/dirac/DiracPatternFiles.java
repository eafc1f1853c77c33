package io.bandsmith.engine.dirac;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.openlca.npy.NpyDataType;
import org.openlca.npy.NpyHeader;

import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.io.InputFiles;
import io.bandsmith.engine.io.InvalidInputException;
import io.bandsmith.engine.io.NpyFiles;

/**
 * Reads p4-dirac patterns: .npy masks of dtype uint8 or bool, values 0/1 (1 = topological), shape (N, N) or a batch
 * (B, N, N), C4-symmetric under (jx, jy) -> (−jy mod N, jx). Every problem is one {@link InvalidInputException}
 * naming the file (and the pattern of a batch).
 */
public final class DiracPatternFiles {
    private DiracPatternFiles() {
    }

    public static List<DiracPattern> read(Path file, int requiredSize) {
        InputFiles.requireReadable(file, "file");
        NpyDataType type;
        int[] shape;
        try (var in = Files.newInputStream(file)) {
            NpyHeader header = NpyHeader.read(in);
            type = header.dict().dataType();
            shape = header.dict().shape();
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException(file, "not a readable .npy file (" + e.getMessage() + ")");
        }
        String shapeText = java.util.Arrays.toString(shape).replace('[', '(').replace(']', ')');
        if (type != NpyDataType.u1 && type != NpyDataType.bool) {
            throw new InvalidInputException(file, "p4-dirac takes uint8/bool masks (1 = topological, 0 = trivial), got "
                    + "dtype " + type + " of shape " + shapeText + (type == NpyDataType.f8 || type == NpyDataType.f4
                            ? " (a potential of another case?)" : ""));
        }
        if (shape.length < 2 || shape.length > 3 || shape[shape.length - 1] != requiredSize
                || shape[shape.length - 2] != requiredSize) {
            throw new InvalidInputException(file, "p4-dirac masks are " + requiredSize + " x " + requiredSize
                    + " (N = " + requiredSize + ", shape (N, N) or (B, N, N)), got shape " + shapeText);
        }
        List<PotentialGrid> grids = NpyFiles.readPotentials(file, 1.0);
        List<DiracPattern> out = new ArrayList<>();
        for (int i = 0; i < grids.size(); i++) {
            try {
                out.add(fromGrid(grids.get(i)));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(file, (grids.size() > 1 ? "pattern " + i + ": " : "") + e.getMessage());
            }
        }
        return out;
    }

    /** Topological where the grid value is positive. */
    public static DiracPattern fromGrid(PotentialGrid grid) {
        double[] v = grid.valuesE0();
        boolean[] t = new boolean[v.length];
        for (int i = 0; i < v.length; i++) {
            t[i] = v[i] > 0;
        }
        return DiracPattern.of(grid.size(), t);
    }
}
