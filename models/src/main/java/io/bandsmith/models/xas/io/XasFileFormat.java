package io.bandsmith.models.xas.io;

/** The spectrum file formats the reader understands. */
public enum XasFileFormat {
    /** pymatgen {@code XAS.as_dict()}: x, y, absorbing_element, edge, spectrum_type, structure. */
    PYMATGEN_XAS("pymatgen-xas"),
    /** Materials Project / emmet {@code XASDoc}: spectrum {...}, symmetry {...}, formula_pretty, ids. */
    MP_XASDOC("mp-xasdoc"),
    /** Raw FEFF output {@code xmu.dat}: header with the absorbing Z and shell, columns omega e k mu mu0 chi. */
    FEFF_XMU("feff-xmu"),
    /** XAS Data Interchange 1.x ({@code .xdi}): header fields, named columns, mu or raw detector columns. */
    XDI("xdi"),
    /** One FEFF run folder: {@code feff.inp} (title lines with formula and space group) + {@code xmu.dat}. */
    FEFF_RUN("feff-run"),
    /** The FEFF runs of the inequivalent absorbing sites of one material, averaged with their multiplicities. */
    FEFF_SITE_AVERAGE("feff-site-average");

    private final String jsonName;

    XasFileFormat(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }
}
