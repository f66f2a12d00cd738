package mlfoundations.optim;

/**
 * One update rule for parameters given their gradient: plain gradient descent, momentum, RMSProp, Adam, ...
 * (PyTorch's {@code torch.optim.Optimizer}). The same optimizer serves a plain function (one parameter array) and
 * a model (one call per weight array, e.g. per layer): rules that keep state (velocities, running averages) keep
 * it per parameter array, so each array must be passed as the same object on every step.
 */
public interface Optimizer {

    /** Moves {@code params} one step against {@code grads}, in place; both arrays have the same length. */
    void update(double[] params, double[] grads);

    /** Forgets all state (velocities, running averages, step counts), as if newly made. */
    void reset();

    /** The learning rate (step size) currently in use. */
    double learningRate();

    /**
     * Changes the learning rate for the steps that follow, keeping all other state: what a learning-rate schedule
     * does between epochs (PyTorch's schedulers set {@code param_group["lr"]} the same way).
     */
    void setLearningRate(double lr);
}
