package io.bandsmith.models.xas.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.JDKRandomGenerator;
import org.apache.commons.math3.stat.correlation.Covariance;

import io.bandsmith.models.xas.XasSpectrum;
import io.bandsmith.models.xas.classifier.PcaKMeansTopologyModel;

/**
 * Do two sets of spectra of one element look alike? Both are turned into vectors the same way (see
 * {@link Vectorizer}), then (1) a joint PCA (first two components) with k-means++ (k = 2) on those coordinates, the
 * view of the paper's fig. 2 applied to reference and other spectra together: if the clusters split the sets
 * apart, they do not look alike; (2) each spectrum's distance (rms over the vector) to the nearest reference
 * spectrum, compared with the 95th percentile of the reference spectra's distances to their nearest other
 * reference spectrum.
 */
public final class SpectraComparison {
    /** Fewest reference spectra a comparison accepts. */
    public static final int MIN_REFERENCE = 7;

    /** How a spectrum becomes a vector. */
    public interface Vectorizer {
        double[] vector(XasSpectrum s);
    }

    /** A spectrum in the joint PCA plane, its set (reference or other), a label for colouring and its cluster. */
    public record Point(double pc1, double pc2, boolean other, String group, int cluster) {
    }

    /** The result of one comparison. */
    public record View(String title, String xLabel, String yLabel, List<Point> points, double[][] centroids,
            Map<String, Object> stats) {
    }

    private SpectraComparison() {
    }

    /**
     * The classifier's own view: each spectrum resampled at {@code points} energies in the window [from, to] eV
     * (end values held outside the measured range), minus {@code mean}, divided by {@code scale}.
     */
    public static Vectorizer window(double fromEv, double toEv, int points, double mean, double scale) {
        return s -> {
            double[] v = s.resample(fromEv, toEv, points, 0);
            for (int i = 0; i < v.length; i++) {
                v[i] = (v[i] - mean) / scale;
            }
            return v;
        };
    }

    /**
     * Shape only: the energy E0 of the steepest rise (largest slope on a 0.25 eV grid) is put at 0; the spectrum is
     * resampled at {@code points} energies from E0 - {@code belowEv} to E0 + {@code aboveEv} and normalized to an
     * edge step of one: value minus the first value, divided by the mean of the last third of the window minus the
     * first value.
     */
    public static Vectorizer edgeAligned(double belowEv, double aboveEv, int points) {
        return s -> {
            double e0 = steepestRise(s);
            double[] v = s.resample(e0 - belowEv, e0 + aboveEv, points, 0);
            double start = v[0];
            double tail = 0;
            int n = 0;
            for (int i = 2 * points / 3; i < points; i++) {
                tail += v[i];
                n++;
            }
            double step = tail / n - start;
            double min = Arrays.stream(v).min().orElse(0);
            double max = Arrays.stream(v).max().orElse(0);
            if (!(step > 0.2 * (max - min))) {
                // no clear edge step in the window: scale by the range instead
                step = max - min > 1e-12 ? max - min : 1;
            }
            for (int i = 0; i < v.length; i++) {
                v[i] = (v[i] - start) / step;
            }
            return v;
        };
    }

    /** Energy of the largest slope of mu(E), on a 0.25 eV grid over the measured range. */
    public static double steepestRise(XasSpectrum s) {
        double lo = s.minEnergyEv();
        double hi = s.maxEnergyEv();
        int n = Math.max(3, (int) Math.ceil((hi - lo) / 0.25) + 1);
        double[] y = s.resample(lo, hi, n, 0);
        double h = (hi - lo) / (n - 1);
        int best = 1;
        double bestSlope = Double.NEGATIVE_INFINITY;
        for (int i = 1; i < n - 1; i++) {
            double slope = (y[i + 1] - y[i - 1]) / (2 * h);
            if (slope > bestSlope) {
                bestSlope = slope;
                best = i;
            }
        }
        return lo + best * h;
    }

    /**
     * Compares {@code other} spectra with {@code reference} spectra; {@code referenceGroups} labels each reference
     * spectrum (e.g. its class) for the plot, the other set is the group {@code otherGroup}.
     */
    public static View compare(String title, List<XasSpectrum> reference, List<String> referenceGroups,
            List<XasSpectrum> other, String otherGroup, Vectorizer vectorizer, long seed) {
        if (reference.size() < MIN_REFERENCE || other.isEmpty()) {
            throw new IllegalArgumentException("need at least " + MIN_REFERENCE + " reference spectra and one other");
        }
        List<double[]> ref = new ArrayList<>();
        reference.forEach(s -> ref.add(vectorizer.vector(s)));
        List<double[]> oth = new ArrayList<>();
        other.forEach(s -> oth.add(vectorizer.vector(s)));
        List<double[]> all = new ArrayList<>(ref);
        all.addAll(oth);

        Pca joint = Pca.fit(all, 2);
        List<DoublePoint> pts = new ArrayList<>();
        for (double[] v : all) {
            pts.add(new DoublePoint(joint.project(v)));
        }
        JDKRandomGenerator rng = new JDKRandomGenerator();
        rng.setSeed(seed);
        List<CentroidCluster<DoublePoint>> clusters = new KMeansPlusPlusClusterer<DoublePoint>(2, 200,
                new EuclideanDistance(), rng).cluster(pts);
        double[][] centroids = new double[clusters.size()][];
        for (int c = 0; c < clusters.size(); c++) {
            centroids[c] = clusters.get(c).getCenter().getPoint();
        }
        List<Point> points = new ArrayList<>();
        int[][] composition = new int[centroids.length][2];
        for (int i = 0; i < all.size(); i++) {
            double[] p = pts.get(i).getPoint();
            int c = PcaKMeansTopologyModel.nearestCentroid(p, centroids);
            boolean isOther = i >= ref.size();
            composition[c][isOther ? 1 : 0]++;
            points.add(new Point(p[0], p[1], isOther, isOther ? otherGroup : referenceGroups.get(i), c));
        }
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("reference_spectra", ref.size());
        stats.put("other_spectra", oth.size());
        stats.put("joint_pca_explained_variance", List.of(round(joint.explained[0]), round(joint.explained[1])));
        List<Map<String, Integer>> comp = new ArrayList<>();
        int separated = 0;
        for (int[] c : composition) {
            Map<String, Integer> m = new LinkedHashMap<>();
            m.put("reference", c[0]);
            m.put(otherGroup, c[1]);
            comp.add(m);
            separated += Math.max(c[0], c[1]);
        }
        stats.put("kmeans_clusters", comp);
        // 1.0: the two clusters are exactly the two sets; 0.5 with balanced sets: the sets are mixed
        stats.put("kmeans_set_purity", round((double) separated / all.size()));

        // nearest-neighbour test: is each other spectrum as close to some reference spectrum as reference spectra
        // are to each other (leave-one-out)?
        double[] refNn = new double[ref.size()];
        for (int i = 0; i < ref.size(); i++) {
            refNn[i] = nearestDistance(ref.get(i), ref, i);
        }
        double[] sorted = refNn.clone();
        Arrays.sort(sorted);
        double p95 = sorted[(int) Math.floor(0.95 * (sorted.length - 1))];
        int inside = 0;
        double[] othNn = new double[oth.size()];
        for (int i = 0; i < oth.size(); i++) {
            othNn[i] = nearestDistance(oth.get(i), ref, -1);
            if (othNn[i] <= p95) {
                inside++;
            }
        }
        Arrays.sort(othNn);
        stats.put("reference_nearest_neighbour_distance_median", round(sorted[sorted.length / 2]));
        stats.put("reference_nearest_neighbour_distance_p95", round(p95));
        stats.put("other_nearest_reference_distance_median", round(othNn[othNn.length / 2]));
        stats.put("other_within_reference_p95", round((double) inside / oth.size()));
        String xl = String.format(java.util.Locale.ROOT, "PC1 (%.0f%% of variance)", 100 * joint.explained[0]);
        String yl = String.format(java.util.Locale.ROOT, "PC2 (%.0f%% of variance)", 100 * joint.explained[1]);
        return new View(title, xl, yl, points, centroids, stats);
    }

    private static double nearestDistance(double[] v, List<double[]> set, int skip) {
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < set.size(); j++) {
            if (j == skip) {
                continue;
            }
            double[] w = set.get(j);
            double d = 0;
            for (int k = 0; k < v.length; k++) {
                d += (v[k] - w[k]) * (v[k] - w[k]);
            }
            best = Math.min(best, d);
        }
        return Math.sqrt(best / v.length);
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }

    /** Principal components from the eigenvectors of the covariance (Commons Math). */
    static final class Pca {
        final double[] mean;
        final double[][] components;
        final double[] explained;

        private Pca(double[] mean, double[][] components, double[] explained) {
            this.mean = mean;
            this.components = components;
            this.explained = explained;
        }

        static Pca fit(List<double[]> rows, int k) {
            int d = rows.get(0).length;
            double[] mean = new double[d];
            for (double[] r : rows) {
                for (int i = 0; i < d; i++) {
                    mean[i] += r[i] / rows.size();
                }
            }
            double[][] data = new double[rows.size()][];
            for (int r = 0; r < rows.size(); r++) {
                data[r] = rows.get(r).clone();
            }
            RealMatrix cov = new Covariance(new Array2DRowRealMatrix(data, false), false).getCovarianceMatrix();
            EigenDecomposition eig = new EigenDecomposition(cov);
            double[] values = eig.getRealEigenvalues();
            Integer[] order = new Integer[values.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));
            double total = 0;
            for (double v : values) {
                total += Math.max(0, v);
            }
            double[][] comps = new double[k][];
            double[] explained = new double[k];
            for (int c = 0; c < k; c++) {
                comps[c] = eig.getEigenvector(order[c]).toArray();
                explained[c] = total > 0 ? Math.max(0, values[order[c]]) / total : 0;
            }
            return new Pca(mean, comps, explained);
        }

        double[] project(double[] v) {
            double[] z = new double[components.length];
            for (int c = 0; c < components.length; c++) {
                double s = 0;
                for (int i = 0; i < v.length; i++) {
                    s += (v[i] - mean[i]) * components[c][i];
                }
                z[c] = s;
            }
            return z;
        }

        /** |v - mean - projection|^2 / |v - mean|^2: the share of the deviation the components do not explain. */
        double unexplainedShare(double[] v) {
            double[] z = project(v);
            double total = 0;
            double residual = 0;
            for (int i = 0; i < v.length; i++) {
                double dv = v[i] - mean[i];
                double rec = 0;
                for (int c = 0; c < components.length; c++) {
                    rec += z[c] * components[c][i];
                }
                total += dv * dv;
                residual += (dv - rec) * (dv - rec);
            }
            return total > 0 ? residual / total : 0;
        }
    }
}
