package io.bandsmith.app.gui.export;

import java.nio.file.Path;

import io.bandsmith.engine.bands.BandStructure;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.io.AtomicFiles;
import io.bandsmith.engine.lattice.KVector;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableDataset;
import io.jhdf.api.WritableGroup;

/**
 * Geometry and bands as one HDF5 file (jhdf), readable by h5py, with units and the case as attributes; the layout is
 * documented in docs/exports.md, with the mapping of the step potential to a two-material dielectric for MPB and
 * Meep:
 * <pre>
 * /                        format, schema, case, units_*, lattice_a1, lattice_a2, vmax_E0, source
 * /geometry/potential      float64 (L, L), E0: V[i, j] at x = (i/L) a1 + (j/L) a2 (conventions.md)
 * /geometry/mask           int32 (L, L): 1 where V >= Vmax/2 (the step), else 0
 * /geometry/epsilon        float64 (L, L): epsilon_low where mask = 1, epsilon_high elsewhere (MPB: lattice grid)
 * /geometry/epsilon_rectangular  float64 (L, round(√3 L)): the same on the rectangular cell a x √3 a (Meep)
 * /bands/path/kpoints      float64 (n, 2), 1/a;  /bands/path/energies float64 (n, bands), E0;
 * /bands/path/coordinate   float64 (n), 1/a along the path; attribute ticks: "Γ@0,K@16,..."
 * /bands/wedge/...         the same on the irreducible wedge grid, when given
 * </pre>
 */
public final class Hdf5Export {
    /** The dielectric constants of the two materials by default: a silicon-like solid (12) and air (1). */
    public static final double EPSILON_HIGH = 12.0;
    public static final double EPSILON_LOW = 1.0;
    public static final String FORMAT = "bandsmith-hdf5";
    public static final int SCHEMA = 1;
    public static final String CASE = "2D Schrödinger [-∇² + V(x)] ψ = E ψ, wallpaper group p6 with time reversal "
            + "(class AI), hexagonal lattice";

    static {
        // jhdf logs a warning per file written ("writing is in alpha") and per attribute read; the files are checked
        // by ExportsAndPolishTest (jhdf's reader) and were read with h5py (docs/exports.md)
        if (System.getProperty("org.slf4j.simpleLogger.log.io.jhdf") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.io.jhdf", "error");
        }
    }

    private Hdf5Export() {
    }

    /**
     * Writes {@code file} atomically.
     *
     * @param path bands along the path (may be null)
     * @param wedge bands on the wedge grid (may be null)
     */
    public static void write(Path file, PotentialGrid grid, BandStructure path, BandStructure wedge, String source) {
        AtomicFiles.write(file, tmp -> {
            try (WritableHdfFile h = HdfFile.write(tmp)) {
                h.putAttribute("format", FORMAT);
                h.putAttribute("schema", SCHEMA);
                h.putAttribute("case", CASE);
                h.putAttribute("units_energy", "E0 = hbar^2 / (2 m a^2)");
                h.putAttribute("units_length", "a (lattice constant)");
                h.putAttribute("units_k", "1/a");
                h.putAttribute("lattice_a1", new double[] {1, 0});
                h.putAttribute("lattice_a2", new double[] {0.5, Math.sqrt(3) / 2});
                h.putAttribute("vmax_E0", grid.vmax());
                h.putAttribute("source", source);
                writeGeometry(h.putGroup("geometry"), grid);
                if (path != null || wedge != null) {
                    WritableGroup bands = h.putGroup("bands");
                    if (path != null) {
                        writeBands(bands.putGroup("path"), path, true);
                    }
                    if (wedge != null) {
                        writeBands(bands.putGroup("wedge"), wedge, false);
                    }
                }
            }
        });
    }

    private static void writeGeometry(WritableGroup g, PotentialGrid grid) {
        int n = grid.size();
        double[][] v = new double[n][n];
        int[][] mask = new int[n][n];
        double[][] eps = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                v[i][j] = grid.value(i, j);
                mask[i][j] = grid.value(i, j) >= grid.vmax() / 2 ? 1 : 0;
                eps[i][j] = mask[i][j] == 1 ? EPSILON_LOW : EPSILON_HIGH;
            }
        }
        g.putAttribute("grid_size", n);
        g.putAttribute("grid_reading", "V[i, j] at x = (i/L) a1 + (j/L) a2, axis 0 along a1, axis 1 along a2; each "
                + "grid point owns its hexagonal pixel (conventions.md)");
        WritableDataset potential = g.putDataset("potential", v);
        potential.putAttribute("units", "E0");
        potential.putAttribute("two_valued", grid.isTwoValued() ? 1 : 0);
        WritableDataset m = g.putDataset("mask", mask);
        m.putAttribute("meaning", "1 where V >= Vmax/2 (the barrier material), 0 in the holes");
        WritableDataset e = g.putDataset("epsilon", eps);
        e.putAttribute("epsilon_high", EPSILON_HIGH);
        e.putAttribute("epsilon_low", EPSILON_LOW);
        e.putAttribute("mapping", "V = Vmax (barrier) -> epsilon_low, V = 0 (hole) -> epsilon_high: a wave is "
                + "pushed out of high V and drawn into high epsilon (docs/exports.md)");
        e.putAttribute("grid", "the lattice grid of /geometry/potential: MPB geometry-lattice with basis1 = (1, 0), "
                + "basis2 = (0.5, sqrt(3)/2)");
        int ny = (int) Math.round(Math.sqrt(3) * n);
        double[][] rect = new double[n][ny];
        for (int x = 0; x < n; x++) {
            for (int y = 0; y < ny; y++) {
                // the centre of rectangular pixel (x, y) of the cell a x √3 a, in lattice coordinates, modulo 1
                double cx = (x + 0.5) / n;
                double cy = (y + 0.5) / ny * Math.sqrt(3);
                double vv = cy / (Math.sqrt(3) / 2);
                double u = cx - 0.5 * vv;
                int[] ij = GeometryPicture.nearest(u * n, vv * n);
                int i = Math.floorMod(ij[0], n);
                int j = Math.floorMod(ij[1], n);
                rect[x][y] = eps[i][j];
            }
        }
        WritableDataset r = g.putDataset("epsilon_rectangular", rect);
        r.putAttribute("cell", new double[] {1, Math.sqrt(3)});
        r.putAttribute("grid", "rectangular cell a x sqrt(3) a (two primitive cells), axis 0 along x, axis 1 along "
                + "y, pixel centres at ((x + 1/2) a / L, (y + 1/2) sqrt(3) a / NY), nearest lattice grid point "
                + "(Meep: cell = Vector3(1, sqrt(3)))");
    }

    private static void writeBands(WritableGroup g, BandStructure b, boolean path) {
        int nk = b.kpoints().size();
        double[][] k = new double[nk][2];
        for (int i = 0; i < nk; i++) {
            KVector kv = b.kpoints().get(i);
            k[i][0] = kv.kx();
            k[i][1] = kv.ky();
        }
        g.putAttribute("kpoint_set", b.kpoints().description());
        g.putAttribute("source", b.source());
        WritableDataset kd = g.putDataset("kpoints", k);
        kd.putAttribute("units", "1/a");
        WritableDataset e = g.putDataset("energies", b.energies());
        e.putAttribute("units", "E0");
        e.putAttribute("axes", "(k point, band), bands ascending, band 1 first");
        if (path) {
            WritableDataset c = g.putDataset("coordinate", b.kpoints().pathCoordinates());
            c.putAttribute("units", "1/a");
            StringBuilder ticks = new StringBuilder();
            for (var t : b.kpoints().pathTicks()) {
                ticks.append(ticks.length() == 0 ? "" : ",").append(t.name()).append('@').append(t.index());
            }
            g.putAttribute("ticks", ticks.toString());
        }
    }
}
