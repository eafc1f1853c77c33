package io.bandsmith.app.cli;

import java.nio.file.Path;

import io.bandsmith.engine.cases.CaseStudy;
import io.bandsmith.engine.lattice.KPointSet;
import picocli.CommandLine.Option;

/**
 * The k-point choice shared by {@code solve} and {@code predict} (conventions.md); the default is --wedge 79. Each
 * command holds the {@link Choice} as its own {@code @ArgGroup} field: an ArgGroup inside a {@code @Mixin} is listed
 * twice in picocli's help (issue 11).
 */
public final class KPointOptions {
    private KPointOptions() {
    }

    public static final class Choice {
        @Option(names = "--kpoints", paramLabel = "FILE.csv", description = "k points from a CSV file (kx,ky in 1/a per "
                + "line, no header).")
        Path csv;

        @Option(names = "--wedge", paramLabel = "N", description = "The irreducible-wedge grid with N points: p6 79 "
                + "(training) or 821 (fine evaluation), default 79; p4 91 or 861, default 91.")
        Integer wedge;

        @Option(names = "--path", paramLabel = "N", description = "The default path (p6 Γ-K-M-Γ, p4 Γ-X-M-Γ) with N points per segment "
                + "(3N+1 points).")
        Integer path;
    }

    static KPointSet resolve(Choice choice) {
        return resolve(choice, CaseStudy.p6());
    }

    static KPointSet resolve(Choice choice, CaseStudy study) {
        if (choice == null || choice.wedge != null) {
            int n = choice == null ? study.wedgeCounts().get(0) : choice.wedge;
            return study.wedge(n);
        }
        if (choice.csv != null) {
            return KPointSet.readCsv(choice.csv);
        }
        if (choice.path < 1) {
            throw new IllegalArgumentException("--path needs at least 1 point per segment");
        }
        return study.path(choice.path);
    }
}
