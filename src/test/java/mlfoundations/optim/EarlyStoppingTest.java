package mlfoundations.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import mlfoundations.data.Batches;

class EarlyStoppingTest {

    /**
     * L(theta) = theta^2 + 1 (the mean of (theta - t)^2 over targets -1 and 1), gradient 2 theta. With SGD at
     * alpha = 0.25 each epoch halves theta exactly: from 8 the parameters after epoch k are 8 / 2^k.
     */
    private static final class Halving implements Trainable {
        final double[] theta = {8};
        final double[] grad = new double[1];

        @Override
        public double[][] parameters() {
            return new double[][] {theta};
        }

        @Override
        public double lossAndGradient(int[] examples) {
            grad[0] = 2 * theta[0];
            return loss();
        }

        @Override
        public double[][] gradients() {
            return new double[][] {grad};
        }

        @Override
        public double loss() {
            return theta[0] * theta[0] + 1;
        }

        @Override
        public int examples() {
            return 2;
        }
    }

    /** A made-up validation curve, one value per call (epoch 0 first). */
    private static java.util.function.DoubleSupplier curve(double... values) {
        int[] calls = {0};
        return () -> values[calls[0]++];
    }

    @Test
    void stopsWhenPatienceRunsOutAndRestoresTheBestEpoch() {
        // Validation: 10, 8, 6 (best, epoch 2), then 7, 6.5, 9: three epochs without a new best, so with patience 3
        // the run stops after epoch 5 and puts back the parameters of epoch 2, theta = 8 / 4 = 2.
        Halving model = new Halving();
        EarlyStopping stop = new EarlyStopping(curve(10, 8, 6, 7, 6.5, 9, 1, 1, 1, 1, 1), 3);
        TrainingHistory h = TrainingLoop.run(model, new Sgd(0.25), Batches.full(2), 10, null, stop);
        assertTrue(stop.stoppedEarly());
        assertEquals(2, stop.bestEpoch());
        assertEquals(5, stop.stoppedEpoch());
        assertEquals(6.0, stop.bestLoss(), 0.0);
        assertArrayEquals(new double[] {10, 8, 6, 7, 6.5, 9}, stop.validationLosses(), 0.0);
        assertEquals(2.0, model.theta[0], 0.0, "parameters of epoch 2 restored");
        // The training history ends at the stopping epoch: 64/4^k + 1 for k = 0..5.
        assertArrayEquals(new double[] {65, 17, 5, 2, 1.25, 1.0625}, h.losses(), 0.0);
        assertEquals(5, h.batchLosses().length);
    }

    @Test
    void aSmallImprovementBelowMinDeltaDoesNotCount() {
        // 10, 9 (best), 8.95, 8.9: the falls of 0.05 and 0.1 are not more than minDelta = 0.1, so with patience 2
        // the run stops after epoch 3 and keeps epoch 1 (theta = 4).
        Halving model = new Halving();
        EarlyStopping stop = new EarlyStopping(curve(10, 9, 8.95, 8.9, 1, 1), 2, 0.1);
        TrainingLoop.run(model, new Sgd(0.25), Batches.full(2), 5, null, stop);
        assertEquals(1, stop.bestEpoch());
        assertEquals(3, stop.stoppedEpoch());
        assertEquals(4.0, model.theta[0], 0.0);
    }

    @Test
    void aCurveThatKeepsFallingRunsAllEpochsAndKeepsTheLast() {
        Halving model = new Halving();
        EarlyStopping stop = new EarlyStopping(() -> model.loss(), 2);
        TrainingHistory h = TrainingLoop.run(model, new Sgd(0.25), Batches.full(2), 4, null, stop);
        assertFalse(stop.stoppedEarly());
        assertEquals(4, stop.stoppedEpoch());
        assertEquals(4, stop.bestEpoch());
        assertEquals(0.5, model.theta[0], 0.0);
        assertEquals(5, h.losses().length);
        assertArrayEquals(h.losses(), stop.validationLosses(), 0.0, "validation = training loss here");
    }

    @Test
    void aRestartedRunStartsItsRecordAfresh() {
        Halving model = new Halving();
        EarlyStopping stop = new EarlyStopping(() -> model.loss(), 1);
        TrainingLoop.run(model, new Sgd(0.25), Batches.full(2), 3, null, stop);
        TrainingLoop.run(model, new Sgd(0.25), Batches.full(2), 2, null, stop);
        assertEquals(3, stop.validationLosses().length);
        assertEquals(2, stop.bestEpoch());
    }

    @Test
    void badInputIsRejectedClearly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(() -> 0, 0));
        assertTrue(e.getMessage().contains("patience"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(null, 3));
        assertTrue(e.getMessage().contains("validation loss"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(() -> 0, 3, -0.1));
        assertTrue(e.getMessage().contains("minDelta"), e.getMessage());
        IllegalStateException s = assertThrows(IllegalStateException.class, () -> new EarlyStopping(() -> 0, 3).bestEpoch());
        assertTrue(s.getMessage().contains("no training run"), s.getMessage());
        Halving model = new Halving();
        EarlyStopping nan = new EarlyStopping(() -> Double.NaN, 3);
        s = assertThrows(IllegalStateException.class,
                () -> TrainingLoop.run(model, new Sgd(0.25), Batches.full(2), 3, null, nan));
        assertTrue(s.getMessage().contains("validation loss at epoch 0 is NaN"), s.getMessage());
    }

    @Test
    void aWarmupAsLongAsTheRunIsRejected() {
        Halving model = new Halving();
        Schedule s = Schedule.warmup(5, Schedule.constant(0.25));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingLoop.run(model, new Sgd(0.25), Batches.full(2), 5, s));
        assertTrue(e.getMessage().contains("warm-up of 5 epochs is not shorter than the run of 5 epochs"), e.getMessage());
        assertEquals(8.0, model.theta[0], 0.0, "nothing trained");
        assertTrue(Arrays.equals(new double[] {8}, model.theta));
    }
}
