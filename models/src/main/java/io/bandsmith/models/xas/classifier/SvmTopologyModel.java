package io.bandsmith.models.xas.classifier;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.bandsmith.models.xas.SpaceGroupSymmetry;
import io.bandsmith.models.xas.dataset.XasMaterial;
import io.bandsmith.models.xas.preprocess.XasPreprocessing;
import libsvm.svm;
import libsvm.svm_model;
import libsvm.svm_node;
import libsvm.svm_parameter;
import libsvm.svm_problem;

/**
 * The SVM-sg baseline (fig. S3) with LIBSVM (BSD-3-Clause): C-SVC with an RBF kernel on the standardized spectra of
 * all element channels concatenated with the 269-long symmetry one-hot; class weights inversely proportional to
 * class abundance (LIBSVM has no per-sample weights); probabilities by LIBSVM's Platt scaling. gamma is the
 * "scale" heuristic 1 / (features x feature variance).
 */
public final class SvmTopologyModel implements XasTopologyModel {
    static final String MODEL_ENTRY = "svm.model";

    private final XasPreprocessing preprocessing;
    private final svm_model model;
    private final Map<String, Object> facts;

    private SvmTopologyModel(XasPreprocessing preprocessing, svm_model model, Map<String, Object> facts) {
        this.preprocessing = preprocessing;
        this.model = model;
        this.facts = new LinkedHashMap<>(facts);
    }

    static svm_node[] nodes(XasPreprocessing pre, XasMaterial m) {
        List<svm_node> nodes = new ArrayList<>();
        int points = pre.points();
        List<Integer> channels = new ArrayList<>();
        m.spectra().keySet().forEach(e -> {
            int c = pre.channelOf(e);
            if (c >= 0) {
                channels.add(c);
            }
        });
        channels.sort(null);
        for (int c : channels) {
            var e = pre.channels().get(c);
            double[] r = pre.standardized(e, m.spectra().get(e), 0);
            for (int i = 0; i < points; i++) {
                svm_node n = new svm_node();
                n.index = c * points + i + 1;
                n.value = r[i];
                nodes.add(n);
            }
        }
        float[] oneHot = m.symmetry().oneHot();
        int base = pre.channelCount() * points;
        for (int k = 0; k < oneHot.length; k++) {
            if (oneHot[k] != 0) {
                svm_node n = new svm_node();
                n.index = base + k + 1;
                n.value = oneHot[k];
                nodes.add(n);
            }
        }
        return nodes.toArray(new svm_node[0]);
    }

    static SvmTopologyModel train(XasPreprocessing pre, List<XasMaterial> train, XasTrainingOptions o) {
        svm.svm_set_print_string_function(s -> { });
        svm.rand.setSeed(o.seed());
        svm_problem prob = new svm_problem();
        prob.l = train.size();
        prob.x = new svm_node[prob.l][];
        prob.y = new double[prob.l];
        long[] classCount = new long[2];
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < prob.l; i++) {
            prob.x[i] = nodes(pre, train.get(i));
            prob.y[i] = train.get(i).label().label();
            classCount[train.get(i).label().label()]++;
            for (svm_node n : prob.x[i]) {
                sum += n.value;
                sumSq += n.value * n.value;
            }
        }
        if (classCount[0] == 0 || classCount[1] == 0) {
            throw new IllegalArgumentException("the training split has only one class; an SVM needs both");
        }
        long features = (long) pre.channelCount() * pre.points() + SpaceGroupSymmetry.ONE_HOT_LENGTH;
        double cells = (double) features * prob.l;
        double mean = sum / cells;
        double var = Math.max(1e-12, sumSq / cells - mean * mean);
        svm_parameter p = new svm_parameter();
        p.svm_type = svm_parameter.C_SVC;
        p.kernel_type = svm_parameter.RBF;
        p.gamma = 1.0 / (features * var);
        p.C = 1;
        p.cache_size = 200;
        p.eps = 1e-3;
        p.shrinking = 1;
        p.probability = 1;
        p.nr_weight = 2;
        p.weight_label = new int[] {0, 1};
        p.weight = new double[] {prob.l / (2.0 * classCount[0]), prob.l / (2.0 * classCount[1])};
        String check = svm.svm_check_parameter(prob, p);
        if (check != null) {
            throw new IllegalArgumentException("LIBSVM: " + check);
        }
        svm_model model = svm.svm_train(prob, p);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("kernel", "rbf");
        facts.put("gamma", p.gamma);
        facts.put("C", p.C);
        facts.put("class_weights", List.of(p.weight[0], p.weight[1]));
        facts.put("support_vectors", svm.svm_get_nr_sv(model));
        facts.put("features", features);
        return new SvmTopologyModel(pre, model, facts);
    }

    @Override
    public XasModelKind kind() {
        return XasModelKind.SVM;
    }

    @Override
    public double[] probabilities(List<XasMaterial> materials) {
        int[] labels = new int[2];
        svm.svm_get_labels(model, labels);
        int topo = labels[0] == 1 ? 0 : 1;
        double[] p = new double[materials.size()];
        double[] est = new double[2];
        for (int i = 0; i < p.length; i++) {
            svm.svm_predict_probability(model, nodes(preprocessing, materials.get(i)), est);
            p[i] = est[topo];
        }
        return p;
    }

    @Override
    public void writeEntries(ZipOutputStream zip) throws IOException {
        Path tmp = Files.createTempFile("bandsmith-svm", ".model");
        try {
            svm.svm_save_model(tmp.toString(), model);
            zip.putNextEntry(new ZipEntry(MODEL_ENTRY));
            zip.write(Files.readAllBytes(tmp));
            zip.closeEntry();
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static SvmTopologyModel read(XasPreprocessing pre, byte[] entry, Map<String, Object> facts) throws IOException {
        svm_model m = svm.svm_load_model(new BufferedReader(new StringReader(new String(entry,
                StandardCharsets.UTF_8))));
        if (m == null) {
            throw new IOException("unreadable LIBSVM model");
        }
        return new SvmTopologyModel(pre, m, facts);
    }

    @Override
    public Map<String, Object> summary() {
        return new LinkedHashMap<>(facts);
    }
}
