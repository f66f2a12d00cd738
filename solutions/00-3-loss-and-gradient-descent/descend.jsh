double[] descend(DoubleUnaryOperator df, double x0, double alpha, double tol, int maxSteps) {
    double xk = x0;
    int steps = 0;
    while (steps < maxSteps) {
        double next = xk - alpha * df.applyAsDouble(xk);
        double length = Math.abs(next - xk);
        xk = next;
        steps++;
        if (length < tol) break;   // the short step has been taken and counted
    }
    return new double[] {xk, steps};
}
