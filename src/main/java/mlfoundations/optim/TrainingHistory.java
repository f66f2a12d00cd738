package mlfoundations.optim;

import java.util.Arrays;

/**
 * The losses of one training run, for printing and plotting: the loss on all the training data before the first
 * update and after every epoch ({@link #losses()}, epochs + 1 values), and the loss of every batch just before the
 * update it caused ({@link #batchLosses()}, one value per update: the noisy curve of stochastic gradient descent).
 */
public final class TrainingHistory {

    private final double[] losses;
    private final double[] batchLosses;

    TrainingHistory(double[] losses, double[] batchLosses) {
        this.losses = losses;
        this.batchLosses = batchLosses;
    }

    /** A history from recorded losses (both arrays copied): for a training loop written outside {@link TrainingLoop}. */
    public static TrainingHistory of(double[] losses, double[] batchLosses) {
        if (losses == null || losses.length == 0 || batchLosses == null) {
            throw new IllegalArgumentException("a history needs at least the loss before training, and a batch-loss array");
        }
        return new TrainingHistory(losses.clone(), batchLosses.clone());
    }

    /** The loss on all the data before training, then after each epoch (a copy). */
    public double[] losses() {
        return losses.clone();
    }

    /** The loss of each batch just before its update, in the order of the updates (a copy). */
    public double[] batchLosses() {
        return batchLosses.clone();
    }

    /** The loss on all the data after the last epoch. */
    public double last() {
        return losses[losses.length - 1];
    }

    /** The first {@code epochs + 1} losses and {@code updates} batch losses: what a run had recorded when it stopped. */
    TrainingHistory upTo(int epochs, int updates) {
        return new TrainingHistory(Arrays.copyOf(losses, epochs + 1), Arrays.copyOf(batchLosses, updates));
    }

    @Override
    public String toString() {
        return "TrainingHistory(" + (losses.length - 1) + " epochs, " + batchLosses.length + " updates, loss "
                + Trajectory.num(losses[0]) + " -> " + Trajectory.num(last()) + ")";
    }
}
