package io.bandsmith.engine.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.bandsmith.engine.symmetry.ElementaryBandRepresentation;
import io.bandsmith.engine.symmetry.SymmetryFingerprint;

/**
 * Band representations induced by the group layer against (1) the engine's p6 table and (2) the published elementary
 * band representations with time reversal of the Bilbao Crystallographic Server (BANDREP; Elcoro et al., J. Appl.
 * Cryst. 50, 1457 (2017)) for the plane groups, as tabulated in Crystalline.jl's data files
 * {@code data/bandreps/2d/elementaryTR/maxpaths/N.csv} (N = 10 p4, 11 p4mm, 13 p3, 16 p6, 17 p6mm) and
 * {@code .../allpaths/2.csv} (p2, whose general point Ω is left out). The tables below are those files' text.
 *
 * <p>Irrep names. Where the published names are fixed by real characters (p2, p4, p6: Γ₁ is the identity irrep, Γ₂
 * odd under C2 or C4, paired complex irreps such as Γ₃Γ₄ are p), the test maps them to our labels directly. Where the
 * names depend on a convention the file does not carry (which mirror class B₁ is even under, which of K₂/K₃ is ω in
 * p3), the test looks for one renaming per k point that maps the whole published table onto ours; with 6–14 EBRs
 * this is a strong condition. In both cases the EBRs are compared per Wyckoff position as multisets.
 */
class InductionTest {
    @Test
    void inducedP6EbrsEqualTheEngineTable() {
        WallpaperGroup p6 = WallpaperGroup.named("p6");
        List<BandRepresentation> induced = Induction.elementaryBandRepresentations(p6);
        assertEquals(8, induced.size());
        for (BandRepresentation b : induced) {
            SymmetryFingerprint f = ElementaryBandRepresentation.named(b.name()).fingerprint();
            SymmetryFingerprint ours = new SymmetryFingerprint(b.multiplicity("G", "s"), b.multiplicity("G", "p"),
                    b.multiplicity("G", "d"), b.multiplicity("G", "f"), b.multiplicity("K", "0"),
                    b.multiplicity("M", "+"));
            assertEquals(f, ours, b.name());
            assertEquals(f.bandCount(), b.bandCount(), b.name());
            assertEquals(f.n1(), b.multiplicity("K", "1"), b.name());
            assertEquals(f.nMinus(), b.multiplicity("M", "-"), b.name());
        }
    }

    private static final String P2 = """
            Wyckoff pos.|1d(2)|1d(2)|1c(2)|1c(2)|1b(2)|1b(2)|1a(2)|1a(2)
            Band-Rep.|A↑G(1)|B↑G(1)|A↑G(1)|B↑G(1)|A↑G(1)|B↑G(1)|A↑G(1)|B↑G(1)
            Decomposable|false|false|false|false|false|false|false|false
            Γ:(0.0,0.0)|Γ₁|Γ₂|Γ₁|Γ₂|Γ₁|Γ₂|Γ₁|Γ₂
            A:(0.5,-0.5)|A₁|A₂|A₂|A₁|A₂|A₁|A₁|A₂
            B:(0.5,0.0)|B₂|B₁|B₂|B₁|B₁|B₂|B₁|B₂
            Y:(0.0,0.5)|Y₂|Y₁|Y₁|Y₂|Y₂|Y₁|Y₁|Y₂
            """;

    private static final String P4 = """
            Wyckoff pos.|2c(2)|2c(2)|1b(4)|1b(4)|1b(4)|1a(4)|1a(4)|1a(4)
            Band-Rep.|A↑G(2)|B↑G(2)|A↑G(1)|B↑G(1)|E↑G(2)|A↑G(1)|B↑G(1)|E↑G(2)
            Decomposable|false|false|false|false|false|false|false|false
            Γ:(0.0,0.0)|Γ₁⊕Γ₂|Γ₃Γ₄|Γ₁|Γ₂|Γ₃Γ₄|Γ₁|Γ₂|Γ₃Γ₄
            M:(0.5,0.5)|M₃M₄|M₁⊕M₂|M₂|M₁|M₃M₄|M₁|M₂|M₃M₄
            X:(0.0,0.5)|X₁⊕X₂|X₁⊕X₂|X₂|X₂|2X₁|X₁|X₁|2X₂
            """;

    private static final String P6 = """
            Wyckoff pos.|3c(2)|3c(2)|2b(3)|2b(3)|1a(6)|1a(6)|1a(6)|1a(6)
            Band-Rep.|3c(3)|3c(3)|2b(2)|2b(4)|1a(1)|1a(1)|1a(2)|1a(2)
            Decomposable|false|false|false|false|false|false|false|false
            M:(0.5,0.0)|M₁⊕2M₂|2M₁⊕M₂|M₁⊕M₂|2M₁⊕2M₂|M₁|M₂|2M₁|2M₂
            Γ:(0.0,0.0)|Γ₁⊕Γ₃Γ₅|Γ₂⊕Γ₄Γ₆|Γ₁⊕Γ₂|Γ₃Γ₅⊕Γ₄Γ₆|Γ₁|Γ₂|Γ₃Γ₅|Γ₄Γ₆
            K:(0.3333333333333333,0.3333333333333333)|K₁⊕K₂K₃|K₁⊕K₂K₃|K₂K₃|2K₁⊕K₂K₃|K₁|K₁|K₂K₃|K₂K₃
            """;

    private static final String P3 = """
            Wyckoff pos.|1c(3)|1c(3)|1b(3)|1b(3)|1a(3)|1a(3)
            Band-Rep.|A↑G(1)|E↑G(2)|A↑G(1)|E↑G(2)|A↑G(1)|E↑G(2)
            Decomposable|false|false|false|false|false|false
            Γ:(0.0,0.0)|Γ₁|Γ₂Γ₃|Γ₁|Γ₂Γ₃|Γ₁|Γ₂Γ₃
            K:(0.3333333333333333,0.3333333333333333)|K₃|K₁⊕K₂|K₂|K₁⊕K₃|K₁|K₂⊕K₃
            KA:(0.6666666666666666,-0.3333333333333333)|KA₂|KA₁⊕KA₃|KA₃|KA₁⊕KA₂|KA₁|KA₂⊕KA₃
            """;

    private static final String P4MM = """
            Wyckoff pos.|2c(mm2)|2c(mm2)|2c(mm2)|2c(mm2)|1b(4mm)|1b(4mm)|1b(4mm)|1b(4mm)|1b(4mm)|1a(4mm)|1a(4mm)|1a(4mm)|1a(4mm)|1a(4mm)
            Band-Rep.|A₁↑G(2)|A₂↑G(2)|B₂↑G(2)|B₁↑G(2)|A₁↑G(1)|B₁↑G(1)|B₂↑G(1)|A₂↑G(1)|E↑G(2)|A₁↑G(1)|B₁↑G(1)|B₂↑G(1)|A₂↑G(1)|E↑G(2)
            Decomposable|false|false|false|false|false|false|false|false|false|false|false|false|false|false
            Γ:(0.0,0.0)|Γ₁⊕Γ₂|Γ₃⊕Γ₄|Γ₅|Γ₅|Γ₁|Γ₂|Γ₃|Γ₄|Γ₅|Γ₁|Γ₂|Γ₃|Γ₄|Γ₅
            M:(0.5,0.5)|M₅|M₅|M₃⊕M₄|M₁⊕M₂|M₃|M₄|M₁|M₂|M₅|M₁|M₂|M₃|M₄|M₅
            X:(0.0,0.5)|X₁⊕X₄|X₂⊕X₃|X₂⊕X₄|X₁⊕X₃|X₄|X₄|X₃|X₃|X₁⊕X₂|X₁|X₁|X₂|X₂|X₃⊕X₄
            """;

    private static final String P6MM = """
            Wyckoff pos.|3c(mm2)|3c(mm2)|3c(mm2)|3c(mm2)|2b(3m1)|2b(3m1)|2b(3m1)|1a(6mm)|1a(6mm)|1a(6mm)|1a(6mm)|1a(6mm)|1a(6mm)
            Band-Rep.|A₁↑G(3)|A₂↑G(3)|B₂↑G(3)|B₁↑G(3)|A₁↑G(2)|A₂↑G(2)|E↑G(4)|A₁↑G(1)|A₂↑G(1)|B₂↑G(1)|B₁↑G(1)|E₂↑G(2)|E₁↑G(2)
            Decomposable|false|false|false|false|false|false|false|false|false|false|false|false|false
            Γ:(0.0,0.0)|Γ₁⊕Γ₅|Γ₂⊕Γ₅|Γ₃⊕Γ₆|Γ₄⊕Γ₆|Γ₁⊕Γ₄|Γ₂⊕Γ₃|Γ₅⊕Γ₆|Γ₁|Γ₂|Γ₃|Γ₄|Γ₅|Γ₆
            K:(0.3333333333333333,0.3333333333333333)|K₁⊕K₃|K₂⊕K₃|K₁⊕K₃|K₂⊕K₃|K₃|K₃|K₁⊕K₂⊕K₃|K₁|K₂|K₁|K₂|K₃|K₃
            M:(0.5,0.0)|M₁⊕M₃⊕M₄|M₂⊕M₃⊕M₄|M₁⊕M₂⊕M₃|M₁⊕M₂⊕M₄|M₁⊕M₄|M₂⊕M₃|M₁⊕M₂⊕M₃⊕M₄|M₁|M₂|M₃|M₄|M₁⊕M₂|M₃⊕M₄
            """;

    @Test
    void p4MatchesBandrepWithNamesFixedByCharacters() {
        // Γ₁, M₁: χ(C4) = 1 (s); Γ₂, M₂: χ(C4) = −1 (d); Γ₃Γ₄, M₃M₄: the ±i pair (p); X₁/X₂: C2 even/odd
        Map<String, Map<String, String>> names = Map.of(
                "G", Map.of("Γ₁", "s", "Γ₂", "d", "Γ₃Γ₄", "p"),
                "M", Map.of("M₁", "s", "M₂", "d", "M₃M₄", "p"),
                "X", Map.of("X₁", "+", "X₂", "-"));
        assertMatches("p4", P4, Map.of("Γ", "G", "M", "M", "X", "X"), names);
        // the three p4 EBRs the issue names, read directly: 1a, 1b, 2c with time reversal
        WallpaperGroup p4 = WallpaperGroup.named("p4");
        BandRepresentation twoC = Induction.induce(p4, p4.wyckoffPosition("2c"),
                p4.wyckoffPosition("2c").siteCoreps().get(0));
        assertEquals(2, twoC.bandCount());
        assertEquals(1, twoC.multiplicity("G", "s"));
        assertEquals(1, twoC.multiplicity("G", "d"));
        assertEquals(1, twoC.multiplicity("M", "p"));
    }

    @Test
    void p6MatchesBandrep() {
        // Γ₁ trivial (s), Γ₂ odd under C2 and C6 (f); Γ₃Γ₅ the C2-even pair (d), Γ₄Γ₆ the C2-odd pair (p)
        Map<String, Map<String, String>> names = Map.of(
                "G", Map.of("Γ₁", "s", "Γ₂", "f", "Γ₃Γ₅", "d", "Γ₄Γ₆", "p"),
                "K", Map.of("K₁", "0", "K₂K₃", "1"),
                "M", Map.of("M₁", "+", "M₂", "-"));
        assertMatches("p6", P6, Map.of("Γ", "G", "K", "K", "M", "M"), names);
    }

    @Test
    void p2MatchesBandrep() {
        Map<String, Map<String, String>> names = new HashMap<>();
        for (String p : List.of("Γ", "A", "B", "Y")) {
            names.put(p.equals("Γ") ? "G" : p, Map.of(p + "₁", "+", p + "₂", "-"));
        }
        assertMatches("p2", P2, Map.of("Γ", "G", "A", "A", "B", "B", "Y", "Y"), names);
    }

    @Test
    void p3MatchesBandrepUpToTheNamesOfTheComplexIrrepsAtK() {
        // Bilbao's 120° basis: their K (1/3, 1/3) is our K' (1/3, 2/3), their KA (2/3, −1/3) our K (2/3, 1/3)
        assertMatchesUpToRenaming("p3", P3, Map.of("Γ", "G", "K", "Kp", "KA", "K"));
    }

    @Test
    void p4mmMatchesBandrepUpToTheMirrorConventionOfTheIrrepNames() {
        assertMatchesUpToRenaming("p4mm", P4MM, Map.of("Γ", "G", "M", "M", "X", "X"));
    }

    @Test
    void p6mmMatchesBandrepUpToTheMirrorConventionOfTheIrrepNames() {
        assertMatchesUpToRenaming("p6mm", P6MM, Map.of("Γ", "G", "K", "K", "M", "M"));
    }

    // --- the published table: columns of (Wyckoff label, point -> irrep name -> multiplicity)

    record Column(String wyckoff, Map<String, Map<String, Integer>> byPoint) {
    }

    static List<Column> parse(String csv) {
        String[] lines = csv.strip().split("\n");
        String[] wyckoff = lines[0].split("\\|");
        List<Column> cols = new ArrayList<>();
        for (int c = 1; c < wyckoff.length; c++) {
            Map<String, Map<String, Integer>> byPoint = new LinkedHashMap<>();
            for (int l = 3; l < lines.length; l++) {
                String[] cells = lines[l].split("\\|");
                String point = cells[0].substring(0, cells[0].indexOf(':'));
                Map<String, Integer> irreps = new LinkedHashMap<>();
                for (String term : cells[c].split("⊕")) {
                    int i = 0;
                    while (Character.isDigit(term.charAt(i))) {
                        i++;
                    }
                    int coefficient = i == 0 ? 1 : Integer.parseInt(term.substring(0, i));
                    irreps.merge(term.substring(i), coefficient, Integer::sum);
                }
                byPoint.put(point, irreps);
            }
            cols.add(new Column(wyckoff[c].substring(0, wyckoff[c].indexOf('(')), byPoint));
        }
        return cols;
    }

    /** Our EBRs per Wyckoff label, each as a canonical string of its non-zero multiplicities. */
    private static Map<String, List<String>> ours(String group) {
        return ours(group, null);
    }

    /** As {@link #ours(String)}, at one point only when {@code onlyPoint} is not null. */
    private static Map<String, List<String>> ours(String group, String onlyPoint) {
        Map<String, List<String>> out = new TreeMap<>();
        for (BandRepresentation b : Induction.elementaryBandRepresentations(WallpaperGroup.named(group))) {
            Map<String, Map<String, Integer>> m = new TreeMap<>();
            b.multiplicities().forEach((p, byLabel) -> {
                if (onlyPoint != null && !onlyPoint.equals(p)) {
                    return;
                }
                Map<String, Integer> nz = new TreeMap<>();
                byLabel.forEach((l, n) -> {
                    if (n != 0) {
                        nz.put(l, n);
                    }
                });
                m.put(p, nz);
            });
            out.computeIfAbsent(b.wyckoff(), k -> new ArrayList<>()).add(m.toString());
        }
        out.values().forEach(l -> l.sort(null));
        return out;
    }

    /** The published table in our labels under a renaming (published point -> name -> our label). */
    private static Map<String, List<String>> renamed(List<Column> cols, Map<String, String> pointNames,
            Map<String, Map<String, String>> names) {
        Map<String, List<String>> out = new TreeMap<>();
        for (Column c : cols) {
            Map<String, Map<String, Integer>> m = new TreeMap<>();
            c.byPoint().forEach((p, irreps) -> {
                String point = pointNames.get(p);
                if (point == null) {
                    return;
                }
                Map<String, Integer> byLabel = new TreeMap<>();
                irreps.forEach((name, n) -> byLabel.merge(names.get(point).get(name), n, Integer::sum));
                m.put(point, byLabel);
            });
            out.computeIfAbsent(c.wyckoff(), k -> new ArrayList<>()).add(m.toString());
        }
        out.values().forEach(l -> l.sort(null));
        return out;
    }

    private static void assertMatches(String group, String csv, Map<String, String> pointNames,
            Map<String, Map<String, String>> names) {
        assertEquals(renamed(parse(csv), pointNames, names), ours(group), group);
    }

    /**
     * One renaming per k point (a bijection from the published names onto our labels) must map the whole published
     * table onto ours.
     */
    private static void assertMatchesUpToRenaming(String group, String csv, Map<String, String> pointNames) {
        WallpaperGroup g = WallpaperGroup.named(group);
        List<Column> cols = parse(csv);
        Map<String, List<String>> target = ours(group);
        List<String> points = new ArrayList<>(pointNames.keySet());
        List<List<Map<String, String>>> candidates = new ArrayList<>();
        for (String p : points) {
            List<String> published = new ArrayList<>();
            cols.forEach(c -> c.byPoint().get(p).keySet().forEach(n -> {
                if (!published.contains(n)) {
                    published.add(n);
                }
            }));
            List<String> labels = g.maximalPoint(pointNames.get(p)).labels();
            assertEquals(labels.size(), published.size(), group + " at " + p + ": number of irreps");
            // keep the renamings under which the table, seen at this point alone, already matches
            String point = pointNames.get(p);
            Map<String, List<String>> targetAtPoint = ours(group, point);
            List<Map<String, String>> fit = new ArrayList<>();
            for (Map<String, String> b : bijections(published, labels)) {
                if (renamed(cols, Map.of(p, point), Map.of(point, b)).equals(targetAtPoint)) {
                    fit.add(b);
                }
            }
            assertTrue(!fit.isEmpty(), group + " at " + p + ": no renaming fits " + targetAtPoint);
            candidates.add(fit);
        }
        int[] index = new int[points.size()];
        int found = 0;
        while (true) {
            Map<String, Map<String, String>> names = new HashMap<>();
            for (int i = 0; i < points.size(); i++) {
                names.put(pointNames.get(points.get(i)), candidates.get(i).get(index[i]));
            }
            if (renamed(cols, pointNames, names).equals(target)) {
                found++;
            }
            int i = 0;
            while (i < index.length && ++index[i] == candidates.get(i).size()) {
                index[i++] = 0;
            }
            if (i == index.length) {
                break;
            }
        }
        if (found == 0) {
            fail(group + ": no renaming of the published irreps maps BANDREP onto the induced EBRs " + target);
        }
        assertTrue(found >= 1);
    }

    private static List<Map<String, String>> bijections(List<String> from, List<String> to) {
        List<Map<String, String>> out = new ArrayList<>();
        permute(from, new ArrayList<>(to), 0, out);
        return out;
    }

    private static void permute(List<String> from, List<String> to, int k, List<Map<String, String>> out) {
        if (k == to.size()) {
            Map<String, String> m = new HashMap<>();
            for (int i = 0; i < from.size(); i++) {
                m.put(from.get(i), to.get(i));
            }
            out.add(m);
            return;
        }
        for (int i = k; i < to.size(); i++) {
            java.util.Collections.swap(to, k, i);
            permute(from, to, k + 1, out);
            java.util.Collections.swap(to, k, i);
        }
    }
}
