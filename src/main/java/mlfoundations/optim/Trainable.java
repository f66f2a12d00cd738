package mlfoundations.optim;

/**
 * A model that {@link TrainingLoop} can train: it holds its training data and its parameters theta (for example W and
 * b), and says its loss and the gradient of that loss at the current parameters. Linear regression, the network and
 * the classifiers to come implement it; the loop and the optimizers never need to know which model they train.
 */
public interface Trainable {

    /**
     * The parameter arrays theta (for example W row by row, and b), live: the optimizer changes them in place. They
     * must be the same array objects on every call, because optimizers keep their state (velocities, running
     * averages) per array.
     */
    double[][] parameters();

    /**
     * The forward and backward pass on the training examples with these row indices: returns the loss L on them at
     * the current parameters and leaves dL/dtheta in {@link #gradients()}.
     */
    double lossAndGradient(int[] examples);

    /** The gradient of the last {@link #lossAndGradient}, one array per parameter array, of the same lengths. */
    double[][] gradients();

    /** The loss on all training examples at the current parameters, without a gradient: what the history records. */
    double loss();

    /** The number of training examples m. */
    int examples();
}
