package io.bandsmith.models.dataset;

/**
 * What a training dataset holds: {@code count} random potentials of the appendix-D distribution with exponent
 * {@code alpha}, seeds {@code seedStart .. seedStart + count - 1}, their exact lowest {@code bands} bands on the
 * {@code kpoints}-point wedge grid and the labelled levels at Γ, K, M. Stored in shards of {@code shardSize}.
 */
public record DatasetSpec(int count, double alpha, long seedStart, int shardSize, int gridSize, double vmax,
        int bands, int kpoints) implements java.io.Serializable {
    public static final String FORMAT = "bandsmith-dataset";
    public static final int FORMAT_VERSION = 1;
    public static final String CONVENTIONS = "p6 conventions (docs/conventions.md), hexagonal-pixel reading";

    public DatasetSpec {
        if (count < 1) {
            throw new IllegalArgumentException("--count must be at least 1");
        }
        if (shardSize < 1) {
            throw new IllegalArgumentException("shard size must be at least 1");
        }
        if (gridSize < 3 || !(vmax > 0) || bands < 1) {
            throw new IllegalArgumentException("invalid grid size, Vmax or band count");
        }
    }

    public static DatasetSpec training(int count, double alpha, long seedStart) {
        return new DatasetSpec(count, alpha, seedStart, 500, 100, 256.0, 7, 79);
    }

    public int shardCount() {
        return (count + shardSize - 1) / shardSize;
    }

    /** First sample index of a shard. */
    public int shardStart(int shard) {
        return shard * shardSize;
    }

    public int shardLength(int shard) {
        return Math.min(shardSize, count - shardStart(shard));
    }

    public String shardName(int shard) {
        return String.format("shard-%05d.npz", shard);
    }
}
