package io.bandsmith.engine.space3d;

/**
 * The voxel reading of a grid (conventions.md, case p4222-3d): {@code V(G) = DFT(V)[n mod L] / L^3 · Π_d sinc(G_d
 * len_d / 2L)} with G = 2π (n1, n2, n3/c) and len = (1, 1, c). Tabulated for |n_d| <= nmax as interleaved complex
 * values, index ((n1 + m) w + n2 + m) w + n3 + m with w = 2 nmax + 1.
 */
public final class VoxelFourier {
    private final int nmax;
    private final int width;
    private final double[] table;
    private final double c;
    private final double vmax;

    private VoxelFourier(int nmax, double[] table, double c, double vmax) {
        this.nmax = nmax;
        this.width = 2 * nmax + 1;
        this.table = table;
        this.c = c;
        this.vmax = vmax;
    }

    public static VoxelFourier of(VoxelGrid grid, double c, int nmax) {
        int size = grid.size();
        double[] dft = dft(grid);
        int w = 2 * nmax + 1;
        double[] table = new double[2 * w * w * w];
        double norm = 1.0 / ((double) size * size * size);
        for (int a = -nmax; a <= nmax; a++) {
            double fa = sinc(2 * Math.PI * a / (2.0 * size));
            for (int b = -nmax; b <= nmax; b++) {
                double fb = sinc(2 * Math.PI * b / (2.0 * size));
                for (int d = -nmax; d <= nmax; d++) {
                    // G_z len_z / 2L = (2 pi d / c) c / 2L: c drops out of the form factor
                    double f = fa * fb * sinc(2 * Math.PI * d / (2.0 * size)) * norm;
                    int src = ((Math.floorMod(a, size) * size + Math.floorMod(b, size)) * size + Math.floorMod(d, size));
                    int dst = ((a + nmax) * w + b + nmax) * w + d + nmax;
                    table[2 * dst] = dft[2 * src] * f;
                    table[2 * dst + 1] = dft[2 * src + 1] * f;
                }
            }
        }
        return new VoxelFourier(nmax, table, c, grid.vmax());
    }

    /**
     * DFT with the e^{-2πi n·j/L} sign (numpy's fftn), interleaved complex, C order; separable, one axis at a time
     * (L^4 operations: 0.5 M for L = 20).
     */
    static double[] dft(VoxelGrid grid) {
        int size = grid.size();
        double[] v = grid.valuesE0();
        double[] re = v.clone();
        double[] im = new double[v.length];
        double[] cos = new double[size];
        double[] sin = new double[size];
        for (int m = 0; m < size; m++) {
            cos[m] = Math.cos(2 * Math.PI * m / size);
            sin[m] = Math.sin(2 * Math.PI * m / size);
        }
        int[] strides = {size * size, size, 1};
        double[] lineRe = new double[size];
        double[] lineIm = new double[size];
        for (int axis = 0; axis < 3; axis++) {
            int stride = strides[axis];
            for (int base = 0; base < v.length; base++) {
                if ((base / stride) % size != 0) {
                    continue;
                }
                for (int n = 0; n < size; n++) {
                    double sr = 0;
                    double si = 0;
                    for (int j = 0; j < size; j++) {
                        int m = (n * j) % size;
                        double xr = re[base + j * stride];
                        double xi = im[base + j * stride];
                        sr += xr * cos[m] + xi * sin[m];
                        si += xi * cos[m] - xr * sin[m];
                    }
                    lineRe[n] = sr;
                    lineIm[n] = si;
                }
                for (int n = 0; n < size; n++) {
                    re[base + n * stride] = lineRe[n];
                    im[base + n * stride] = lineIm[n];
                }
            }
        }
        double[] data = new double[2 * v.length];
        for (int n = 0; n < v.length; n++) {
            data[2 * n] = re[n];
            data[2 * n + 1] = im[n];
        }
        return data;
    }

    static double sinc(double u) {
        return u == 0 ? 1 : Math.sin(u) / u;
    }

    public int nmax() {
        return nmax;
    }

    /** The step height of the grid (the scale of the level tolerance). */
    public double vmax() {
        return vmax;
    }

    public double c() {
        return c;
    }

    int index(int a, int b, int d) {
        return ((a + nmax) * width + b + nmax) * width + d + nmax;
    }

    public double re(int a, int b, int d) {
        return table[2 * index(a, b, d)];
    }

    public double im(int a, int b, int d) {
        return table[2 * index(a, b, d) + 1];
    }

    double[] table() {
        return table;
    }

    int width() {
        return width;
    }
}
