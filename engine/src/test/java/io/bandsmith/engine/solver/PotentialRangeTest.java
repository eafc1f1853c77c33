package io.bandsmith.engine.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.bandsmith.engine.bands.BandStructure;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.geometry.ShapeRasterizer;
import io.bandsmith.engine.io.InvalidInputException;
import io.bandsmith.engine.lattice.KPointSet;

/**
 * Issue 18, defects 1 and 2: the basis is sized from the potential's range (max − min), never from the nominal step
 * height alone, and what the solver cannot resolve is refused in one line instead of running out of memory,
 * overflowing or hanging.
 */
class PotentialRangeTest {
    private static final PlaneWaveSolver SOLVER = PlaneWaveSolver.withDefaults();
    private static final KPointSet WEDGE = KPointSet.hexagonalWedgeWithCount(79);

    private static PotentialGrid holes(double vmax) {
        return ShapeRasterizer.sixHoles(100, 0.30, 0.12, vmax);
    }

    @Test
    void hugeStepHeightsAreRefusedAtOnceInOneLine() {
        for (double vmax : new double[] {1e5, 1e6, 1e12}) {
            InvalidInputException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> assertThrows(InvalidInputException.class, () -> SOLVER.compute(holes(vmax), WEDGE, 7)));
            assertTrue(e.getMessage().contains("4096"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        }
    }

    @Test
    void aFloatPotentialAboveVmaxIsSolvedWithTheBasisOfItsRange() {
        // the case scaled down: a float potential of 1024 E0 read with the default --vmax 256 must give the
        // same levels as the same grid read as a mask with Vmax = 1024 (before, its basis was sized for 256 E0)
        PotentialGrid mask = holes(1024);
        PotentialGrid asFloat = PotentialGrid.of(100, mask.valuesE0(), 256);
        BandStructure a = SOLVER.compute(asFloat, WEDGE, 7);
        BandStructure b = SOLVER.compute(mask, WEDGE, 7);
        for (int k = 0; k < WEDGE.size(); k++) {
            for (int n = 0; n < 7; n++) {
                assertEquals(b.energy(k, n), a.energy(k, n), 1e-9 * 1024);
                assertTrue(a.energy(k, n) >= asFloat.min(), "a level below the potential's minimum");
            }
        }
        for (String p : new String[] {"G", "K", "M"}) {
            assertEquals(b.highSymmetry(p).labels(), a.highSymmetry(p).labels());
        }
    }

    @Test
    void aConstantShiftShiftsEveryLevelByTheSameAmount() {
        // V - c has the same range, hence the same basis, and its levels are those of V minus c; the shifted potential
        // is negative everywhere, which the solver takes as it is. Not to rounding: the shell correction expands
        // about the plain kinetic energy (without V(0)), which moves levels by up to ~8e-5 Vmax at c = 700 E0
        // (docs/solver.md); the solver's stated bound, 1e-4 Vmax, holds
        PotentialGrid v = holes(256);
        double[] shifted = v.valuesE0();
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] -= 700;
        }
        PotentialGrid w = PotentialGrid.of(100, shifted, 256);
        BandStructure a = SOLVER.compute(v, WEDGE, 7);
        BandStructure b = SOLVER.compute(w, WEDGE, 7);
        for (int k = 0; k < WEDGE.size(); k += 7) {
            for (int n = 0; n < 7; n++) {
                assertEquals(a.energy(k, n) - 700, b.energy(k, n), 1e-4 * 256);
            }
        }
        assertTrue(b.energy(0, 0) > w.min());
    }

    @Test
    void theRequiredHeapIsCheckedBeforeAnythingIsAllocated() {
        // at the largest accepted range the estimate fits the default heap of a test JVM; the message of a refusal
        // names the range
        PotentialGrid deep = holes(PlaneWaveSolver.MAX_RANGE);
        SOLVER.requireResolvable(deep);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> SOLVER.requireResolvable(holes(PlaneWaveSolver.MAX_RANGE * 1.01)));
        assertTrue(e.getMessage().contains("range"), e.getMessage());
    }
}
