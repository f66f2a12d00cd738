package mlfoundations.optim;

/**
 * Plain (stochastic) gradient descent: {@code theta <- theta - lr * g}, with g the gradient of the loss on whatever
 * data the caller used (all examples, one, or a mini-batch). It keeps no state. PyTorch: {@code torch.optim.SGD(params,
 * lr=lr)}.
 */
public final class Sgd implements Optimizer {

    private double lr;

    /** Gradient descent with learning rate {@code lr} (&gt; 0). */
    public Sgd(double lr) {
        this(lr, "learning rate");
    }

    /** As above, naming the rate in the error message as the caller's reader knows it ("step size"). */
    Sgd(double lr, String rateName) {
        this.lr = Hyper.rate(rateName, lr);
    }

    /** theta_i &lt;- theta_i - lr * g_i for every i, in place. */
    @Override
    public void update(double[] params, double[] grads) {
        Hyper.pair(params, grads);
        for (int i = 0; i < params.length; i++) {
            params[i] -= lr * grads[i];
        }
    }

    /** Nothing to forget: plain gradient descent has no state. */
    @Override
    public void reset() {
    }

    @Override
    public double learningRate() {
        return lr;
    }

    @Override
    public void setLearningRate(double lr) {
        this.lr = Hyper.learningRate(lr);
    }

    @Override
    public String toString() {
        return "SGD(lr=" + lr + ")";
    }
}
