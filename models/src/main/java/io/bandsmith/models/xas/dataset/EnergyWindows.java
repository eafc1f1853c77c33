package io.bandsmith.models.xas.dataset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import io.bandsmith.models.xas.ChemicalElement;
import io.bandsmith.models.xas.XasSpectrum;

/**
 * Element-specific energy windows: for each absorbing element, the median start and median end of its spectra's
 * energy ranges. Materials Project K-edge XANES span about 55 eV from just below the edge, shifted by the chemical
 * shift from material to material; the median window covers the common range and the few spectra that start later
 * or end earlier are held at their end values (see {@link XasSpectrum#intensityAt(double)}). The windows use no
 * labels, so they may be fitted on the whole dataset, like the merged energy grid of Andrejevic et al.
 */
public final class EnergyWindows {
    private EnergyWindows() {
    }

    public static SortedMap<ChemicalElement, EnergyWindow> fit(Collection<XasSpectrum> spectra) {
        Map<ChemicalElement, List<double[]>> ranges = new TreeMap<>();
        for (XasSpectrum s : spectra) {
            ranges.computeIfAbsent(s.absorbingElement(), k -> new ArrayList<>())
                    .add(new double[] {s.minEnergyEv(), s.maxEnergyEv()});
        }
        SortedMap<ChemicalElement, EnergyWindow> w = new TreeMap<>();
        for (Map.Entry<ChemicalElement, List<double[]>> e : ranges.entrySet()) {
            double[] lo = e.getValue().stream().mapToDouble(r -> r[0]).toArray();
            double[] hi = e.getValue().stream().mapToDouble(r -> r[1]).toArray();
            double from = median(lo);
            double to = median(hi);
            if (!(to > from)) {
                to = from + 1;
            }
            w.put(e.getKey(), new EnergyWindow(from, to));
        }
        return w;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }
}
