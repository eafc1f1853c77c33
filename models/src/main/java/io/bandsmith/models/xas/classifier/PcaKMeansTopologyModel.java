package io.bandsmith.models.xas.classifier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.JDKRandomGenerator;
import org.apache.commons.math3.stat.correlation.Covariance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.bandsmith.models.xas.ChemicalElement;
import io.bandsmith.models.xas.dataset.XasMaterial;
import io.bandsmith.models.xas.preprocess.XasPreprocessing;

/**
 * The exploratory baseline (fig. 2) with Apache Commons Math 3: for each absorbing element, PCA of the standardized
 * training spectra of the materials containing it (first two components, from the eigenvectors of the covariance),
 * k-means++ with two clusters on those two coordinates, and the cluster-to-class assignment that maximizes the
 * class-balanced accuracy on the training materials (the optimal matching "corrected for class imbalance"). A
 * material's probability of being topological is the fraction of its elements whose clustering calls it
 * topological; materials with no clustered element get the training prior.
 */
public final class PcaKMeansTopologyModel implements XasTopologyModel {
    static final String ENTRY = "pca-kmeans.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One element's projection and clustering. */
    record ElementClustering(double[] mean, double[][] components, double[][] centroids, int[] clusterClass,
            double trainingBalancedAccuracy) {
        int classOf(double[] standardized) {
            double[] z = new double[components.length];
            for (int k = 0; k < components.length; k++) {
                double s = 0;
                for (int i = 0; i < mean.length; i++) {
                    s += (standardized[i] - mean[i]) * components[k][i];
                }
                z[k] = s;
            }
            return clusterClass[nearestCentroid(z, centroids)];
        }
    }

    /** Index of the centroid nearest to p (Euclidean; the first of equals). */
    public static int nearestCentroid(double[] p, double[][] centroids) {
        int best = 0;
        double bestD = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centroids.length; c++) {
            double d = 0;
            for (int k = 0; k < p.length; k++) {
                d += (p[k] - centroids[c][k]) * (p[k] - centroids[c][k]);
            }
            if (d < bestD) {
                bestD = d;
                best = c;
            }
        }
        return best;
    }

    private final XasPreprocessing preprocessing;
    private final Map<ChemicalElement, ElementClustering> clusterings;
    private final double prior;

    private PcaKMeansTopologyModel(XasPreprocessing preprocessing, Map<ChemicalElement, ElementClustering> clusterings,
            double prior) {
        this.preprocessing = preprocessing;
        this.clusterings = new TreeMap<>(clusterings);
        this.prior = prior;
    }

    static PcaKMeansTopologyModel train(XasPreprocessing pre, List<XasMaterial> train, XasTrainingOptions o) {
        Map<ChemicalElement, ElementClustering> result = new TreeMap<>();
        for (ChemicalElement e : pre.channels()) {
            List<double[]> x = new ArrayList<>();
            List<Integer> y = new ArrayList<>();
            for (XasMaterial m : train) {
                if (m.spectra().containsKey(e)) {
                    x.add(pre.standardized(e, m.spectra().get(e), 0));
                    y.add(m.label().label());
                }
            }
            if (x.size() < 4 || !y.contains(0) || !y.contains(1)) {
                continue;
            }
            result.put(e, cluster(x, y, o.seed()));
        }
        long topo = train.stream().filter(m -> m.label().label() == 1).count();
        return new PcaKMeansTopologyModel(pre, result, train.isEmpty() ? 0.5 : (double) topo / train.size());
    }

    static ElementClustering cluster(List<double[]> x, List<Integer> y, long seed) {
        int n = x.size();
        int d = x.get(0).length;
        double[] mean = new double[d];
        for (double[] r : x) {
            for (int i = 0; i < d; i++) {
                mean[i] += r[i] / n;
            }
        }
        RealMatrix data = new Array2DRowRealMatrix(x.toArray(new double[0][]), false);
        RealMatrix cov = new Covariance(data, false).getCovarianceMatrix();
        EigenDecomposition eig = new EigenDecomposition(cov);
        double[] values = eig.getRealEigenvalues();
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));
        int k = Math.min(2, d);
        double[][] comps = new double[k][];
        for (int c = 0; c < k; c++) {
            comps[c] = eig.getEigenvector(order[c]).toArray();
        }
        List<DoublePoint> projected = new ArrayList<>();
        for (double[] r : x) {
            double[] z = new double[k];
            for (int c = 0; c < k; c++) {
                for (int i = 0; i < d; i++) {
                    z[c] += (r[i] - mean[i]) * comps[c][i];
                }
            }
            projected.add(new DoublePoint(z));
        }
        JDKRandomGenerator rng = new JDKRandomGenerator();
        rng.setSeed(seed);
        KMeansPlusPlusClusterer<DoublePoint> km = new KMeansPlusPlusClusterer<>(2, 200, new EuclideanDistance(), rng);
        List<CentroidCluster<DoublePoint>> clusters = km.cluster(projected);
        double[][] centroids = new double[clusters.size()][];
        for (int c = 0; c < clusters.size(); c++) {
            centroids[c] = clusters.get(c).getCenter().getPoint().clone();
        }
        ElementClustering unassigned = new ElementClustering(mean, comps, centroids, new int[centroids.length], 0);
        // optimal matching: try every assignment of the clusters to the two classes, keep the best balanced accuracy
        int[] best = null;
        double bestScore = -1;
        int combos = 1 << centroids.length;
        for (int mask = 0; mask < combos; mask++) {
            int[] assign = new int[centroids.length];
            for (int c = 0; c < assign.length; c++) {
                assign[c] = (mask >> c) & 1;
            }
            if (centroids.length == 2 && assign[0] == assign[1]) {
                continue; // a matching pairs each cluster with a different class
            }
            ElementClustering candidate = new ElementClustering(mean, comps, centroids, assign, 0);
            double score = balancedAccuracy(candidate, x, y);
            if (score > bestScore) {
                bestScore = score;
                best = assign;
            }
        }
        if (best == null) {
            best = unassigned.clusterClass();
        }
        return new ElementClustering(mean, comps, centroids, best, bestScore);
    }

    private static double balancedAccuracy(ElementClustering c, List<double[]> x, List<Integer> y) {
        int[] right = new int[2];
        int[] total = new int[2];
        for (int i = 0; i < x.size(); i++) {
            total[y.get(i)]++;
            if (c.classOf(x.get(i)) == y.get(i)) {
                right[y.get(i)]++;
            }
        }
        return 0.5 * ((double) right[0] / Math.max(1, total[0]) + (double) right[1] / Math.max(1, total[1]));
    }

    @Override
    public XasModelKind kind() {
        return XasModelKind.PCA_KMEANS;
    }

    @Override
    public double[] probabilities(List<XasMaterial> materials) {
        double[] p = new double[materials.size()];
        for (int i = 0; i < p.length; i++) {
            XasMaterial m = materials.get(i);
            int votes = 0;
            int topo = 0;
            for (var e : m.spectra().entrySet()) {
                ElementClustering c = clusterings.get(e.getKey());
                if (c == null) {
                    continue;
                }
                votes++;
                topo += c.classOf(preprocessing.standardized(e.getKey(), e.getValue(), 0));
            }
            p[i] = votes == 0 ? prior : (double) topo / votes;
        }
        return p;
    }

    /** Balanced training accuracy of each element's clustering. */
    public Map<ChemicalElement, Double> trainingBalancedAccuracy() {
        Map<ChemicalElement, Double> m = new TreeMap<>();
        clusterings.forEach((e, c) -> m.put(e, c.trainingBalancedAccuracy()));
        return m;
    }

    @Override
    public void writeEntries(ZipOutputStream zip) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("prior", prior);
        Map<String, Object> els = new LinkedHashMap<>();
        clusterings.forEach((e, c) -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("mean", c.mean());
            o.put("components", c.components());
            o.put("centroids", c.centroids());
            o.put("cluster_class", c.clusterClass());
            o.put("training_balanced_accuracy", c.trainingBalancedAccuracy());
            els.put(e.symbol(), o);
        });
        root.put("elements", els);
        zip.putNextEntry(new ZipEntry(ENTRY));
        zip.write(JSON.writeValueAsBytes(root));
        zip.closeEntry();
    }

    static PcaKMeansTopologyModel read(XasPreprocessing pre, byte[] entry) throws IOException {
        JsonNode root = JSON.readTree(new String(entry, StandardCharsets.UTF_8));
        Map<ChemicalElement, ElementClustering> m = new TreeMap<>();
        for (var it = root.path("elements").fields(); it.hasNext();) {
            var e = it.next();
            JsonNode o = e.getValue();
            m.put(ChemicalElement.ofSymbol(e.getKey()), new ElementClustering(JSON.treeToValue(o.get("mean"),
                    double[].class), JSON.treeToValue(o.get("components"), double[][].class),
                    JSON.treeToValue(o.get("centroids"), double[][].class),
                    JSON.treeToValue(o.get("cluster_class"), int[].class),
                    o.path("training_balanced_accuracy").asDouble()));
        }
        return new PcaKMeansTopologyModel(pre, m, root.path("prior").asDouble(0.5));
    }

    @Override
    public Map<String, Object> summary() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("clustered_elements", clusterings.size());
        Map<String, Double> acc = new LinkedHashMap<>();
        trainingBalancedAccuracy().forEach((e, a) -> acc.put(e.symbol(), a));
        s.put("training_balanced_accuracy_by_element", acc);
        s.put("prior_topological", prior);
        return s;
    }
}
