package io.bandsmith.models.xas;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The real spectrum fixtures copied into src/test/resources/xas (see SOURCES.md there). */
public final class XasTestFiles {
    private XasTestFiles() {
    }

    public static Path resource(String name) {
        try {
            return Path.of(XasTestFiles.class.getResource("/xas/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource xas/" + name, e);
        }
    }

    public static final String LICOO2_CO_K = "pymatgen_LiCoO2_k_xanes.json";
    public static final String ZNO_ZN_L3 = "pymatgen_ZnO_l3_xanes.json";
    public static final String XASDOC_GZ = "emmet_xasdoc_mp-626735_EXAFS_H_K.json.gz";
    public static final String FEFF_XMU = "pymatgen_feff_xmu.dat";
    public static final String CO3O4_SITE1 = "pymatgen_site1_k_xanes.json";
}
