package mlfoundations.models;

import java.util.List;
import java.util.function.Function;

import org.ejml.data.DMatrixRMaj;
import org.ejml.simple.SimpleMatrix;

import mlfoundations.optim.Trainable;

/**
 * A {@link Network} and its training data as a {@link Trainable}, for {@link mlfoundations.optim.TrainingLoop}: the
 * parameters are every layer's W and b arrays (live), the gradient is what the backward pass leaves in each layer,
 * the loss before each update is the training forward pass's (dropout on), the recorded loss is at inference.
 */
final class NetworkTraining implements Trainable {

    private final Network net;
    private final List<Dense> layers;
    private final SimpleMatrix x;
    private final SimpleMatrix y;

    NetworkTraining(Network net, SimpleMatrix x, SimpleMatrix y) {
        net.checkInput(x);
        net.checkTargets(y, x.getNumRows());
        this.net = net;
        this.layers = net.layers();
        this.x = x;
        this.y = y;
    }

    @Override
    public double[][] parameters() {
        return perLayer(Dense::w, Dense::b);
    }

    @Override
    public double lossAndGradient(int[] examples) {
        // Batches.full: always all the rows, in order.
        if (Network.firstNonFinite(net.forward(x, true)) >= 0) {
            return Double.NaN;     // the loop reports the divergence; backward cannot run on NaN
        }
        return net.backward(y);
    }

    @Override
    public double[][] gradients() {
        return perLayer(Dense::dW, Dense::dB);
    }

    /** The live arrays W1, b1, W2, b2, ... (or their gradients), in the order of {@link Network#parameters()}. */
    private double[][] perLayer(Function<Dense, DMatrixRMaj> weights, Function<Dense, DMatrixRMaj> biases) {
        double[][] out = new double[2 * layers.size()][];
        for (int i = 0; i < layers.size(); i++) {
            out[2 * i] = weights.apply(layers.get(i)).data;
            out[2 * i + 1] = biases.apply(layers.get(i)).data;
        }
        return out;
    }

    @Override
    public double loss() {
        DMatrixRMaj out = net.predictRaw(x);
        return Network.firstNonFinite(out) >= 0 ? Double.NaN : net.lossFunction().value(Loss.values(y), out.data);
    }

    @Override
    public int examples() {
        return x.getNumRows();
    }
}
