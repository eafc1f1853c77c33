package io.bandsmith.models.xas.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.bandsmith.models.xas.SpaceGroupSymmetry;
import io.bandsmith.models.xas.XasSpectrum;

/**
 * What {@code bandsmith xas inspect} reports about one spectrum file. The spectrum is resampled to
 * {@link #RESAMPLED_POINTS} evenly spaced energies over its own range, as the Materials Project does for its
 * site-averaged spectra and as the classifier does (over an element window) before training.
 */
public final class XasInspection {
    /** Points per spectrum after resampling (paper's Methods). */
    public static final int RESAMPLED_POINTS = 200;

    private XasInspection() {
    }

    /** A JSON-ready map (insertion-ordered) of the report. */
    public static Map<String, Object> report(XasDocument doc) {
        XasSpectrum s = doc.spectrum();
        double[] resampled = s.resample(s.minEnergyEv(), s.maxEnergyEv(), RESAMPLED_POINTS, 0);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", doc.source().toString());
        m.put("format", doc.format().jsonName());
        m.put("absorbing_element", s.absorbingElement().symbol());
        m.put("atomic_number", s.absorbingElement().atomicNumber());
        m.put("edge", s.edge().label());
        m.put("spectrum_type", s.type().name());
        m.put("points", resampled.length);
        m.put("source_points", s.pointCount());
        m.put("energy_range", List.of(round(s.minEnergyEv()), round(s.maxEnergyEv())));
        m.put("energy_unit", "eV");
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : resampled) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        m.put("intensity_range", List.of(lo, hi));
        m.put("absorbing_index", s.absorbingSiteIndex().isPresent() ? s.absorbingSiteIndex().getAsInt() : null);
        m.put("material_id", doc.materialId().orElse(null));
        // the formula as the file writes it (XDI Sample.formula, FEFF title line), else the reduced one
        m.put("formula", doc.formulaAsWritten().orElse(doc.formula().map(Object::toString).orElse(null)));
        m.put("reduced_formula", doc.formula().map(Object::toString).orElse(null));
        m.put("space_group", doc.symmetry().map(XasInspection::symmetry).orElse(null));
        if (!doc.sites().isEmpty()) {
            List<Map<String, Object>> sites = new ArrayList<>();
            for (XasDocument.SiteContribution c : doc.sites()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("run", c.run().toString());
                e.put("site_index", c.siteIndex() < 0 ? null : c.siteIndex());
                e.put("multiplicity", c.multiplicity() > 0 ? c.multiplicity() : null);
                e.put("weight", Math.round(c.weight() * 1e6) / 1e6);
                sites.add(e);
            }
            m.put("sites", sites);
        }
        m.putAll(doc.details());
        m.put("usable_for_classifier", XasClassifierRequirements.rejection(s).isEmpty());
        m.put("warnings", new ArrayList<>(doc.warnings()));
        return m;
    }

    static Map<String, Object> symmetry(SpaceGroupSymmetry sg) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", sg.number());
        m.put("symbol", sg.symbol().orElse(null));
        m.put("point_group", sg.pointGroup().symbol());
        m.put("crystal_system", sg.crystalSystem().displayName());
        return m;
    }

    /** The report as text lines for a person. */
    public static String text(Map<String, Object> report) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Object> e : report.entrySet()) {
            Object v = e.getValue();
            if (v == null) {
                continue;
            }
            if (e.getKey().equals("warnings")) {
                List<?> w = (List<?>) v;
                sb.append(String.format(Locale.ROOT, "%-22s %s%n", "warnings:", w.isEmpty() ? "none" : ""));
                for (Object x : w) {
                    sb.append("  - ").append(x).append(System.lineSeparator());
                }
                continue;
            }
            sb.append(String.format(Locale.ROOT, "%-22s %s%n", e.getKey() + ":", v));
        }
        return sb.toString();
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }
}
