package io.bandsmith.models.xas.dataset;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Material ids of the training, validation and test subsets; disjoint (checked). */
public record DatasetSplit(List<String> train, List<String> validation, List<String> test) {
    public DatasetSplit {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
        test = List.copyOf(test);
        Set<String> seen = new HashSet<>();
        for (List<String> part : List.of(train, validation, test)) {
            for (String id : part) {
                if (!seen.add(id)) {
                    throw new IllegalArgumentException("material " + id + " is in two subsets of the split");
                }
            }
        }
    }

    public enum Subset { TRAIN, VALIDATION, TEST, ALL }

    public List<XasMaterial> select(List<XasMaterial> materials, Subset subset) {
        if (subset == Subset.ALL) {
            return materials;
        }
        Set<String> ids = new HashSet<>(subset == Subset.TRAIN ? train : subset == Subset.VALIDATION ? validation
                : test);
        Predicate<XasMaterial> in = m -> ids.contains(m.id());
        return materials.stream().filter(in).collect(Collectors.toList());
    }
}
