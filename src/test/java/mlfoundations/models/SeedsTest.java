package mlfoundations.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;

import mlfoundations.data.Batches;
import mlfoundations.stats.Rng;

/** A model given its own random source is repeatable and leaves the lessons' global stream alone. */
class SeedsTest {

    /** The next global draw, to see whether something advanced the global stream. */
    private static double nextGlobalAfterReset(Runnable between) {
        Rng.reset(99);
        between.run();
        return Rng.uniform();
    }

    @Test
    void anOwnSourceGivesTheSameWeightsAsTheGlobalStreamWithThatSeed() {
        for (Init init : new Init[] {Init.xavier(), Init.he(), Init.uniform(0.3), Init.normal(2)}) {
            Rng.reset(7);
            double[] global = init.draw(3, 4);
            double[] own = init.draw(3, 4, Rng.seeded(7));
            assertArrayEquals(global, own, 0.0, init.toString());
            assertArrayEquals(own, init.draw(3, 4, Rng.seeded(7)), 0.0, "repeatable");
        }
    }

    @Test
    void anOwnSourceDoesNotAdvanceTheGlobalStream() {
        double untouched = nextGlobalAfterReset(() -> { });
        assertEquals(untouched, nextGlobalAfterReset(() -> Init.xavier().draw(5, 5, Rng.seeded(1))), 0.0);
        assertEquals(untouched, nextGlobalAfterReset(() -> Dropout.mask(4, 4, 0.5, Rng.seeded(1))), 0.0);
        assertEquals(untouched, nextGlobalAfterReset(
                () -> Network.build(Loss.BCE, Init.xavier(), Rng.seeded(1), Activation.TANH, Activation.SIGMOID, 2, 3, 1)),
                0.0);
        assertEquals(untouched, nextGlobalAfterReset(() -> Batches.of(10, 3, true, Rng.seeded(1)).epoch()), 0.0);
        assertTrue(untouched != nextGlobalAfterReset(() -> Init.xavier().draw(5, 5)), "the global form does advance it");
    }

    @Test
    void networksAndDropoutWithTheSameSeedAreTheSame() {
        Network a = Network.build(Loss.BCE, Init.xavier(), Rng.seeded(5), Activation.TANH, Activation.SIGMOID, 2, 3, 1);
        Rng.reset(123);   // whatever the global stream does in between
        Rng.uniform();
        Network b = Network.build(Loss.BCE, Init.xavier(), Rng.seeded(5), Activation.TANH, Activation.SIGMOID, 2, 3, 1);
        assertArrayEquals(a.parameters(), b.parameters(), 0.0);
        assertArrayEquals(Dropout.mask(3, 3, 0.5, Rng.seeded(8)).getDDRM().getData(),
                Dropout.mask(3, 3, 0.5, Rng.seeded(8)).getDDRM().getData(), 0.0);
        Dense d = Dense.of(2, 4, Activation.RELU, Init.he(), Rng.seeded(2)).dropout(0.5, Rng.seeded(3));
        SimpleMatrix x = new SimpleMatrix(new double[][] {{1, 2}, {3, 4}});
        SimpleMatrix first = d.forward(x, true);
        Dense e = Dense.of(2, 4, Activation.RELU, Init.he(), Rng.seeded(2)).dropout(0.5, Rng.seeded(3));
        assertArrayEquals(first.getDDRM().getData(), e.forward(x, true).getDDRM().getData(), 0.0);
    }

    @Test
    void aDescentWithItsOwnSourceIgnoresTheGlobalStream() {
        SimpleMatrix x = new SimpleMatrix(6, 1, true, 0, 1, 2, 3, 4, 5);
        SimpleMatrix y = new SimpleMatrix(6, 1, true, 1, 3, 4, 7, 9, 11);
        Rng.reset(1);
        LinearRegression a = LinearRegression.descent(0.01, 20).batchSize(2).random(Rng.seeded(4)).fit(x, y);
        Rng.reset(2);
        LinearRegression b = LinearRegression.descent(0.01, 20).batchSize(2).random(Rng.seeded(4)).fit(x, y);
        assertArrayEquals(a.batchLossHistory(), b.batchLossHistory(), 0.0);
        // and it is the same as the global stream reset to that seed
        Rng.reset(4);
        LinearRegression c = LinearRegression.descent(0.01, 20).batchSize(2).fit(x, y);
        assertArrayEquals(a.batchLossHistory(), c.batchLossHistory(), 0.0);
    }
}
