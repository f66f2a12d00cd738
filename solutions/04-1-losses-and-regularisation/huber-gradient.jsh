double huberGradient(double r, double delta) {
    return Math.max(-delta, Math.min(delta, r));
}
