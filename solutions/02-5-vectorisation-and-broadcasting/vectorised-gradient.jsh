SimpleMatrix gradientW(SimpleMatrix X, SimpleMatrix y, SimpleMatrix w, double b) {
    SimpleMatrix a = sigmoid(X.mult(w).plus(b));
    return X.transpose().mult(a.minus(y)).divide(X.getNumRows());
}
