/** The gradients {dW1, db1, dW2, db2} of the mean BCE of A2 = sigmoid(sigmoid(X W1 + b1) W2 + b2) against Y. */
SimpleMatrix[] backprop(SimpleMatrix X, SimpleMatrix Y, SimpleMatrix W1, SimpleMatrix b1, SimpleMatrix W2, SimpleMatrix b2) {
    int m = X.getNumRows();
    SimpleMatrix ones = new SimpleMatrix(m, 1);
    ones.fill(1.0);
    SimpleMatrix A1 = sigmoid(X.mult(W1).plus(ones.mult(b1)));          // forward, m x h
    SimpleMatrix A2 = sigmoid(A1.mult(W2).plus(ones.mult(b2)));         // m x 1
    SimpleMatrix dZ2 = A2.minus(Y).divide(m);                           // backward
    SimpleMatrix dZ1 = dZ2.mult(W2.transpose()).elementMult(A1).elementMult(A1.negative().plus(1));
    return new SimpleMatrix[] {X.transpose().mult(dZ1), ones.transpose().mult(dZ1),
                               A1.transpose().mult(dZ2), ones.transpose().mult(dZ2)};
}
