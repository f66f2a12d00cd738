package mlfoundations.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TicksTest {

    @Test
    void stepsRoundToOneTwoOrFiveAtXChartsMidpoints() {
        // rough step = units per pixel * spacing; s = 1.4 -> 1, 1.6 -> 2, 3.4 -> 2, 3.6 -> 5, 7.4 -> 5, 7.6 -> 10.
        assertEquals(1.0, Ticks.step(0.014, 100), 1e-12);
        assertEquals(2.0, Ticks.step(0.016, 100), 1e-12);
        assertEquals(2.0, Ticks.step(0.034, 100), 1e-12);
        assertEquals(5.0, Ticks.step(0.036, 100), 1e-12);
        assertEquals(5.0, Ticks.step(0.074, 100), 1e-12);
        assertEquals(10.0, Ticks.step(0.076, 100), 1e-12);
        assertEquals(0.05, Ticks.step(0.00044, 100), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> Ticks.step(0, 44));
    }

    @Property
    void everyStepIsANiceNumberNearTheRoughStep(@ForAll @DoubleRange(min = -9, max = 9) double log10Scale,
            @ForAll @IntRange(min = 20, max = 120) int spacing) {
        double unitsPerPixel = Math.pow(10, log10Scale);
        double rough = unitsPerPixel * spacing;
        double step = Ticks.step(unitsPerPixel, spacing);
        double mantissa = step / Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
        // Exact up to the rounding of 10^k (relative 1e-15), far inside 1e-9.
        assertTrue(Math.abs(mantissa - 1) < 1e-9 || Math.abs(mantissa - 2) < 1e-9 || Math.abs(mantissa - 5) < 1e-9,
                "step " + step + " is not 1, 2 or 5 times a power of ten");
        // Rounding s in [1, 10) at 1.5, 3.5 and 7.5 moves it by at most a factor 2/3.5 down or 10/7 up.
        assertTrue(step / rough >= 2 / 3.5 - 1e-12 && step / rough <= 10 / 7.0 + 1e-12, step + " vs " + rough);
    }

    @Test
    void ticksAreTheMultiplesOfTheStepInTheRange() {
        assertArrayEquals(new double[] {-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2}, Ticks.over(-2, 2, 0.5), 1e-12);
        assertArrayEquals(new double[] {0.2, 0.4, 0.6}, Ticks.over(0.15, 0.7, 0.2), 1e-12);
        // 0.1 + 0.2 = 0.30000000000000004 still counts as the end 0.3.
        assertEquals(3, Ticks.over(0.1, 0.1 + 0.2, 0.1).length);
    }

    @Test
    void labelsReadLikeTheXChartAxes() {
        assertEquals("1,000", Ticks.label(1000));
        assertEquals("0.25", Ticks.label(0.25));
        assertEquals("0.3", Ticks.label(3 * 0.1));
        assertEquals("0", Ticks.label(-0.0));
        assertEquals("-1.5", Ticks.label(-1.5));
    }
}
