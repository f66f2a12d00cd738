package mlfoundations.models;

import java.util.List;

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
        double[][] theta = new double[2 * layers.size()][];
        for (int i = 0; i < layers.size(); i++) {
            theta[2 * i] = layers.get(i).w().data;
            theta[2 * i + 1] = layers.get(i).b().data;
        }
        return theta;
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
        double[][] g = new double[2 * layers.size()][];
        for (int i = 0; i < layers.size(); i++) {
            g[2 * i] = layers.get(i).dW().data;
            g[2 * i + 1] = layers.get(i).dB().data;
        }
        return g;
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
