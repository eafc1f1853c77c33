package io.bandsmith.models.xas.classifier;

import java.io.IOException;
import java.util.List;
import java.util.zip.ZipOutputStream;

import io.bandsmith.models.xas.dataset.XasMaterial;

/** A trained backend: probability that each material is topological, from the shared preprocessing. */
public interface XasTopologyModel {
    XasModelKind kind();

    double[] probabilities(List<XasMaterial> materials);

    /** Writes the backend's parameters as entries of the model file. */
    void writeEntries(ZipOutputStream zip) throws IOException;

    /** Backend settings and training facts for model.json. */
    java.util.Map<String, Object> summary();
}
