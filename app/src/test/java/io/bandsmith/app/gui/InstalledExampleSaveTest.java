package io.bandsmith.app.gui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.bandsmith.app.gui.model.GeometryBase;
import io.bandsmith.app.gui.viewmodel.WorkbenchState;
import io.bandsmith.app.gui.viewmodel.WorkbenchViewModel;

/**
 * Issue 11, item 4: a shipped example opened from the installation is never overwritten by Save (Save becomes Save
 * as into a folder of the user's), and an opened random potential sets the editor's α to the α it was made with.
 */
class InstalledExampleSaveTest {
    @TempDir
    Path dir;

    private final RecordingDialogs dialogs = new RecordingDialogs();
    private WorkbenchViewModel vm;
    private Path install;
    private Path example;

    @BeforeEach
    void setUp() throws Exception {
        install = dir.resolve("bandsmith");
        Path examples = Files.createDirectories(install.resolve("assets/examples"));
        example = examples.resolve("05-fragile-second-set-alpha0.5-seed87.json");
        Files.copy(Path.of(System.getProperty("user.dir")).resolveSibling("assets").resolve("examples")
                .resolve(example.getFileName().toString()), example);
        vm = new WorkbenchViewModel(new FakeBandSource(), "fake source",
                r -> { }, Runnable::run, dialogs, new WorkbenchState(dir.resolve("state")));
        vm.setInstallation(install);
    }

    @AfterEach
    void tearDown() {
        vm.close();
    }

    @Test
    void saveOfAShippedExampleWritesACopyElsewhereAndLeavesTheExample() throws Exception {
        byte[] before = Files.readAllBytes(example);
        assertTrue(vm.open(example));
        vm.editor().applyUniform(0.5);
        Path copy = dir.resolve("mine/copy.bandsmith.json");
        Files.createDirectories(copy.getParent());
        dialogs.nextFile = copy;
        assertTrue(vm.save());
        assertArrayEquals(before, Files.readAllBytes(example), "the shipped example is unchanged");
        assertTrue(Files.isRegularFile(copy), "the copy was written where the user chose");
        assertEquals(copy, vm.projectFileProperty().get());
        assertFalse(vm.dirtyProperty().get());
    }

    @Test
    void saveAsIntoTheInstallationIsRefusedWithAMessage() throws Exception {
        byte[] before = Files.readAllBytes(example);
        assertTrue(vm.open(example));
        vm.editor().applyUniform(0.5);
        dialogs.nextFile = example;
        assertFalse(vm.saveAs());
        assertArrayEquals(before, Files.readAllBytes(example));
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).contains("installation"), dialogs.errors.get(0));
        assertTrue(vm.dirtyProperty().get(), "nothing was saved");
    }

    @Test
    void openingARandomExampleSetsAlphaToTheAlphaItWasMadeWith() {
        assertTrue(vm.open(example));
        GeometryBase.RandomField base = (GeometryBase.RandomField) vm.document().base();
        assertEquals(0.5, base.alpha(), 0.0, "the example is the α = 1/2 family (its file name says so)");
        assertEquals(0.5, vm.editor().randomAlphaProperty().get(), 0.0);
        assertEquals(87, vm.editor().randomSeedProperty().get());
    }
}
