package io.bandsmith.models.xas;

/** The seven crystal systems, in the order of the International Tables (index = one-hot position). */
public enum CrystalSystem {
    TRICLINIC, MONOCLINIC, ORTHORHOMBIC, TETRAGONAL, TRIGONAL, HEXAGONAL, CUBIC;

    /** Name as spglib / Materials Project write it ("Triclinic"). */
    public String displayName() {
        String n = name();
        return n.charAt(0) + n.substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
