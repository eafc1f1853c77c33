package io.bandsmith.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.bandsmith.models.xas.io.XasFileReader;
import io.bandsmith.models.xas.io.XasInspection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./bandsmith xas}: the spectral topology indicator (docs/xas.md). Reads X-ray absorption spectra, builds
 * labelled datasets, trains and evaluates the classifiers of Andrejevic et al. and predicts whether a material is
 * topological.
 */
@Command(name = "xas", mixinStandardHelpOptions = true,
        description = "Spectral topology indicator: classify materials as topological or trivial from K-edge XANES "
                + "spectra (docs/xas.md).",
        subcommands = {XasCommand.Inspect.class})
public final class XasCommand implements Runnable {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    @Command(name = "inspect", mixinStandardHelpOptions = true,
            description = "Read spectrum files (pymatgen XAS JSON, Materials Project XASDoc JSON, plain or .gz, FEFF "
                    + "xmu.dat) and report absorbing element, edge, type, points after resampling (200), energy "
                    + "range, space group and warnings.")
    static final class Inspect implements Runnable {
        @Parameters(arity = "1..*", paramLabel = "FILE", description = "Spectrum file(s).")
        List<Path> files;

        @Option(names = "--json", description = "Print JSON (one object for one file, a list for several).")
        boolean json;

        @Override
        public void run() {
            List<Map<String, Object>> reports = new ArrayList<>();
            for (Path f : files) {
                reports.add(XasInspection.report(XasFileReader.read(f)));
            }
            if (json) {
                System.out.println(json(reports.size() == 1 ? reports.get(0) : reports));
            } else {
                for (Map<String, Object> r : reports) {
                    System.out.print(XasInspection.text(r));
                    System.out.println();
                }
            }
        }
    }
}
