package io.bandsmith.models.xas.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import io.bandsmith.engine.io.InvalidInputException;
import io.bandsmith.models.xas.ReducedFormula;
import io.bandsmith.models.xas.TopologicalClass;

/**
 * Topological class by (space group, reduced formula), read from the lists of Tang, Po, Vishwanath and Wan (Nature
 * 566, 486 (2019)) as exported by the Topogivity authors: one material a line, {@code "<space group>, <formula>"}.
 * The list a line comes from gives its class: {@code case1} is trivial; {@code ti}, {@code tci} and {@code case3}
 * (symmetry-enforced semimetals) are topological. A pair found both trivial and topological is ambiguous and left
 * out, as Topogivity does.
 */
public final class TopologyLabels {
    private final Map<String, TopologicalClass> byKey;
    private final int ambiguous;

    private TopologyLabels(Map<String, TopologicalClass> byKey, int ambiguous) {
        this.byKey = Collections.unmodifiableMap(byKey);
        this.ambiguous = ambiguous;
    }

    public static TopologyLabels empty() {
        return new TopologyLabels(new HashMap<>(), 0);
    }

    /** Reads every {@code *.txt} list in the folder whose name says its class (case1, ti, tci, case3). */
    public static TopologyLabels readDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException(dir, "labels folder does not exist");
        }
        List<Path> lists = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().endsWith(".txt") && classOfList(p).isPresent())
                    .sorted().forEach(lists::add);
        } catch (IOException e) {
            throw new InvalidInputException(dir, "cannot list: " + e.getMessage());
        }
        if (lists.isEmpty()) {
            throw new InvalidInputException(dir, "no label lists (*case1*.txt, *ti*.txt, *tci*.txt, *case3*.txt)");
        }
        Map<String, Set<TopologicalClass>> seen = new HashMap<>();
        for (Path p : lists) {
            TopologicalClass cls = classOfList(p).orElseThrow();
            List<String> lines;
            try {
                lines = Files.readAllLines(p);
            } catch (IOException e) {
                throw new InvalidInputException(p, "cannot read: " + e.getMessage());
            }
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).trim();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(",");
                if (parts.length != 2) {
                    throw new InvalidInputException(p, "line " + (i + 1) + ": expected '<space group>, <formula>', got '"
                            + line + "'");
                }
                int sg;
                ReducedFormula f;
                try {
                    sg = Integer.parseInt(parts[0].trim());
                    f = ReducedFormula.parse(parts[1].trim());
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException(p, "line " + (i + 1) + ": " + e.getMessage());
                }
                if (sg < 1 || sg > 230) {
                    throw new InvalidInputException(p, "line " + (i + 1) + ": space group " + sg + " not in 1..230");
                }
                seen.computeIfAbsent(key(sg, f), k -> new HashSet<>()).add(cls);
            }
        }
        Map<String, TopologicalClass> byKey = new HashMap<>();
        int ambiguous = 0;
        for (Map.Entry<String, Set<TopologicalClass>> e : seen.entrySet()) {
            if (e.getValue().size() == 1) {
                byKey.put(e.getKey(), e.getValue().iterator().next());
            } else {
                ambiguous++;
            }
        }
        return new TopologyLabels(byKey, ambiguous);
    }

    /** The class a list's file name stands for: case1 trivial; ti, tci, case3 topological. */
    static Optional<TopologicalClass> classOfList(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.contains("case1")) {
            return Optional.of(TopologicalClass.TRIVIAL);
        }
        if (n.contains("case3") || n.matches(".*(^|[_\\-.])(ti|tci)([_\\-.]).*")) {
            return Optional.of(TopologicalClass.TOPOLOGICAL);
        }
        return Optional.empty();
    }

    private static String key(int sg, ReducedFormula f) {
        return sg + "|" + f.text();
    }

    public Optional<TopologicalClass> lookup(int spaceGroup, ReducedFormula formula) {
        return Optional.ofNullable(byKey.get(key(spaceGroup, formula)));
    }

    public int size() {
        return byKey.size();
    }

    /** Number of (space group, formula) pairs dropped because they appear as both trivial and topological. */
    public int ambiguousCount() {
        return ambiguous;
    }

    public long count(TopologicalClass cls) {
        return byKey.values().stream().filter(c -> c == cls).count();
    }
}
