package io.bandsmith.models.training;

import java.util.ArrayList;
import java.util.List;

import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.models.dataset.Dataset;
import io.bandsmith.models.dataset.DatasetShard;
import io.bandsmith.models.network.StarFeatures;

/** Samples of a dataset in memory: star features of each geometry and its exact targets. */
public record TrainingSet(double[][] features, List<BandTarget> targets, long[] seeds) {
    public int size() {
        return targets.size();
    }

    /** Loads every complete shard of a dataset (up to {@code limit} samples; 0 = all). */
    public static TrainingSet load(Dataset dataset, StarFeatures features, int limit) {
        List<double[]> f = new ArrayList<>();
        List<BandTarget> t = new ArrayList<>();
        List<Long> seeds = new ArrayList<>();
        int size = dataset.spec().gridSize();
        outer:
        for (int s : dataset.completeShards()) {
            DatasetShard shard = dataset.readShard(s);
            for (int i = 0; i < shard.size(); i++) {
                if (limit > 0 && t.size() >= limit) {
                    break outer;
                }
                PotentialGrid grid = PotentialGrid.fromMask(size, shard.masks()[i], dataset.spec().vmax());
                f.add(features.of(grid));
                double[][] he = shard.hspEnergies()[i];
                t.add(new BandTarget(shard.energies()[i], he, shard.hspLabels()[i]));
                seeds.add(shard.seeds()[i]);
            }
        }
        if (t.isEmpty()) {
            throw new IllegalArgumentException(dataset.dir() + " has no complete shard yet");
        }
        return new TrainingSet(f.toArray(new double[0][]), t, seeds.stream().mapToLong(Long::longValue).toArray());
    }

    /**
     * These samples followed by their mirror images (free data, docs/decisions/0015): the features permuted by
     * {@link StarFeatures#mirrorPermutation()}, the band rows by the mirror's k permutation (E'(k) = E(σk); the rows
     * are shared, not copied), the labelled levels at Γ, K, M unchanged. The images keep their originals' seeds.
     *
     * @param kpoints the k set of the targets (the wedge grid of the dataset)
     */
    public TrainingSet withMirrorImages(StarFeatures features, io.bandsmith.engine.lattice.KPointSet kpoints) {
        int[] fp = features.mirrorPermutation();
        int[] kp = io.bandsmith.engine.geometry.HexagonalMirror.permutation(kpoints);
        int n = size();
        double[][] f = java.util.Arrays.copyOf(this.features, 2 * n);
        List<BandTarget> t = new ArrayList<>(targets);
        long[] s = java.util.Arrays.copyOf(seeds, 2 * n);
        for (int i = 0; i < n; i++) {
            double[] mf = new double[fp.length];
            for (int q = 0; q < fp.length; q++) {
                mf[q] = this.features[i][fp[q]];
            }
            f[n + i] = mf;
            BandTarget b = targets.get(i);
            if (b.energies().length != kp.length) {
                throw new IllegalArgumentException("targets have " + b.energies().length + " k points, the k set "
                        + kp.length);
            }
            double[][] e = new double[kp.length][];
            for (int q = 0; q < kp.length; q++) {
                e[q] = b.energies()[kp[q]];
            }
            t.add(new BandTarget(e, b.hspEnergies(), b.hspLabels()));
            s[n + i] = seeds[i];
        }
        return new TrainingSet(f, t, s);
    }

    /** Samples [from, to). */
    public TrainingSet slice(int from, int to) {
        double[][] f = java.util.Arrays.copyOfRange(features, from, to);
        return new TrainingSet(f, targets.subList(from, to), java.util.Arrays.copyOfRange(seeds, from, to));
    }
}
