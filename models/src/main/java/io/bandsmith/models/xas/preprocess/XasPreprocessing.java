package io.bandsmith.models.xas.preprocess;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import io.bandsmith.models.xas.ChemicalElement;
import io.bandsmith.models.xas.XasSpectrum;
import io.bandsmith.models.xas.dataset.EnergyWindow;
import io.bandsmith.models.xas.dataset.XasMaterial;

/**
 * The paper's input pipeline, fitted once and then frozen: element channels (the absorbing elements of the training
 * set, in order of Z), the per-element energy window with {@link #points()} evenly spaced energies, and the
 * per-channel standardization (centre = mean over training spectra of each spectrum's mean intensity, scale = mean
 * of each spectrum's intensity standard deviation; training split only). A material becomes a
 * {@code points x channels} array, zero in the channels of elements it does not contain.
 */
public final class XasPreprocessing {
    /** Points per element window (paper's Methods). */
    public static final int DEFAULT_POINTS = 200;

    private final List<ChemicalElement> channels;
    private final Map<ChemicalElement, Integer> channelIndex;
    private final SortedMap<ChemicalElement, EnergyWindow> windows;
    private final double[] channelMean;
    private final double[] channelScale;
    private final int points;

    public XasPreprocessing(List<ChemicalElement> channels, SortedMap<ChemicalElement, EnergyWindow> windows,
            double[] channelMean, double[] channelScale, int points) {
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("no element channels");
        }
        if (channelMean.length != channels.size() || channelScale.length != channels.size()) {
            throw new IllegalArgumentException("standardization needs one mean and one scale per channel");
        }
        if (points < 2) {
            throw new IllegalArgumentException("points must be at least 2, got " + points);
        }
        this.channels = List.copyOf(channels);
        this.channelIndex = new HashMap<>();
        for (int c = 0; c < this.channels.size(); c++) {
            ChemicalElement e = this.channels.get(c);
            if (!windows.containsKey(e)) {
                throw new IllegalArgumentException("no energy window for channel " + e);
            }
            if (!(channelScale[c] > 0) || !Double.isFinite(channelMean[c])) {
                throw new IllegalArgumentException("channel " + e + ": scale must be positive and mean finite");
            }
            if (channelIndex.put(e, c) != null) {
                throw new IllegalArgumentException("channel " + e + " listed twice");
            }
        }
        this.windows = Collections.unmodifiableSortedMap(new TreeMap<>(windows));
        this.channelMean = channelMean.clone();
        this.channelScale = channelScale.clone();
        this.points = points;
    }

    /** Fits channels and standardization on the training materials only. */
    public static XasPreprocessing fit(List<XasMaterial> training, SortedMap<ChemicalElement, EnergyWindow> windows,
            int points) {
        TreeSet<ChemicalElement> present = new TreeSet<>();
        training.forEach(m -> present.addAll(m.spectra().keySet()));
        List<ChemicalElement> channels = new ArrayList<>(present);
        double[] mean = new double[channels.size()];
        double[] scale = new double[channels.size()];
        for (int c = 0; c < channels.size(); c++) {
            ChemicalElement e = channels.get(c);
            EnergyWindow w = windows.get(e);
            double sumMeans = 0;
            double sumStds = 0;
            int n = 0;
            for (XasMaterial m : training) {
                XasSpectrum s = m.spectra().get(e);
                if (s == null) {
                    continue;
                }
                double[] r = s.resample(w.fromEv(), w.toEv(), points, 0);
                double mu = 0;
                for (double v : r) {
                    mu += v;
                }
                mu /= r.length;
                double var = 0;
                for (double v : r) {
                    var += (v - mu) * (v - mu);
                }
                sumMeans += mu;
                sumStds += Math.sqrt(var / r.length);
                n++;
            }
            mean[c] = sumMeans / n;
            scale[c] = sumStds / n > 1e-12 ? sumStds / n : 1.0;
        }
        return new XasPreprocessing(channels, windows, mean, scale, points);
    }

    public List<ChemicalElement> channels() {
        return channels;
    }

    public int channelCount() {
        return channels.size();
    }

    public int points() {
        return points;
    }

    public SortedMap<ChemicalElement, EnergyWindow> windows() {
        return windows;
    }

    public double channelMean(int c) {
        return channelMean[c];
    }

    public double channelScale(int c) {
        return channelScale[c];
    }

    public int channelOf(ChemicalElement e) {
        Integer c = channelIndex.get(e);
        return c == null ? -1 : c;
    }

    /** Elements of the material that have no channel (not seen in training); their spectra are ignored. */
    public List<ChemicalElement> unknownElements(XasMaterial m) {
        List<ChemicalElement> u = new ArrayList<>();
        for (ChemicalElement e : m.spectra().keySet()) {
            if (!channelIndex.containsKey(e)) {
                u.add(e);
            }
        }
        return u;
    }

    /** One standardized channel: the element's spectrum on its window, shifted by {@code shiftEv}. */
    public double[] standardized(ChemicalElement e, XasSpectrum s, double shiftEv) {
        int c = channelOf(e);
        if (c < 0) {
            throw new IllegalArgumentException("no channel for " + e);
        }
        EnergyWindow w = windows.get(e);
        double[] r = s.resample(w.fromEv(), w.toEv(), points, shiftEv);
        for (int i = 0; i < r.length; i++) {
            r[i] = (r[i] - channelMean[c]) / channelScale[c];
        }
        return r;
    }

    /**
     * Writes the material as a {@code points x channels} block (row-major: energy index, then channel) into
     * {@code dst} at {@code offset}; channels of absent elements are 0.
     */
    public void encodeInto(XasMaterial m, double shiftEv, float[] dst, int offset) {
        int nc = channels.size();
        java.util.Arrays.fill(dst, offset, offset + points * nc, 0f);
        for (Map.Entry<ChemicalElement, XasSpectrum> e : m.spectra().entrySet()) {
            int c = channelOf(e.getKey());
            if (c < 0) {
                continue;
            }
            double[] r = standardized(e.getKey(), e.getValue(), shiftEv);
            for (int i = 0; i < points; i++) {
                dst[offset + i * nc + c] = (float) r[i];
            }
        }
    }

    public int encodedLength() {
        return points * channels.size();
    }
}
