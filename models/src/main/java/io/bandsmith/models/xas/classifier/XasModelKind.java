package io.bandsmith.models.xas.classifier;

import java.util.Locale;

/** The four classifiers of the paper (fig. 3e). */
public enum XasModelKind {
    /** CNN on spectra with kernels shared across element channels, plus a dense symmetry branch. */
    CNN_SG("cnn-sg"),
    /** The same CNN on spectra only. */
    CNN("cnn"),
    /** Support vector machine (RBF) on spectra + symmetry one-hot. */
    SVM("svm"),
    /** Per-element PCA (2 components) + k-means (2 clusters) with the optimal cluster-to-class matching. */
    PCA_KMEANS("kmeans");

    private final String cliName;

    XasModelKind(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public boolean usesSymmetry() {
        return this == CNN_SG || this == SVM;
    }

    public static XasModelKind parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (XasModelKind k : values()) {
            if (k.cliName.equals(t)) {
                return k;
            }
        }
        if (t.equals("pca-kmeans") || t.equals("k-means")) {
            return PCA_KMEANS;
        }
        throw new IllegalArgumentException("unknown model '" + text + "' (expected cnn-sg, cnn, svm or kmeans)");
    }
}
