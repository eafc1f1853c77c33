package io.bandsmith.models.inference;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.bandsmith.engine.bands.BandStructure;
import io.bandsmith.engine.bands.BandStructureSource;
import io.bandsmith.engine.bands.HighSymmetryLevels;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.lattice.KPointSet;
import io.bandsmith.engine.symmetry.IrrepLabel;
import io.bandsmith.engine.tightbinding.TightBindingModel;
import io.bandsmith.engine.tightbinding.TightBindingSource;
import io.bandsmith.models.network.NetworkEnsemble;
import io.bandsmith.models.network.TightBindingNetwork;

/**
 * Bands from an ensemble of networks (docs/decisions/0015): every member predicts; the bands are the mean over
 * members (or the best member's, as the ensemble file says), the labels at Γ, K, M those of the majority of members,
 * and the spread — the standard deviation over members, scaled by the file's calibration factor — says per band and
 * k point how far the prediction may be off. A {@link TightBindingSource}: the model and parameters are the best
 * member's (Berry-flux connectivity uses them).
 */
public final class EnsemblePredictor implements TightBindingSource {
    private final NetworkEnsemble ensemble;
    private final List<NetworkPredictor> members;
    /** Spreads of band structures this predictor returned (by identity), so the command line can report them. */
    private final Map<BandStructure, double[][]> spreads = Collections.synchronizedMap(new java.util.WeakHashMap<>());

    public EnsemblePredictor(NetworkEnsemble ensemble) {
        this.ensemble = ensemble;
        List<NetworkPredictor> m = new ArrayList<>();
        for (TightBindingNetwork net : ensemble.members()) {
            m.add(new NetworkPredictor(net));
        }
        this.members = List.copyOf(m);
        int cutoff = ensemble.members().get(0).features().cutoff();
        this.sharedCutoff = ensemble.members().stream().allMatch(n -> n.features().cutoff() == cutoff);
    }

    /** Whether all members read the same star features (then computed once per geometry). */
    private final boolean sharedCutoff;

    public static EnsemblePredictor load(Path file) {
        return new EnsemblePredictor(NetworkEnsemble.load(file));
    }

    /** A single network or an ensemble, whichever the file holds. */
    public static TightBindingSource loadAny(Path file) {
        return NetworkEnsemble.isEnsemble(file) ? load(file) : new NetworkPredictor(TightBindingNetwork.load(file));
    }

    public NetworkEnsemble ensemble() {
        return ensemble;
    }

    public List<NetworkPredictor> members() {
        return members;
    }

    public NetworkPredictor bestMember() {
        return members.get(ensemble.best());
    }

    @Override
    public String name() {
        return "nn";
    }

    @Override
    public TightBindingModel model() {
        return bestMember().model();
    }

    @Override
    public double[] parameters(PotentialGrid potential) {
        return bestMember().parameters(potential);
    }

    /** The best member's reasons why a geometry lies outside the training domain (all members share the data). */
    public List<String> domainWarnings(PotentialGrid potential) {
        return bestMember().domainWarnings(potential);
    }

    /**
     * The ensemble's answer for one geometry.
     *
     * @param bands the prediction (mean or best member)
     * @param spread scaled standard deviation over members, [k][band], E0
     * @param members each member's bands
     * @param labelsDisagree per maximal point ("G", "K", "M"): whether some member's labels differ from the
     *     prediction's
     */
    public record EnsembleBands(BandStructure bands, double[][] spread, List<BandStructure> members,
            Map<String, Boolean> labelsDisagree) {
        /** Whether any member labels any maximal point differently. */
        public boolean anyLabelDisagreement() {
            return labelsDisagree.containsValue(Boolean.TRUE);
        }
    }

    @Override
    public BandStructure compute(PotentialGrid potential, KPointSet kpoints, int bandCount) {
        EnsembleBands e = computeEnsemble(potential, kpoints, bandCount);
        spreads.put(e.bands(), e.spread());
        return e.bands();
    }

    /** The spread of a band structure this predictor returned from {@link #compute}, or null. */
    public double[][] spreadOf(BandStructure bands) {
        return spreads.get(bands);
    }

    /**
     * Every member's bands (in parallel; the star features are computed once when the members share their cutoff)
     * combined as the ensemble file says.
     */
    public EnsembleBands computeEnsemble(PotentialGrid potential, KPointSet kpoints, int bandCount) {
        BandStructure[] out = new BandStructure[members.size()];
        if (sharedCutoff) {
            // the checks of a single network (Vmax, C6 symmetry) through the best member, then the shared features
            PotentialGrid grid = checked(potential);
            double[] raw = members.get(0).network().features().of(grid);
            java.util.stream.IntStream.range(0, out.length).parallel().forEach(m -> out[m] = members.get(m)
                    .compute(raw, potential.vmax(), kpoints, bandCount));
        } else {
            java.util.stream.IntStream.range(0, out.length).parallel().forEach(m -> out[m] = members.get(m)
                    .compute(potential, kpoints, bandCount));
        }
        return combine(List.of(out), ensemble.best(), ensemble.mode(), ensemble.spreadScale());
    }

    private static PotentialGrid checked(PotentialGrid potential) {
        if (Math.abs(potential.vmax() - NetworkPredictor.TRAINED_VMAX) > 1e-9) {
            throw new IllegalArgumentException("the network is trained for Vmax = " + NetworkPredictor.TRAINED_VMAX
                    + " E0, got " + potential.vmax());
        }
        return io.bandsmith.engine.geometry.C6GridSymmetry.requireSymmetric(potential, 1e-6);
    }

    /**
     * Combines members' bands: mean (or best) energies, scaled sample standard deviation, majority labels. Exposed for
     * tests and for evaluation, which computes the members once.
     */
    public static EnsembleBands combine(List<BandStructure> members, int best, NetworkEnsemble.Mode mode,
            double spreadScale) {
        int n = members.size();
        BandStructure first = members.get(0);
        int nk = first.kpoints().size();
        int nb = first.bandCount();
        double[][] mean = new double[nk][nb];
        double[][] spread = new double[nk][nb];
        for (int k = 0; k < nk; k++) {
            for (int b = 0; b < nb; b++) {
                double s = 0;
                for (BandStructure m : members) {
                    s += m.energy(k, b);
                }
                double mu = s / n;
                double v = 0;
                for (BandStructure m : members) {
                    double d = m.energy(k, b) - mu;
                    v += d * d;
                }
                mean[k][b] = mu;
                spread[k][b] = spreadScale * Math.sqrt(v / Math.max(1, n - 1));
            }
        }
        Map<String, HighSymmetryLevels> hsp = new LinkedHashMap<>();
        Map<String, Boolean> disagree = new LinkedHashMap<>();
        for (String point : first.highSymmetry().keySet()) {
            int count = Integer.MAX_VALUE;
            for (BandStructure m : members) {
                count = Math.min(count, m.highSymmetry(point).count());
            }
            List<List<IrrepLabel>> tuples = new ArrayList<>();
            for (BandStructure m : members) {
                tuples.add(m.highSymmetry(point).labels().subList(0, count));
            }
            List<IrrepLabel> majority = mode == NetworkEnsemble.Mode.BEST ? tuples.get(best) : majority(tuples, best);
            boolean differs = false;
            for (List<IrrepLabel> t : tuples) {
                differs |= !t.equals(majority);
            }
            disagree.put(point, differs);
            if (mode == NetworkEnsemble.Mode.BEST) {
                hsp.put(point, members.get(best).highSymmetry(point));
                continue;
            }
            // energies: the mean over the members that agree with the majority (their degenerate pairs sit at the
            // same indices, so the mean keeps them exactly degenerate)
            double[] e = new double[count];
            int agreeing = 0;
            for (int m = 0; m < n; m++) {
                if (tuples.get(m).equals(majority)) {
                    agreeing++;
                    for (int l = 0; l < count; l++) {
                        e[l] += members.get(m).highSymmetry(point).energy(l);
                    }
                }
            }
            for (int l = 0; l < count; l++) {
                e[l] /= agreeing;
            }
            HighSymmetryLevels any = first.highSymmetry(point);
            hsp.put(point, new HighSymmetryLevels(any.point(), e, majority));
        }
        BandStructure bands = mode == NetworkEnsemble.Mode.BEST ? members.get(best)
                : new BandStructure(first.kpoints(), mean, hsp, first.vmax(), "ensemble mean of " + n + " networks");
        return new EnsembleBands(bands, spread, List.copyOf(members), disagree);
    }

    /** The most frequent label sequence; a tie goes to the best member's sequence if tied, else the earliest. */
    static List<IrrepLabel> majority(List<List<IrrepLabel>> tuples, int best) {
        Map<List<IrrepLabel>, Integer> votes = new LinkedHashMap<>();
        for (List<IrrepLabel> t : tuples) {
            votes.merge(t, 1, Integer::sum);
        }
        int top = Collections.max(votes.values());
        if (votes.get(tuples.get(best)) == top) {
            return tuples.get(best);
        }
        for (var e : votes.entrySet()) {
            if (e.getValue() == top) {
                return e.getKey();
            }
        }
        throw new IllegalStateException("no majority");
    }
}
