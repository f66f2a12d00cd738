package mlfoundations.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class RngTest {

    private static double[] draws(long seed) {
        Rng.reset(seed);
        return new double[] {Rng.uniform(), Rng.normal(), Rng.integer(1000), Rng.uniform(-2, 3), Rng.bits()};
    }

    @Test
    void resetRestartsTheSameStream() {
        double[] first = draws(42);
        double[] again = draws(42);
        assertArrayEquals(first, again, 0.0);
        assertEquals(42, Rng.seed());
        Rng.reset();
        assertEquals(Rng.DEFAULT_SEED, Rng.seed());
        assertArrayEquals(draws(Rng.DEFAULT_SEED), first, 0.0, "the default seed is 42");
    }

    @Test
    void differentSeedsGiveDifferentStreams() {
        // Five draws of 64-bit quality agreeing between two seeds would be a broken generator, not chance.
        double[] a = draws(1);
        double[] b = draws(2);
        for (int i = 0; i < a.length; i++) {
            assertTrue(a[i] != b[i], "draw " + i + " is the same for seeds 1 and 2: " + Arrays.toString(a));
        }
    }

    @Test
    void drawsStayInTheirRanges() {
        Rng.reset(3);
        for (int k = 0; k < 10_000; k++) {
            double u = Rng.uniform(-2, 3);
            assertTrue(u >= -2 && u < 3, "uniform " + u);
            int i = Rng.integer(7);
            assertTrue(i >= 0 && i < 7, "integer " + i);
        }
        // The mean of 10 000 standard normals is within 4 standard errors (4 / sqrt(10 000) = 0.04) of 0.
        double sum = 0;
        for (int k = 0; k < 10_000; k++) {
            sum += Rng.normal();
        }
        assertEquals(0.0, sum / 10_000, 0.04);
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Rng.uniform(1, 1));
        assertThrows(IllegalArgumentException.class, () -> Rng.integer(0));
        assertThrows(IllegalArgumentException.class, () -> Rng.normal(0, -1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Rng.uniform(0, 1, -3));
        assertFalse(e.getMessage().isEmpty());
    }
}
