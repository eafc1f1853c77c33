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

    /** Samples [from, to). */
    public TrainingSet slice(int from, int to) {
        double[][] f = java.util.Arrays.copyOfRange(features, from, to);
        return new TrainingSet(f, targets.subList(from, to), java.util.Arrays.copyOfRange(seeds, from, to));
    }
}
