package io.bandsmith.models.xas.classifier;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.bandsmith.engine.io.AtomicFiles;
import io.bandsmith.engine.io.InvalidInputException;
import io.bandsmith.models.xas.ChemicalElement;
import io.bandsmith.models.xas.dataset.DatasetSplit;
import io.bandsmith.models.xas.dataset.EnergyWindow;
import io.bandsmith.models.xas.preprocess.XasPreprocessing;

/**
 * The model file: a zip with {@code model.json} (format {@code "bandsmith-xas-model"}: kind, preprocessing, split,
 * options, threshold, training facts) and the backend's entries ({@code network.zip} from DL4J's ModelSerializer,
 * {@code svm.model} in LIBSVM's text format, or {@code pca-kmeans.json}).
 */
public final class XasModelFiles {
    public static final String FORMAT = "bandsmith-xas-model";
    static final String MODEL_JSON = "model.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private XasModelFiles() {
    }

    public static void write(Path file, TrainedXasClassifier c) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("version", 1);
        root.put("kind", c.kind().cliName());
        root.put("threshold", c.threshold());
        root.put("dataset", c.datasetDescription());
        XasPreprocessing p = c.preprocessing();
        Map<String, Object> pre = new LinkedHashMap<>();
        pre.put("points", p.points());
        List<Map<String, Object>> channels = new ArrayList<>();
        for (int i = 0; i < p.channelCount(); i++) {
            ChemicalElement e = p.channels().get(i);
            EnergyWindow w = p.windows().get(e);
            Map<String, Object> ch = new LinkedHashMap<>();
            ch.put("element", e.symbol());
            ch.put("window_ev", List.of(w.fromEv(), w.toEv()));
            ch.put("mean", p.channelMean(i));
            ch.put("scale", p.channelScale(i));
            channels.add(ch);
        }
        pre.put("channels", channels);
        root.put("preprocessing", pre);
        Map<String, Object> split = new LinkedHashMap<>();
        split.put("train", c.split().train());
        split.put("validation", c.split().validation());
        split.put("test", c.split().test());
        root.put("split", split);
        XasTrainingOptions o = c.options();
        Map<String, Object> opts = new LinkedHashMap<>();
        opts.put("seed", o.seed());
        opts.put("max_epochs", o.maxEpochs());
        opts.put("batch_size", o.batchSize());
        opts.put("learning_rate", o.learningRate());
        opts.put("patience", o.patience());
        opts.put("shift_ev", o.shiftEv());
        opts.put("augment", o.augment());
        opts.put("l2", o.l2());
        opts.put("dropout_retain", o.dropoutRetain());
        root.put("options", opts);
        root.put("training", c.facts());
        AtomicFiles.write(file, tmp -> {
            try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(tmp));
                    ZipOutputStream zip = new ZipOutputStream(raw)) {
                zip.putNextEntry(new ZipEntry(MODEL_JSON));
                zip.write(JSON.writeValueAsBytes(root));
                zip.closeEntry();
                c.model().writeEntries(zip);
            }
        });
    }

    public static TrainedXasClassifier read(Path file) {
        Map<String, byte[]> entries = new HashMap<>();
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file, "no such model file");
        } catch (ZipException | java.io.EOFException e) {
            throw new InvalidInputException(file, "not a Bandsmith XAS model (corrupt or truncated zip: "
                    + e.getMessage() + ")");
        } catch (IOException e) {
            throw new InvalidInputException(file, "cannot read model: " + e.getMessage());
        }
        if (!entries.containsKey(MODEL_JSON)) {
            throw new InvalidInputException(file, "not a Bandsmith XAS model (no model.json; train one with "
                    + "'bandsmith xas train')");
        }
        try {
            JsonNode root = JSON.readTree(entries.get(MODEL_JSON));
            if (!FORMAT.equals(root.path("format").asText())) {
                throw new InvalidInputException(file, "not a Bandsmith XAS model (format '"
                        + root.path("format").asText() + "')");
            }
            XasModelKind kind = XasModelKind.parse(root.path("kind").asText());
            JsonNode pre = root.path("preprocessing");
            List<ChemicalElement> channels = new ArrayList<>();
            TreeMap<ChemicalElement, EnergyWindow> windows = new TreeMap<>();
            JsonNode chs = pre.path("channels");
            double[] mean = new double[chs.size()];
            double[] scale = new double[chs.size()];
            for (int i = 0; i < chs.size(); i++) {
                JsonNode ch = chs.get(i);
                ChemicalElement e = ChemicalElement.ofSymbol(ch.path("element").asText());
                channels.add(e);
                windows.put(e, new EnergyWindow(ch.path("window_ev").get(0).asDouble(),
                        ch.path("window_ev").get(1).asDouble()));
                mean[i] = ch.path("mean").asDouble();
                scale[i] = ch.path("scale").asDouble();
            }
            XasPreprocessing p = new XasPreprocessing(channels, windows, mean, scale, pre.path("points").asInt());
            TypeReference<List<String>> ids = new TypeReference<>() { };
            JsonNode sp = root.path("split");
            DatasetSplit split = new DatasetSplit(JSON.convertValue(sp.path("train"), ids),
                    JSON.convertValue(sp.path("validation"), ids), JSON.convertValue(sp.path("test"), ids));
            JsonNode op = root.path("options");
            XasTrainingOptions o = new XasTrainingOptions(op.path("seed").asLong(), op.path("max_epochs").asInt(),
                    op.path("batch_size").asInt(), op.path("learning_rate").asDouble(), op.path("patience").asInt(),
                    op.path("shift_ev").asDouble(), op.path("augment").asBoolean(), op.path("l2").asDouble(),
                    op.path("dropout_retain").asDouble());
            Map<String, Object> facts = JSON.convertValue(root.path("training"),
                    new TypeReference<LinkedHashMap<String, Object>>() { });
            XasTopologyModel model;
            switch (kind) {
                case CNN:
                case CNN_SG:
                    model = CnnTopologyModel.read(kind, p, need(file, entries, CnnTopologyModel.NETWORK_ENTRY), facts);
                    break;
                case SVM:
                    model = SvmTopologyModel.read(p, need(file, entries, SvmTopologyModel.MODEL_ENTRY), facts);
                    break;
                default:
                    model = PcaKMeansTopologyModel.read(p, need(file, entries, PcaKMeansTopologyModel.ENTRY));
                    break;
            }
            return new TrainedXasClassifier(kind, p, model, split, o, root.path("threshold").asDouble(0.5),
                    root.path("dataset").asText(), facts == null ? Map.of() : facts);
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException(file, "inconsistent model file: " + e.getMessage());
        }
    }

    private static byte[] need(Path file, Map<String, byte[]> entries, String name) {
        byte[] b = entries.get(name);
        if (b == null) {
            throw new InvalidInputException(file, "model file lacks its " + name + " entry");
        }
        return b;
    }
}
