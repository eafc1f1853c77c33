package io.bandsmith.models.xas.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which sites of a structure are equivalent, judged by their environments: a site's fingerprint is, for every
 * element, the sorted distances to all atoms (periodic images included) within {@link #RADIUS_ANGSTROM}. Sites
 * related by a symmetry operation of the crystal have identical fingerprints, so the count of sites whose
 * fingerprint matches a given site's (within {@link #TOLERANCE_ANGSTROM}) is that site's multiplicity in the cell,
 * unless two inequivalent sites happen to share their whole environment out to the radius (then they are counted
 * together; {@code FeffRunReader} reports it when two computed sites match each other).
 */
final class SiteEnvironments {
    /** Neighbour shell radius of the fingerprint. */
    static final double RADIUS_ANGSTROM = 8.0;
    /** Two distances closer than this are the same (pymatgen's default symmetry tolerance is 0.01 Angstrom). */
    static final double TOLERANCE_ANGSTROM = 0.01;

    private final CrystalStructure structure;
    private final Map<Integer, Map<String, double[]>> cache = new TreeMap<>();

    SiteEnvironments(CrystalStructure structure) {
        this.structure = structure;
    }

    Map<String, double[]> fingerprint(int site) {
        return cache.computeIfAbsent(site, this::compute);
    }

    boolean equivalent(int a, int b) {
        if (!structure.species().get(a).equals(structure.species().get(b))) {
            return false;
        }
        if (a == b) {
            return true;
        }
        Map<String, double[]> fa = fingerprint(a);
        Map<String, double[]> fb = fingerprint(b);
        if (!fa.keySet().equals(fb.keySet())) {
            return false;
        }
        for (String el : fa.keySet()) {
            if (!sameDistances(fa.get(el), fb.get(el))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Sorted distance lists agree: every distance pairs with one of the other list within the tolerance, except
     * those so close to the radius that their partner may lie just outside it.
     */
    static boolean sameDistances(double[] a, double[] b) {
        int i = 0;
        int j = 0;
        double edge = RADIUS_ANGSTROM - 2 * TOLERANCE_ANGSTROM;
        while (i < a.length && j < b.length) {
            if (Math.abs(a[i] - b[j]) < TOLERANCE_ANGSTROM) {
                i++;
                j++;
            } else if (a[i] < b[j]) {
                if (a[i] < edge) {
                    return false;
                }
                i++;
            } else {
                if (b[j] < edge) {
                    return false;
                }
                j++;
            }
        }
        for (; i < a.length; i++) {
            if (a[i] < edge) {
                return false;
            }
        }
        for (; j < b.length; j++) {
            if (b[j] < edge) {
                return false;
            }
        }
        return true;
    }

    private Map<String, double[]> compute(int site) {
        double[][] lat = structure.lattice();
        double[][] inv = CrystalStructure.inverse(lat);
        // images needed along each axis: R times the length of the reciprocal vector (rows of inv^T = columns)
        int[] n = new int[3];
        for (int ax = 0; ax < 3; ax++) {
            double len = Math.sqrt(inv[0][ax] * inv[0][ax] + inv[1][ax] * inv[1][ax] + inv[2][ax] * inv[2][ax]);
            n[ax] = (int) Math.ceil(RADIUS_ANGSTROM * len) + 1;
        }
        double[] centre = structure.fractional().get(site);
        Map<String, List<Double>> d = new TreeMap<>();
        for (int t = 0; t < structure.size(); t++) {
            double[] f = structure.fractional().get(t);
            double[] df = new double[3];
            for (int k = 0; k < 3; k++) {
                df[k] = f[k] - centre[k];
                df[k] -= Math.rint(df[k]);
            }
            for (int a = -n[0]; a <= n[0]; a++) {
                for (int b = -n[1]; b <= n[1]; b++) {
                    for (int c = -n[2]; c <= n[2]; c++) {
                        double[] v = CrystalStructure.mul(new double[] {df[0] + a, df[1] + b, df[2] + c}, lat);
                        double r = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
                        if (r > 1e-6 && r <= RADIUS_ANGSTROM) {
                            d.computeIfAbsent(structure.species().get(t), k -> new ArrayList<>()).add(r);
                        }
                    }
                }
            }
        }
        Map<String, double[]> out = new TreeMap<>();
        d.forEach((el, list) -> {
            double[] arr = list.stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(arr);
            out.put(el, arr);
        });
        return out;
    }
}
