double myCost(SimpleMatrix X, SimpleMatrix y, SimpleMatrix w, double b) {
    SimpleMatrix e = X.mult(w).plus(b).minus(y);          // the error, m x 1
    return e.dot(e) / (2 * X.getNumRows());
}
