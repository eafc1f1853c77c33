package io.bandsmith.models.xas.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.bandsmith.models.xas.XasTestFiles;

/**
 * Site multiplicities from environments, checked against the Wyckoff positions of the space groups (International
 * Tables) in the primitive cells of Materials Project structures.
 */
class SiteEnvironmentsTest {
    private static CrystalStructure poscar(String name) {
        Path p = XasTestFiles.resource("feff/poscar/" + name);
        return CrystalStructure.readPoscar(p, FeffRunReader.readText(p));
    }

    /** Sizes of the equivalence classes of the sites of one element, keyed by their first site. */
    private static Map<Integer, Integer> classes(CrystalStructure st, String element) {
        SiteEnvironments env = new SiteEnvironments(st);
        Map<Integer, Integer> sizes = new TreeMap<>();
        List<Integer> assigned = new ArrayList<>();
        for (int i = 0; i < st.size(); i++) {
            if (!st.species().get(i).equals(element) || assigned.contains(i)) {
                continue;
            }
            int n = 0;
            for (int j = 0; j < st.size(); j++) {
                if (env.equivalent(i, j)) {
                    n++;
                    assigned.add(j);
                }
            }
            sizes.put(i, n);
        }
        return sizes;
    }

    @Test
    void i41acdCopperSitesFallIntoWyckoffMultiplicities() {
        // La3Zr2Cu7O12, I4_1/acd (142): Wyckoff multiplicities 8, 16, 32 in the conventional cell, halved in the
        // body-centred primitive cell: the 28 Cu are 4 + 8 + 16, the classes of the FEFF sites 20, 24 and 32
        CrystalStructure st = poscar("mp-1097057_POSCAR");
        assertEquals(28, st.count("Cu"));
        assertEquals(Map.of(20, 4, 24, 8, 32, 16), classes(st, "Cu"));
    }

    @Test
    void p21cCopperSitesAreFiveGeneralPositions() {
        // K3Cu5O4, P2_1/c (14), primitive: the general position 4e has multiplicity 4, special ones 2; 20 Cu with
        // the five computed sites 12, 16, 19, 23, 27 as five general positions
        CrystalStructure st = poscar("mp-10914_POSCAR");
        assertEquals(20, st.count("Cu"));
        Map<Integer, Integer> c = classes(st, "Cu");
        assertEquals(5, c.size());
        c.values().forEach(n -> assertEquals(4, n));
        SiteEnvironments env = new SiteEnvironments(st);
        int[] computed = {12, 16, 19, 23, 27};
        for (int a = 0; a < computed.length; a++) {
            for (int b = 0; b < computed.length; b++) {
                assertEquals(a == b, env.equivalent(computed[a], computed[b]), computed[a] + " vs " + computed[b]);
            }
        }
    }

    @Test
    void distanceListsMatchWithinToleranceAndIgnoreTheCutoffEdge() {
        double r = SiteEnvironments.RADIUS_ANGSTROM;
        assertEquals(true, SiteEnvironments.sameDistances(new double[] {1.0, 2.0}, new double[] {1.005, 2.0}));
        assertEquals(false, SiteEnvironments.sameDistances(new double[] {1.0, 2.0}, new double[] {1.05, 2.0}));
        assertEquals(false, SiteEnvironments.sameDistances(new double[] {1.0, 2.0}, new double[] {1.0}));
        // a neighbour just inside the radius for one site may be just outside for the other
        assertEquals(true, SiteEnvironments.sameDistances(new double[] {1.0, r - 0.001}, new double[] {1.0}));
    }
}
