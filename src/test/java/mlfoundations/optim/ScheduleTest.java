package mlfoundations.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.IntToDoubleFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ScheduleTest {

    private static void rejects(String fragment, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' should mention '" + fragment + "'");
    }

    @Test
    void constantNeverChanges() {
        assertArrayEquals(new double[] {0.3, 0.3, 0.3}, Schedule.constant(0.3).values(3), 0.0);
    }

    @Test
    void timeBasedDecayHalvesAtOneOverDecay() {
        // alpha_t = 0.1 / (1 + 0.5 t): t = 0 -> 0.1, t = 2 -> 0.1 / 2, t = 6 -> 0.1 / 4.
        Schedule s = Schedule.timeBased(0.1, 0.5);
        assertEquals(0.1, s.rate(0), 0.0);
        assertEquals(0.05, s.rate(2), 1e-17);
        assertEquals(0.025, s.rate(6), 1e-17);
    }

    @Test
    void exponentialDecayWithLnTwoHalvesEveryStep() {
        // exp(-ln 2 * t) = 2^-t: 0.8, 0.4, 0.2, 0.1.
        Schedule s = Schedule.exponential(0.8, Math.log(2));
        assertArrayEquals(new double[] {0.8, 0.4, 0.2, 0.1}, s.values(4), 1e-15);
    }

    @Test
    void stepDecayDropsOnlyAtMultiplesOfTheInterval() {
        // 0.1 * 0.5^floor(t / 10): 0.1 up to t = 9, 0.05 from t = 10, 0.025 at t = 25.
        Schedule s = Schedule.stepDecay(0.1, 0.5, 10);
        assertEquals(0.1, s.rate(9), 0.0);
        assertEquals(0.05, s.rate(10), 0.0);
        assertEquals(0.025, s.rate(25), 0.0);
    }

    @Test
    void cosineFallsFromStartToFloorAlongHalfACosine() {
        // alpha_t = 0.1 + (1.1 - 0.1)(1 + cos(pi t / 3)) / 2: t = 0 -> 1.1, t = 1 -> 0.1 + 0.75 = 0.85
        // (cos(pi/3) = 1/2), t = 2 -> 0.1 + 0.25 = 0.35, t = 3 and after -> 0.1.
        Schedule s = Schedule.cosine(1.1, 0.1, 3);
        assertArrayEquals(new double[] {1.1, 0.85, 0.35, 0.1, 0.1}, s.values(5), 1e-15);
    }

    @Test
    void warmRestartsJumpBackToTheStartAndLengthenTheirCycles() {
        // Cycle lengths 4, 8, 16 (growth 2), floor 0, start 1. Cycle 1: t = 0..3, s = t: 1, 0.8535.., 0.5, 0.1464..
        // Cycle 2 starts at t = 4 (rate 1 again); t = 8 is s = 4 of 8, the middle: 0.5. Cycle 3 starts at t = 12.
        Schedule s = Schedule.warmRestarts(1, 0, 4, 2);
        assertEquals(1.0, s.rate(0), 0.0);
        assertEquals((1 + Math.cos(Math.PI / 4)) / 2, s.rate(1), 1e-15);
        assertEquals(0.5, s.rate(2), 1e-15);
        assertEquals(1.0, s.rate(4), 0.0);
        assertEquals(0.5, s.rate(8), 1e-15);
        assertEquals(1.0, s.rate(12), 0.0);
        assertTrue(s.rate(11) < 0.05, "the end of cycle 2 is near the floor");
    }

    @Test
    void equalCyclesRepeatExactly() {
        Schedule s = Schedule.warmRestarts(0.5, 0.1, 5);
        for (int t = 0; t < 5; t++) {
            assertEquals(s.rate(t), s.rate(t + 5), 0.0);
            assertEquals(s.rate(t), s.rate(t + 50), 0.0);
        }
    }

    @Test
    void warmupRisesLinearlyThenHandsOver() {
        // 4 warm-up steps before a step decay from 1 halving every step: 0.25, 0.5, 0.75, 1, then 1, 0.5, 0.25.
        Schedule s = Schedule.warmup(4, Schedule.stepDecay(1, 0.5, 1));
        assertArrayEquals(new double[] {0.25, 0.5, 0.75, 1, 1, 0.5, 0.25}, s.values(7), 0.0);
        assertEquals(4, s.warmupSteps());
    }

    @Test
    void aScheduleIsAnIntToDoubleFunction() {
        IntToDoubleFunction f = Schedule.timeBased(1, 1);
        assertEquals(1.0 / 3, f.applyAsDouble(2), 1e-16);
    }

    @Test
    void badArgumentsAreRejectedClearly() {
        rejects("alpha_0 must be > 0", () -> Schedule.constant(-0.1));
        rejects("alpha_0 must be > 0", () -> Schedule.timeBased(0, 0.1));
        rejects("time-based decay rate must be >= 0", () -> Schedule.timeBased(0.1, -0.5));
        rejects("exponential decay rate must be >= 0", () -> Schedule.exponential(0.1, Double.NaN));
        rejects("step-decay factor must be in (0, 1]", () -> Schedule.stepDecay(0.1, 0, 10));
        rejects("step-decay interval", () -> Schedule.stepDecay(0.1, 0.5, 0));
        rejects("alphaMin must be in [0, alpha_0)", () -> Schedule.cosine(0.1, 0.2, 10));
        rejects("cosine annealing length", () -> Schedule.cosine(0.1, 0, 0));
        rejects("warm-restart period", () -> Schedule.warmRestarts(0.1, 0, -1));
        rejects("warm-restart growth", () -> Schedule.warmRestarts(0.1, 0, 5, 0));
        rejects("warm-up length", () -> Schedule.warmup(0, Schedule.constant(0.1)));
        rejects("schedule that follows", () -> Schedule.warmup(3, null));
        rejects("step must be >= 0", () -> Schedule.constant(0.1).rate(-1));
    }
}
